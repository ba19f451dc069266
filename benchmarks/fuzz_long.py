"""A long fuzz run: the hypothesis fuzz tests of tests/test_fuzz*.py with a large budget.

    python benchmarks/fuzz_long.py [--scale 100] [-- PYTEST_ARGS...]

The fuzz tests (marking parser, every reader, the whole lint path) normally run a few hundred
examples each; this multiplies every budget by --scale (MARKLINT_FUZZ_SCALE) and runs them
with hypothesis statistics, then prints the outcome, the number of examples and the time.
A failure prints hypothesis's minimal falsifying example.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=100.0, help="budget multiplier (default 100)")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    args = parser.parse_args()
    tests = sorted(
        os.path.join("tests", name) for name in os.listdir(os.path.join(ROOT, "tests"))
        if name.startswith("test_fuzz") and name.endswith(".py")
    )
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--hypothesis-show-statistics",
               *tests, *args.pytest_args]
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "MARKLINT_FUZZ_SCALE": str(args.scale)})
    elapsed = time.perf_counter() - start
    examples = sum(int(n) for n in re.findall(r"- (\d+) passing examples", proc.stdout))
    invalid = sum(int(n) for n in re.findall(r"(\d+) invalid examples", proc.stdout))
    outcome = re.findall(r"^=* ?(\d+ (?:passed|failed).*?) ?=*$", proc.stdout, re.MULTILINE)
    summary = outcome[-1] if outcome else "(no summary)"
    if proc.returncode != 0:
        print(proc.stdout[-20000:])
        print(proc.stderr[-5000:], file=sys.stderr)
    print(f"fuzz run: scale {args.scale:g}, {len(tests)} files, {examples} passing examples "
          f"({invalid} invalid), {elapsed:.0f} s")
    print(f"pytest: {summary} (exit {proc.returncode})")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
