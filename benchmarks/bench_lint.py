"""Time `marklint` on a generated corpus against a one-regex reference (whole processes).

    python benchmarks/bench_lint.py [CORPUS_DIR] [--files 2000] [--repeat 3]

Without CORPUS_DIR a corpus is generated into a temporary directory (benchmarks/make_corpus.py).
Both runs are whole processes, Python start-up included: `marklint --quiet --format json DIR`
on one core (with `--jobs 1 --no-cache` when this marklint has those options) and a reference
process that reads the same files and runs one precompiled regular expression on every line.
Prints wall and CPU (user + system) time, MB/s and files/s of both, their ratio, and the time of
`marklint` on a one-page file (median of several runs). CPU time is the fairer figure on a busy
machine. Targets: >= 10 MB/s, ratio <= 8, one page <= 250 ms.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds user+system) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def corpus_or_generated(corpus: str | None, files: int, scratch: str) -> str:
    """The corpus directory given, or a new one of `files` documents made under `scratch`."""
    if corpus is not None:
        return corpus
    corpus = os.path.join(scratch, "corpus")
    subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), corpus, "--files", str(files)],
                   check=True, stdout=subprocess.DEVNULL)
    return corpus


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
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        corpus = corpus_or_generated(args.corpus, args.files, scratch)
        files, size = corpus_size(corpus)
        command = marklint_command()
        lint = min(timed(command + ["--quiet", "--format", "json", corpus]) for _ in range(args.repeat))
        reference = min(timed([sys.executable, "-c", REFERENCE, corpus]) for _ in range(args.repeat))
        page = os.path.join(scratch, "one-page.txt")
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(ONE_PAGE)
        runs = [timed(command + [page]) for _ in range(max(5, args.repeat * 3))]
        startup = statistics.median(wall for wall, _ in runs), statistics.median(cpu for _, cpu in runs)
        python = statistics.median(timed([sys.executable, "-c", "pass"])[0] for _ in range(5))
    mb = size / 1e6
    print(f"corpus: {files} files, {mb:.1f} MB; load average at start: {load:.1f}")
    print("            wall s  MB/s  files/s | CPU s  MB/s  files/s")
    for name, (wall, cpu) in (("marklint", lint), ("reference", reference)):
        print(f"{name:<10} {wall:7.2f} {mb / wall:5.1f} {files / wall:8.0f} | {cpu:5.2f} {mb / cpu:5.1f} {files / cpu:8.0f}")
    print(f"ratio marklint/reference: wall {lint[0] / reference[0]:.1f}, CPU {lint[1] / reference[1]:.1f}")
    print(f"one-page run: {startup[0] * 1000:.0f} ms wall, {startup[1] * 1000:.0f} ms CPU "
          f"(python -c pass: {python * 1000:.0f} ms wall); command: {' '.join(command[1:])}")

if __name__ == "__main__":
    main()
