"""Hypothesis strategies for fuzzing: marking strings and whole documents built from markings,
prose, administrative lines, markup and noise. Shared by tests/test_fuzz*.py and
benchmarks/fuzz_long.py."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


def fuzz_settings(examples: int) -> settings:
    """Hypothesis settings with `examples` examples, times MARKLINT_FUZZ_SCALE (default 1;
    benchmarks/fuzz_long.py raises it for a long run)."""
    scale = float(os.environ.get("MARKLINT_FUZZ_SCALE", "1"))
    return settings(max_examples=max(1, int(examples * scale)), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


BANNERS = [
    "TOP SECRET//SI//NOFORN", "SECRET//NOFORN", "SECRET//REL TO USA, GBR", "CONFIDENTIAL",
    "UNCLASSIFIED", "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "CUI", "CUI//SP-PRVCY//NOFORN", "SECRET",
    "S E C R E T", "TOP SECRET//HCS-P/SI-G//ORCON/NOFORN", "//NATO SECRET", "SECRET//FGI GBR",
    "SECRET//NOFRON", "secret // noforn", "TOP SECRET//TK//RELIDO", "SECRET//RD-N//NOFORN",
    "CONFIDENTIAL//REL TO USA, FVEY", "SECRET//SAR-BP//NOFORN", "TS//SI", "UNCLASSIFIED//FOUO",
]
PORTIONS = [
    "(S//NF)", "(U)", "(TS//SI)", "(C)", "(U//FOUO)", "(CUI)", "(S//REL TO USA, AUS, CAN, GBR, NZL)",
    "(S // NF)", "(s)", "(X)", "(TS//SI-G//OC/NF)", "(//NS)", "(S//FGI DEU)", "(R)", "(U//SBU)",
    "(S//NOFORN)", "(SECRET)", "(U//CUI)", "(S//RELIDO)",
]
ADMIN = [
    "Classified By: J. Smith, Director", "Derived From: SCG 12, dated 20200101", "Reason: 1.4(c)",
    "Declassify On: 20501231", "Declassify On: OADR", "DECL: X1", "Declassify on: 25X1, 20601231",
    "MEMORANDUM FOR THE RECORD", "FROM: Office of Security", "DATE: November 22, 1984",
    "Dear Sir:", "Sincerely,", "/S/", "Page 2 of 5", "- 3 -", "SUBJECT: (S) Test subject",
    "# marklint: disable=portion-missing reason", "# marklint: disable-next-line=banner-mismatch",
    "Classified By: x | Reason: 1.4(a) | Declassify On: 20991231",
]
PROSE = [
    "The meeting is scheduled for next week.", "(a) first item of a list", "(C) 2024 Acme Corp.",
    "The Secret Service arrived.", "a top secret project", "TOP SECRET clearance required",
    "(CMS) systems", "D(S) score", "Exempt under (b)(1).", "SECRETARIAT", "CONF: room 4",
    "1. The first numbered paragraph.", "a. a lettered item", "• a bullet", "- a dash item",
]
MARKUP = [
    "# Heading", "```", "    indented code", "**SECRET//NOFORN**", "<p align=\"center\">SECRET</p>",
    "<!-- pagebreak -->", "\\newpage", ".. raw:: pdf", "   PageBreak", "<<<", "| a | b |", "|---|---|",
    "> quoted (S) text", "<div style=\"page-break-after: always\"></div>", "----", "====", "//// comment",
    ".. comment", "<script>(S) x</script>", "---", "classification: SECRET", "<header>SECRET</header>",
]
TOKENS = [
    "TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "TS", "S", "C", "U", "R", "CUI", "NOFORN",
    "NF", "REL TO", "USA", "GBR", "FVEY", "SI", "TK", "HCS", "-P", "-G", "ORCON", "OC", "RELIDO", "FOUO",
    "FGI", "NATO", "COSMIC", "RD", "FRD", "SAR", "SP-PRVCY", "LIMDIS", "PROPIN", "OADR", "NOFRON",
    "//", "/", "-", ", ", " ", "(", ")", "", "//", "JOINT", "DEU", "EYES ONLY",
]

noise = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60
)
ascii_noise = st.text(alphabet=st.characters(min_codepoint=1, max_codepoint=127), max_size=60)

marking_strings = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=12).map("".join),
    st.sampled_from(BANNERS + PORTIONS),
    noise,
)


def _line(kinds: list) -> st.SearchStrategy[str]:
    return st.one_of(*kinds)


lines = _line([
    st.sampled_from(BANNERS),
    st.tuples(st.sampled_from(PORTIONS), st.sampled_from(PROSE)).map(" ".join),
    st.sampled_from(ADMIN),
    st.sampled_from(PROSE),
    st.sampled_from(MARKUP),
    st.just(""),
    st.just("\f"),
    st.tuples(st.sampled_from(["", " ", "\t", "   "]), st.sampled_from(BANNERS + PORTIONS)).map("".join),
    noise,
    ascii_noise,
])

documents = st.tuples(
    st.lists(lines, max_size=40),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
    st.booleans(),
).map(lambda parts: parts[1].join(parts[0]) + (parts[1] if parts[2] else ""))
