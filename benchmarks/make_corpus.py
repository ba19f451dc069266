"""Generate a corpus of varied plain-text drafts for benchmarks.

    python benchmarks/make_corpus.py DIR [--files 2000] [--seed 1]

Writes about 10 KB per document (2,000 documents is about 20 MB): letters and memoranda,
one to six pages (form feeds or banner pairs between pages), US classified, CUI and
unmarked documents, hard-wrapped and unwrapped paragraphs, numbered and bulleted lists,
subject lines, authority blocks, and some mistakes (missing marks, wrong banners). The same
seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import os
import random
import textwrap

WORDS = (
    "the convoy will leave at dawn and the escort joins near the river crossing while "
    "analysts review reports from field offices about logistics budgets schedules training "
    "exercises supply routes weather communications equipment personnel readiness plans "
    "for the coming quarter including maintenance of vehicles aircraft radios and shelters "
    "as requested by the committee whose members asked for a summary of findings"
).split()
CLASSIFIED = [
    ("TOP SECRET", "TS"), ("SECRET", "S"), ("CONFIDENTIAL", "C"),
    ("SECRET//NOFORN", "S//NF"), ("TOP SECRET//SI/TK//NOFORN", "TS//SI/TK//NF"),
    ("SECRET//REL TO USA, GBR", "S//REL TO USA, GBR"), ("CONFIDENTIAL//ORCON", "C//OC"),
]
NAMES = ["Jane Smith", "Ron Alvarez", "Dana Lee", "Sam Okafor", "Maria Rossi"]


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 22))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, wrap: bool) -> str:
    text = " ".join(sentence(rng) for _ in range(rng.randint(2, 7)))
    return textwrap.fill(text, 72) if wrap else text


def page_body(rng: random.Random, portion: str | None, wrap: bool, first: bool, year: int) -> list[str]:
    mark = f"({portion}) " if portion else ""
    low = "(U) " if portion else ""
    out = []
    if first:
        out += [f"{rng.choice(['March', 'June', 'October'])} {rng.randint(1, 28)}, {year}", ""]
        if portion == "CUI":
            out += ["Controlled by: Department of Good Works, Office of Payroll", ""]
        if rng.random() < 0.5:
            out += ["MEMORANDUM FOR THE DIRECTOR", "", f"SUBJECT: {low}Quarterly {rng.choice(WORDS)} review", ""]
        else:
            out += [f"Dear {rng.choice(NAMES).split()[0]}:", ""]
    for index in range(rng.randint(4, 9)):
        if rng.random() < 0.15:
            for number in range(1, rng.randint(3, 6)):
                out.append(f"{number}. {mark if index % 2 else low}{sentence(rng)}")
            out.append("")
            continue
        own = mark if rng.random() < 0.6 else low
        if portion and rng.random() < 0.03:
            own = ""  # a missing portion mark
        out += [own + paragraph(rng, wrap), ""]
    return out


def document(rng: random.Random) -> str:
    kind = rng.random()
    wrap = rng.random() < 0.6
    pages = rng.randint(1, 6)
    if kind < 0.6:
        banner, portion = rng.choice(CLASSIFIED)
    elif kind < 0.75:
        banner, portion = "CUI", "CUI"
    else:
        banner, portion = None, None
    separator = "\f" if rng.random() < 0.5 else ""
    out: list[str] = []
    year = rng.randint(2011, 2025)
    for number in range(1, pages + 1):
        top = banner if not (banner and rng.random() < 0.02) else None  # sometimes missing
        if top:
            out += [top.center(72).rstrip(), ""]
        out += page_body(rng, portion, wrap, number == 1, year)
        if number == pages:
            out += ["Sincerely,", "", "/S/", rng.choice(NAMES), ""]
            if banner and banner != "CUI":
                out += ["Classified By: Jane Smith, Director, Office of Plans", "Reason: 1.4(c)",
                        f"Declassify On: {year + 10}1231", ""]
        if banner:
            out += [banner.center(72).rstrip()]
        if number < pages:
            out += [f"Page {number} of {pages}", separator]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.directory, exist_ok=True)
    total = 0
    for index in range(args.files):
        text = document(rng)
        sub = os.path.join(args.directory, f"batch{index // 250:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"doc{index:05d}.txt"), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        total += len(text.encode("utf-8"))
    print(f"wrote {args.files} documents, {total / 1e6:.1f} MB, to {args.directory}")


if __name__ == "__main__":
    main()
