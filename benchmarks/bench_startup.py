"""Start-up: `marklint FILE` on a one-page file against `python -c pass`, best of --repeat.

    python benchmarks/bench_startup.py [--repeat 10]

Both are run with this interpreter (run it with the environment's own python, not a version
manager's shim, which adds a start-up of its own). `marklint FILE` runs as a user runs it, with
the result cache (in a scratch folder: the first run fills it, the others are served from it);
`marklint --no-cache FILE` lints the page every time (the marking parser is built each run).
Budget (issue 13): at most 60 ms above `python -c pass`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from bench_lint import ONE_PAGE  # noqa: E402


def best(command: list[str], repeat: int, env: dict[str, str]) -> float:
    """The fastest wall time of `repeat` runs of `command`, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        page = os.path.join(scratch, "one-page.txt")
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(ONE_PAGE)
        env = {**os.environ, "XDG_CACHE_HOME": os.path.join(scratch, "cache")}
        python = best([sys.executable, "-c", "pass"], args.repeat, env)
        cached = best([sys.executable, "-m", "marklint", page], args.repeat, env)
        linted = best([sys.executable, "-m", "marklint", "--no-cache", page], args.repeat, env)
    print(f"python -c pass: {python * 1000:.0f} ms (best of {args.repeat})")
    print(f"marklint FILE: {cached * 1000:.0f} ms, start-up {1000 * (cached - python):.0f} ms  (budget <= 60 ms)")
    print(f"marklint --no-cache FILE: {linted * 1000:.0f} ms, {1000 * (linted - python):.0f} ms above python")


if __name__ == "__main__":
    main()
