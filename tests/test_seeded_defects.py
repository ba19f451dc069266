"""Each correctly marked document of tests/fixtures/correct/, damaged the ways a held-out check
damages documents, gives exactly the finding for the damage, at its line and column
(test_correct_documents.py covers an unmarked paragraph and a removed top banner):

- the top banner's level misspelt (`SECERT`, `CONFIDENTAIL`): a banner with an unknown level
  and its suggestion, not a page without a banner;
- a portion mark written in lower case (`(s)`, `1. (c)`): the wrong case (marking-form);
- the last banner removed: the page has no bottom banner (not for CUI, whose bottom banner is
  optional, U-01);
- the Declassify On line, or under today's rules the Classified By line, removed: the authority
  block is incomplete (C-02..C-05);
- the Declassify On date written `MM/DD/YYYY` under the rule sets that require `YYYYMMDD` (C-07);
- the SECRET banners lowered to CONFIDENTIAL over a SECRET portion: each page whose portions
  hold SECRET is bannered under them;
- the bottom banner's level swapped (SECRET and CONFIDENTIAL): it disagrees with the top one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_correct_documents import BANNER_REQUIRED, MARKED, body_start, ids, lint

MISSPELT = {"TOP SECRET": "TOP SECERT", "SECRET": "SECERT", "CONFIDENTIAL": "CONFIDENTAIL",
            "UNCLASSIFIED": "UNCLASIFIED"}
# A banner line's level (after an HTML paragraph or div tag, Markdown bold, a form feed or a centring indent).
_LEVEL = re.compile(r"^(<p>|<div[^>]*>|\*\*|\f|[ \t]+)?(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)"
                    r"(?=//|</p>|</div>|\*\*|$)")
_CLASSIFIED_MARK = re.compile(r"\((?:S|C|TS)(?://[A-Z ,/-]+)?\)(?= )")
_CAB_LABEL = re.compile(r"(?:Classified By|Derived From|Reason):")
_DECLASSIFY = re.compile(r"^Declassify On: (\d{4})(\d{2})(\d{2})$")
_SECRET_PORTION = re.compile(r"\(S(?://[^)]*)?\) ")


def lines_of(path: Path) -> list[str]:
    return path.read_text().split("\n")


def top_line(lines: list[str], path: Path) -> int:
    return next(i for i in range(body_start(lines, path.suffix), len(lines)) if lines[i].strip())


def _with_level_banner(path: Path) -> bool:
    lines = lines_of(path)
    return _LEVEL.match(lines[top_line(lines, path)]) is not None


LEVEL_BANNERED = [p for p in MARKED if _with_level_banner(p)]


@pytest.mark.parametrize("path", LEVEL_BANNERED, ids=ids(LEVEL_BANNERED))
def test_a_misspelt_top_banner_is_a_banner_with_an_unknown_level(path):
    lines = lines_of(path)
    top = top_line(lines, path)
    level = _LEVEL.match(lines[top])
    lines[top] = lines[top][:level.start(2)] + MISSPELT[level.group(2)] + lines[top][level.end(2):]
    assert lint(path, "\n".join(lines)) == [("marking-unknown-token", top + 1, level.start(2) + 1)]


def _first_classified_mark(path: Path) -> tuple[int, re.Match[str]] | None:
    lines = lines_of(path)
    return next(((i, m) for i in range(body_start(lines, path.suffix), len(lines))
                 if (m := _CLASSIFIED_MARK.search(lines[i]))), None)


WITH_CLASSIFIED_MARKS = [p for p in MARKED if _first_classified_mark(p) is not None]


@pytest.mark.parametrize("path", WITH_CLASSIFIED_MARKS, ids=ids(WITH_CLASSIFIED_MARKS))
def test_a_portion_mark_in_lower_case_is_the_wrong_case(path):
    lines = lines_of(path)
    index, mark = _first_classified_mark(path)
    line = lines[index]
    lines[index] = line[:mark.start()] + mark.group(0).lower() + line[mark.end():]
    assert lint(path, "\n".join(lines)) == [("marking-form", index + 1, mark.start() + 1)]


def _last_line(lines: list[str]) -> int:
    return max(i for i in range(len(lines)) if lines[i].strip() and lines[i] not in ("</body>", "</html>"))


BOTTOM_BANNERED = [p for p in BANNER_REQUIRED if p.parent.name != "cui" and _LEVEL.match(lines_of(p)[_last_line(lines_of(p))])]


@pytest.mark.parametrize("path", BOTTOM_BANNERED, ids=ids(BOTTOM_BANNERED))
def test_a_missing_bottom_banner_is_found(path):
    from marklint.lineshapes import is_page_number

    lines = lines_of(path)
    last = _last_line(lines)
    damaged = lines[:last] + lines[last + 1:]
    before = max(i for i in range(last) if damaged[i].strip() and not is_page_number(damaged[i]))
    assert lint(path, "\n".join(damaged)) == [("banner-missing-bottom", before + 1, 1)]


WITH_DECLASSIFY_DATE = [p for p in MARKED if any(_DECLASSIFY.match(line) for line in lines_of(p))]


@pytest.mark.parametrize("path", WITH_DECLASSIFY_DATE, ids=ids(WITH_DECLASSIFY_DATE))
def test_a_missing_declassify_on_line_leaves_the_block_incomplete(path):
    lines = lines_of(path)
    index = next(i for i in range(len(lines)) if _DECLASSIFY.match(lines[i]))
    damaged = lines[:index] + lines[index + 1:]
    first = next(i for i in range(len(damaged)) if _CAB_LABEL.search(damaged[i]))
    assert lint(path, "\n".join(damaged)) == [
        ("cab-incomplete", first + 1, _CAB_LABEL.search(damaged[first]).start() + 1)]


YYYYMMDD_REQUIRED = [p for p in WITH_DECLASSIFY_DATE if p.parent.name in ("us-cnsi", "us-ic", "cui")]


@pytest.mark.parametrize("path", YYYYMMDD_REQUIRED, ids=ids(YYYYMMDD_REQUIRED))
def test_a_declassify_on_date_not_written_yyyymmdd_is_invalid(path):
    lines = lines_of(path)
    index = next(i for i in range(len(lines)) if _DECLASSIFY.match(lines[i]))
    year, month, day = _DECLASSIFY.match(lines[index]).groups()
    lines[index] = f"Declassify On: {month}/{day}/{year}"
    assert lint(path, "\n".join(lines)) == [("cab-declassify-invalid", index + 1, len("Declassify On: ") + 1)]


def _secret_bannered(path: Path) -> bool:
    lines = lines_of(path)
    level = _LEVEL.match(lines[top_line(lines, path)])
    return level is not None and level.group(2) == "SECRET" and any(_SECRET_PORTION.search(line) for line in lines)


SECRET_BANNERED = [p for p in MARKED if _secret_bannered(p)]


@pytest.mark.parametrize("path", SECRET_BANNERED, ids=ids(SECRET_BANNERED))
def test_a_banner_lower_than_a_portion_is_found_on_each_page(path):
    lines = lines_of(path)
    # (and the classification a Markdown file's front matter declares for it)
    damaged = [re.sub(r"^(<p>|<div[^>]*>|\*\*|\f|[ \t]+|classification: )?SECRET(?=//|</p>|</div>|\*\*|$)",
                      r"\1CONFIDENTIAL", line) for line in lines]
    # each page whose portions hold SECRET: its first banner line (a page starts at a form feed,
    # or at a banner line right after another: the bottom and top banners of two pages)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    starts = [top_line(lines, path)] + [i for before, i in zip(filled, filled[1:]) if lines[i].startswith("\f")
                                        or _LEVEL.match(lines[i]) and _LEVEL.match(lines[before])]
    ends = starts[1:] + [len(lines)]
    expected = [("banner-under-classified", start + 1, _LEVEL.match(lines[start]).start(2) + 1)
                for start, end in zip(starts, ends) if any(_SECRET_PORTION.search(line) for line in lines[start:end])]
    # a first page (a title page) without a SECRET portion: its banner is still the document's
    # overall banner, lower than the document's highest portion
    if not expected or expected[0][1] != starts[0] + 1:
        expected.insert(0, ("banner-under-classified", starts[0] + 1, _LEVEL.match(lines[starts[0]]).start(2) + 1))
    assert lint(path, "\n".join(damaged)) == expected


def _swappable_bottom(path: Path) -> bool:
    lines = lines_of(path)
    level = _LEVEL.match(lines[_last_line(lines)])
    return level is not None and level.group(2) in _SWAP and "//SI" not in lines[_last_line(lines)]


_SWAP = {"SECRET": "CONFIDENTIAL", "CONFIDENTIAL": "SECRET"}
SWAPPABLE = [p for p in BOTTOM_BANNERED if _swappable_bottom(p)]


@pytest.mark.parametrize("path", SWAPPABLE, ids=ids(SWAPPABLE))
def test_a_bottom_banner_that_disagrees_with_the_top_one_is_found(path):
    lines = lines_of(path)
    last = _last_line(lines)
    level = _LEVEL.match(lines[last])
    lines[last] = lines[last][:level.start(2)] + _SWAP[level.group(2)] + lines[last][level.end(2):]
    assert lint(path, "\n".join(lines)) == [("banner-mismatch", last + 1, level.start(2) + 1)]


CRLF = [p for p in MARKED if b"\r\n" in p.read_bytes()]


@pytest.mark.parametrize("path", CRLF, ids=ids(CRLF))
def test_defects_in_a_file_with_crlf_line_ends_are_found_at_their_lines(path):
    lines = path.read_bytes().decode().split("\r\n")
    index, mark = next((i, m) for i in range(len(lines)) if (m := re.match(r"\d\. (\((?:S|C|U)\) )", lines[i])))
    unmarked = lines[:index] + [lines[index][:mark.start(1)] + lines[index][mark.end(1):]] + lines[index + 1:]
    assert lint(path, "\r\n".join(unmarked).encode()) == [("portion-missing", index + 1, 1)]
    last = _last_line(lines)
    before = max(i for i in range(last) if lines[i].strip())
    damaged = "\r\n".join(lines[:last] + lines[last + 1:]).encode()
    assert lint(path, damaged) == [("banner-missing-bottom", before + 1, 1)]


WITH_CLASSIFIER = [p for p in MARKED if p.parent.name in ("us-cnsi", "us-ic")
                   and any(line.startswith("Classified By:") for line in lines_of(p))]


@pytest.mark.parametrize("path", WITH_CLASSIFIER, ids=ids(WITH_CLASSIFIER))
def test_a_missing_classified_by_line_leaves_the_block_incomplete(path):
    lines = lines_of(path)
    index = next(i for i in range(len(lines)) if lines[i].startswith("Classified By:"))
    damaged = lines[:index] + lines[index + 1:]
    first = next(i for i in range(len(damaged)) if re.match(_BLOCK_LINE, damaged[i]))
    # a cable's Classified By line carries its reason: without it the block lacks both
    missing = 2 if re.search(r"(?i)\breasons?\b", lines[index]) else 1
    assert lint(path, "\n".join(damaged)) == [("cab-incomplete", first + 1, 1)] * missing


_BLOCK_LINE = r"(?:Classified By|Derived From|Reason|Declassify On):|E\.O\. \d{5}: DECL:"


# A defect seeded into one document, where the structure model reads a form other documents do
# not hold: (document, text replaced, its replacement, the findings).
LOCAL_DEFECTS = {
    "chapter-title-unmarked": ("us-cnsi/report_title_page_toc.txt", "CHAPTER 2. (U) FORCE POSTURE",
                               "CHAPTER 2. FORCE POSTURE", [("portion-missing", 41, 1)]),
    "paragraph-under-contents": ("us-cnsi/report_title_page_toc.txt", "Chapter 3. Recommendations ..",
                                 "\nThe review covers the fleet.\n\nChapter 3. Recommendations ..",
                                 [("portion-missing", 24, 1)]),
    "figure-without-caption": ("us-cnsi/charts_figure_captions.md",
                               "Figure 2. (S) Maintenance backlog of deployed aviation units, in aircraft.\n\n", "",
                               [("portion-missing", 15, 3)]),
    "paragraph-over-signing-authority": ("us-cnsi/hanging_indent_lists.txt", "FOR THE COMMANDER:\n",
                                         "The exercise cell will send the schedule.\n\nFOR THE COMMANDER:\n",
                                         [("portion-missing", 23, 1)]),
    "paragraph-under-tearline": ("us-ic/ic_cable_style_tearline.txt", "------------------------------ TEARLINE"
                                 " ------------------------------\n",
                                 "------------------------------ TEARLINE ------------------------------\n\n"
                                 "Three vessels joined the exercise.\n", [("portion-missing", 14, 1)]),
    "unmarked-reference": ("us-cnsi/navy_letter_ref_encl.txt", "(b) (S) COMSUBGRU", "(b) COMSUBGRU",
                           [("portion-missing", 18, 7)]),
    "paragraph-over-by-direction": ("us-cnsi/navy_letter_ref_encl.txt", "3. (U) My point of contact",
                                    "3. My point of contact", [("portion-missing", 28, 1)]),
    "unmarked-endnote": ("us-ic/ic_assessment_endnotes.txt", "2. (U) Media", "2. Media", [("portion-missing", 19, 1)]),
    "unmarked-dated-entry": ("us-cnsi/weekly_activity_report_dates.md", "(U) The office hosted",
                             "The office hosted", [("portion-missing", 18, 1)]),
    "article-title-unmarked": ("us-cnsi/moa_articles_signatures.txt", "ARTICLE II. (U) RESPONSIBILITIES",
                               "ARTICLE II. RESPONSIBILITIES", [("portion-missing", 15, 1)]),
    "paragraph-over-signature-rules": ("us-cnsi/moa_articles_signatures.txt", "_______________________________  ",
                                       "The parties will review it yearly.\n\n_______________________________  ",
                                       [("portion-missing", 26, 1)]),
    "outlook-tool-line-misspelt": ("us-cnsi/email_plain_outlook_signature_banner.txt",
                                   "CLASSIFICATION: CONFIDENTIAL\n\nFrom:", "CLASSIFICATION: CONFIDENTAIL\n\nFrom:",
                                   [("marking-unknown-token", 1, 17)]),
    "blank-page-bannered-above-unclassified": ("us-cnsi/report_page_banners_blank_page.txt",
                                               "UNCLASSIFIED\n\nTHIS PAGE INTENTIONALLY LEFT BLANK\n\nUNCLASSIFIED",
                                               "CONFIDENTIAL\n\nTHIS PAGE INTENTIONALLY LEFT BLANK\n\nCONFIDENTIAL",
                                               [("banner-mismatch", 13, 1)]),
    "exemption-without-date": ("us-ic/ic_25x_exemption.txt", "Declassify On: 25X1, 20451231", "Declassify On: 25X1",
                               [("cab-declassify-invalid", 20, 16)]),
    "enclosure-title-unmarked": ("us-cnsi/memo_enclosure_pages.txt", "(U) BASING OPTION COMPARISON",
                                 "BASING OPTION COMPARISON", [("portion-missing", 34, 1)]),
    "fouo-paragraph-unmarked": ("us-eo12958/fouo_foia_statement_2011.txt", "1. (U//FOUO) We found", "1. We found",
                                [("banner-rollup", 1, 1), ("portion-missing", 14, 1)]),
}


@pytest.mark.parametrize("name", sorted(LOCAL_DEFECTS))
def test_a_defect_seeded_in_one_document_is_found(name):
    document, old, new, expected = LOCAL_DEFECTS[name]
    path = Path(__file__).parent / "fixtures" / "correct" / document
    text = path.read_text()
    assert text.count(old) == 1
    assert lint(path, text.replace(old, new)) == expected
