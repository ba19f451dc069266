"""Parse throughput: distinct marking strings per second and repeated (memoised) ones per second.

    python benchmarks/bench_parse.py [--count N]

Targets on one core (issue 2): >= 10,000 distinct/s and >= 500,000 repeated/s. Also prints the
cost of `import marklint.markings` plus the first parse in a fresh interpreter (target <= 60 ms).
Rates use CPU time (time.process_time) so that other processes on a shared machine distort them
less; a reference figure (a fixed pure-Python loop) shows how fast this machine is right now.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import time

LEVELS = ["TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED"]
SCI = ["", "SI", "SI-G ABCD", "TK", "HCS-P", "SI/TK", "123/SI-G"]
DISSEM = ["NOFORN", "ORCON/NOFORN", "REL TO USA, GBR", "REL TO USA, AUS, CAN, GBR, NZL", "RELIDO", "FOUO",
          "RSEN/ORCON/NOFORN", "PROPIN", "REL TO USA, FVEY/RELIDO", "NOFORN/FISA"]
EXTRA = ["", "//EXDIS", "//LES", "//SSI"]


def corpus(count: int) -> list[str]:
    """`count` distinct marking strings (banners and portions, SAP numbers keep them distinct)."""
    out = []
    for i, (level, sci, dissem, extra) in enumerate(itertools.cycle(itertools.product(LEVELS, SCI, DISSEM, EXTRA))):
        if len(out) >= count:
            break
        parts = [level] + ([sci] if sci else []) + [f"SAR-P{i % 97}-{i}"] + [dissem]
        text = "//".join(parts) + extra
        out.append(f"({text})" if i % 2 else text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    args = parser.parse_args()

    start_cmd = ("import time; t=time.process_time(); import marklint.markings as m; "
                 "m.parse('SECRET//NOFORN'); print((time.process_time()-t)*1000)")
    # as installed: bytecode may be written (the warm-up run writes it and the vocabulary cache)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", start_cmd], check=True, capture_output=True, env=env)
    runs = [float(subprocess.run([sys.executable, "-c", start_cmd], check=True, capture_output=True,
                                 text=True, env=env).stdout) for _ in range(5)]
    print(f"import + first parse: {min(runs):.1f} ms CPU (best of 5; target <= 60 ms)")

    t = time.process_time()
    for _ in range(2000):
        sum(range(1000))
    print(f"reference: sum(range(1000)) takes {(time.process_time() - t) / 2000 * 1e6:.1f} us "
          "(about 8-10 us on an idle modern core)")

    from marklint.markings import parse
    from marklint.markings.parser import _analysed

    texts = corpus(args.count)
    _analysed.cache_clear()
    parse("SECRET")
    t = time.process_time()
    for text in texts:
        parse(text)
    distinct = len(texts) / (time.process_time() - t)
    print(f"distinct: {distinct:,.0f} parses/s ({len(texts):,} strings; target >= 10,000)")

    hot = texts[:100]
    n = 1_000_000
    t = time.process_time()
    for _ in range(n // 100):
        for text in hot:
            parse(text)
    repeated = n / (time.process_time() - t)
    print(f"repeated: {repeated:,.0f} parses/s ({n:,} parses of 100 strings; target >= 500,000)")


if __name__ == "__main__":
    main()
