"""Time `marklint` on a generated corpus against a one-regex reference (whole processes).

    python benchmarks/bench_lint.py [CORPUS_DIR] [--files 2000] [--repeat 3]

Without CORPUS_DIR a corpus is generated into a temporary directory (benchmarks/make_corpus.py).
Both runs are whole processes, Python start-up included: `marklint --quiet --format json DIR`
on one core (with `--jobs 1 --no-cache` when this marklint has those options) and a reference
process that reads the same files and runs one precompiled regular expression on every line.
Prints MB/s, files/s, the ratio of the two wall times, and the wall time of `marklint` on a
one-page file (median of several runs). Targets: >= 10 MB/s, ratio <= 8, one page <= 250 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = r"""
import os, re, sys
pattern = re.compile(r"^\s*(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|CUI)\b|^\s*\((?:TS|S|C|U)\b")
hits = 0
for root, dirs, names in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(names):
        with open(os.path.join(root, name), encoding="utf-8") as handle:
            for line in handle:
                if pattern.search(line):
                    hits += 1
print(hits)
"""
ONE_PAGE = "SECRET\n\nMarch 3, 2025\n\n(S) The convoy leaves at dawn.\n\n(U) The escort joins at noon.\n\nSECRET\n"


def corpus_size(directory: str) -> tuple[int, int]:
    files = size = 0
    for root, _, names in os.walk(directory):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(root, name))
    return files, size


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def marklint_command() -> list[str]:
    command = [sys.executable, "-m", "marklint"]
    help_text = subprocess.run(command + ["--help"], capture_output=True, text=True).stdout
    if "--jobs" in help_text:
        command += ["--jobs", "1"]
    if "--no-cache" in help_text:
        command.append("--no-cache")
    return command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus
        if corpus is None:
            corpus = os.path.join(scratch, "corpus")
            subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), corpus,
                            "--files", str(args.files)], check=True, stdout=subprocess.DEVNULL)
        files, size = corpus_size(corpus)
        command = marklint_command()
        lint = min(timed(command + ["--quiet", "--format", "json", corpus]) for _ in range(args.repeat))
        reference = min(timed([sys.executable, "-c", REFERENCE, corpus]) for _ in range(args.repeat))
        page = os.path.join(scratch, "one-page.txt")
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(ONE_PAGE)
        startup = statistics.median(timed(command + [page]) for _ in range(max(5, args.repeat * 3)))
        python = statistics.median(timed([sys.executable, "-c", "pass"]) for _ in range(5))
    mb = size / 1e6
    print(f"corpus: {files} files, {mb:.1f} MB")
    print(f"marklint:  {lint:.2f} s  {mb / lint:.1f} MB/s  {files / lint:.0f} files/s  ({' '.join(command[1:])})")
    print(f"reference: {reference:.2f} s  {mb / reference:.1f} MB/s  {files / reference:.0f} files/s")
    print(f"ratio marklint/reference: {lint / reference:.1f}")
    print(f"one-page run: {startup * 1000:.0f} ms (python -c pass: {python * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
