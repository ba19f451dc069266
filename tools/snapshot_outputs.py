"""Write marklint's output on every fixture, in every format, to a folder, for before/after diffs.

    python tools/snapshot_outputs.py OUT_DIR [--corpus DIR]

A refactoring must leave output byte-identical: snapshot before (on main), snapshot after (on
the branch), then `diff -r BEFORE AFTER`. Covers the test fixtures, the shared real corpus and
seed (when ../shared exists), and a generated corpus if one is given (benchmarks/make_corpus.py),
each under the default rule set and `--rules auto`, in every output format, plus `--diff` of the
fixes with `--unsafe-fixes`. Runs marklint from the current environment, one process per run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit", "summary")
RULE_CHOICES = ("default", "auto")


def inputs(corpus: Path | None) -> dict[str, list[Path]]:
    """Named groups of input paths (folders are linted whole, as a user would)."""
    groups = {"fixtures": [ROOT / "tests" / "fixtures"]}
    shared = ROOT.parent / "shared"
    if shared.is_dir():
        groups["shared"] = [shared / "corpus" / "real", shared / "seeds"]
    if corpus is not None:
        groups["corpus"] = [corpus]
    return groups


def run(args: list[str], out: Path) -> None:
    """Run marklint with ARGS and write stdout, stderr and the exit code to OUT."""
    env = {**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": "", "CI": ""}
    done = subprocess.run([sys.executable, "-m", "marklint", *args], capture_output=True, env=env, cwd=ROOT)
    out.write_bytes(done.stdout + b"\n--- stderr ---\n" + done.stderr + f"\n--- exit {done.returncode} ---\n".encode())


def main() -> None:
    """Snapshot every group in every format under both rule choices."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path)
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    for name, paths in inputs(options.corpus).items():
        for rules in RULE_CHOICES:
            base = ["--no-cache", "--jobs", "1", "--isolated", *[str(p) for p in paths]]
            if rules == "auto":
                base[:0] = ["--rules", "auto"]
            for fmt in FORMATS:
                run(["check", "--format", fmt, *base], options.out / f"{name}.{rules}.{fmt}")
            run(["check", "--diff", "--unsafe-fixes", "--show-source", *base], options.out / f"{name}.{rules}.diff")
            print(f"{name} {rules}: done", flush=True)


if __name__ == "__main__":
    main()
