"""Scale figures (issues 7 and 13): throughput, --jobs, the cache, start-up and peak memory.

    python benchmarks/bench_scale.py [CORPUS_DIR] [--files 2000] [--repeat 3] [--big-mb 100]

Without CORPUS_DIR a corpus is generated into a temporary directory (benchmarks/make_corpus.py).
Every figure is a whole `marklint` process (start-up included), best of --repeat runs; CPU
seconds are printed too, since wall times mean little on a machine that is busy elsewhere:

- throughput (MB/s, files/s) with `--jobs 1` and `--jobs 2` (no cache), the ratio of the two,
  and the ratio to the one-regex reference process of benchmarks/bench_lint.py; these three run
  in interleaved rounds, and the ratios are printed best against best and as the median of the
  rounds' own ratios (the speed of a shared virtual machine drifts from minute to minute);
- a cold run that fills a fresh cache against a re-run served by the per-file result cache;
- start-up: `marklint --no-cache` on a one-page file against `python -c pass` (medians;
  benchmarks/bench_startup.py measures the start-up budget itself);
- time and peak memory (max RSS) of `marklint --no-cache` on a single text file of --big-mb MB.

Targets on a 2-core machine: >= 18 MB/s with --jobs 2; --jobs 2 >= 1.7x --jobs 1; --jobs 1 at
most 3.5x the one-regex reference; cached re-run >= 8x faster than cold; the single 100 MB file
in at most 5x the time of the --jobs 1 run over the 2,000-file corpus (22 MB), with a peak of at
most 3x its size.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from bench_lint import ONE_PAGE, REFERENCE, corpus_or_generated, corpus_size  # noqa: E402
from make_corpus import document  # noqa: E402

MARKLINT = [sys.executable, "-m", "marklint"]


def run(command: list[str]) -> tuple[float, int, float]:
    """Wall time in seconds, peak RSS in MB, and CPU seconds (user + system, worker processes
    included) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {proc.returncode}")
    return elapsed, usage.ru_maxrss * 1024 // 1_000_000, usage.ru_utime + usage.ru_stime  # KiB -> MB


def best(command: list[str], repeat: int) -> tuple[float, float]:
    """The fastest of `repeat` runs: (wall seconds, CPU seconds)."""
    wall, _, cpu = min(run(command) for _ in range(repeat))
    return wall, cpu


def big_file(path: str, megabytes: int) -> None:
    rng = random.Random(7)
    target = megabytes * 1_000_000
    written = 0
    with open(path, "w", encoding="utf-8") as handle:
        while written < target:
            text = document(rng) + "\f"
            handle.write(text)
            written += len(text.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big-mb", type=int, default=100)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        corpus = corpus_or_generated(args.corpus, args.files, scratch)
        files, size = corpus_size(corpus)
        mb = size / 1e6
        lint = MARKLINT + ["--quiet", "--format", "json"]
        # Rounds of one run each, interleaved: this machine's speed drifts by tens of percent over
        # a minute, and runs taken side by side are what a ratio should compare.
        rounds = [(run(lint + ["--no-cache", "--jobs", "1", corpus]),
                   run(lint + ["--no-cache", "--jobs", "2", corpus]),
                   run([sys.executable, "-c", REFERENCE, corpus])) for _ in range(args.repeat)]
        one, _, one_cpu = min(r[0] for r in rounds)
        two, _, two_cpu = min(r[1] for r in rounds)
        reference = min(r[2][0] for r in rounds)
        speedup = statistics.median(r[0][0] / r[1][0] for r in rounds)
        ratio = statistics.median(r[0][0] / r[2][0] for r in rounds)

        cold_times, warm_times = [], []
        for _ in range(args.repeat):
            cache = os.path.join(scratch, "cache")
            shutil.rmtree(cache, ignore_errors=True)
            cold_times.append(run(lint + ["--cache-dir", cache, "--jobs", "2", corpus])[0])
            time.sleep(2.1)  # let file mtimes age past the cache's racy-write window
            shutil.rmtree(cache)
            run(lint + ["--cache-dir", cache, "--jobs", "2", corpus])
            warm_times.append(best(lint + ["--cache-dir", cache, "--jobs", "2", corpus], args.repeat)[0])
        cold, warm = min(cold_times), min(warm_times)

        page = os.path.join(scratch, "one-page.txt")
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(ONE_PAGE)
        startup = statistics.median(run(MARKLINT + ["--no-cache", page])[0] for _ in range(9))
        python = statistics.median(run([sys.executable, "-c", "pass"])[0] for _ in range(9))

        big = os.path.join(scratch, "big.txt")
        big_file(big, args.big_mb)
        big_time, big_rss, _ = run(MARKLINT + ["--no-cache", "--quiet", "--format", "json", big])
        big_size = os.path.getsize(big) / 1e6

    print(f"corpus: {files} files, {mb:.1f} MB (best of {args.repeat} interleaved rounds); load average at start "
          f"{load_before:.2f}, at end {os.getloadavg()[0]:.2f} (figures mean little above 0.5)")
    print(f"--jobs 1: {one:.2f} s  {mb / one:.1f} MB/s  {files / one:.0f} files/s  ({one_cpu:.2f} CPU s)")
    print(f"--jobs 2: {two:.2f} s  {mb / two:.1f} MB/s  {files / two:.0f} files/s  ({two_cpu:.2f} CPU s)"
          "  (target >= 18 MB/s)")
    print(f"speed-up --jobs 2 / --jobs 1: {one / two:.2f}x best against best, {speedup:.2f}x median of "
          "the rounds  (target >= 1.7x)")
    print(f"reference one-regex process: {reference:.2f} s; ratio --jobs 1 / reference: {one / reference:.1f} "
          f"best against best, {ratio:.1f} median of the rounds  (target <= 3.5)")
    print(f"cold run filling the cache: {cold:.2f} s; cached re-run: {warm * 1000:.0f} ms; "
          f"{cold / warm:.1f}x faster  (target >= 8x)")
    print(f"one-page run: {startup * 1000:.0f} ms; python -c pass: {python * 1000:.0f} ms; "
          f"difference {1000 * (startup - python):.0f} ms  (the budget: bench_startup.py)")
    print(f"single {big_size:.0f} MB file: {big_time:.1f} s, {big_size / big_time:.1f} MB/s, "
          f"{big_time / one:.1f}x the --jobs 1 corpus run (target <= 5x); peak RSS {big_rss} MB, "
          f"{big_rss / big_size:.2f}x its size  (target <= 3x)")


if __name__ == "__main__":
    main()
