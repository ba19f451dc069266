"""Time fix mode against plain linting on a corpus with fixable mistakes.

    python benchmarks/bench_fix.py [--files 500] [--seed 1]

Builds a corpus with benchmarks/make_corpus.py in a temporary directory, then makes a third of
its banners sloppy (`SECRET // NOFORN`, REL TO lists out of order) so that fix mode has work.
Runs, as whole `marklint` processes on one core: linting (`--jobs 1 --no-cache`), `--diff`,
`--fix`, and a second `--fix` (which must change nothing). Prints MB/s and files/s for each,
and how many findings the first `--fix` fixed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def sloppy(text: str, rng: random.Random) -> str:
    """Mistakes with a safe fix: spaced separators, REL TO out of order."""
    if rng.random() < 0.5:
        text = text.replace("SECRET//", "SECRET // ")
    return text.replace("REL TO USA, GBR", "REL TO GBR, USA")


def timed(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "marklint", *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode == 2:
        raise SystemExit(f"marklint failed: {done.stderr.strip()}")
    return elapsed, done.stdout + done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="marklint-bench-fix-")
    try:
        corpus = os.path.join(work, "corpus")
        subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), corpus,
                        "--files", str(args.files), "--seed", str(args.seed)], check=True)
        rng = random.Random(args.seed)
        size = 0
        for root, _, names in os.walk(corpus):
            for name in names:
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
                if rng.random() < 1 / 3:
                    with open(path, "w", encoding="utf-8", newline="") as handle:
                        handle.write(sloppy(text, rng))
                size += os.path.getsize(path)
        megabytes = size / 1e6
        print(f"corpus: {args.files} files, {megabytes:.1f} MB")
        runs = [
            ("lint", ["--jobs", "1", "--no-cache", "--quiet", corpus]),
            ("--diff", ["--diff", "--quiet", corpus]),
            ("--fix", ["--fix", corpus]),
            ("--fix again", ["--fix", corpus]),
        ]
        for label, command in runs:
            elapsed, output = timed(command)
            match = re.search(r"^fixed (\d+) findings? in (\d+) files?$", output, re.M)
            extra = f"  ({match.group(1)} findings fixed in {match.group(2)} files)" if match else ""
            print(f"{label:12s} {elapsed:7.2f} s  {megabytes / elapsed:6.2f} MB/s  "
                  f"{args.files / elapsed:7.1f} files/s{extra}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
