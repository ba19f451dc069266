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


# Controls that need SECRET or higher (K-04, F-10, F-11): a banner holding one cannot be lowered
# to CONFIDENTIAL without a second finding for the control.
_SECRET_FLOOR = re.compile(r"\b(?:TK|HCS|RSV|IMCON|RSEN)\b")


def _secret_bannered(path: Path) -> bool:
    lines = lines_of(path)
    level = _LEVEL.match(lines[top_line(lines, path)])
    return level is not None and level.group(2) == "SECRET" and any(_SECRET_PORTION.search(line) for line in lines) \
        and not _SECRET_FLOOR.search(lines[top_line(lines, path)])


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
    return level is not None and level.group(2) in _SWAP and "//SI" not in lines[_last_line(lines)] \
        and not _SECRET_FLOOR.search(lines[_last_line(lines)])


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
    # (the unmarked paragraph may be the one that carries what the banner shows: no banner-rollup
    # or banner-over-classified beside the portion-missing)
    "fouo-paragraph-unmarked": ("us-eo12958/fouo_foia_statement_2011.txt", "1. (U//FOUO) We found", "1. We found",
                                [("portion-missing", 14, 1)]),
    # The defects a security officer meets (the probe set of December 2026): a wrong roll-up, an
    # unmarked sub-paragraph, footnote, sub-bullet, caption, block quote or table cell, a bad or
    # late declassification date, REL TO without USA first, NOFORN with REL TO or DISPLAY ONLY,
    # one page's banner misspelt or missing or below its portions, an authority line missing, a
    # Downgrade To that does not lower the level.
    'wrong-rollup-banner-low': ('us-cnsi/memo_deep_lettered_subparagraphs.txt', '2. (S) Phases.',
        '2. (TS) Phases.', [('banner-under-classified', 1, 1)]),
    'sub-paragraph-unmarked': ('us-cnsi/memo_deep_lettered_subparagraphs.txt', '      (2) (U) The southern',
        '      (2) The southern', [('portion-missing', 20, 7)]),
    'sub-sub-paragraph-unmarked': ('us-cnsi/memo_deep_lettered_subparagraphs.txt', '         (b) (U) The site',
        '         (b) The site', [('portion-missing', 24, 10)]),
    'bad-declass-date': ('us-cnsi/trip_report_travelers.txt', 'Declassify On: 20450430',
        'Declassify On: 20451331', [('cab-declassify-invalid', 33, 16)]),
    'declass-too-late': ('us-cnsi/trip_report_travelers.txt', 'Declassify On: 20450430',
        'Declassify On: 20600430', [('cab-declassify-too-late', 33, 16)]),
    'rel-to-usa-not-first': ('us-ic/ic_fvey_rel_memo.txt', '1. (S//REL TO USA, FVEY)',
        '1. (S//REL TO FVEY, USA)', [('marking-order', 13, 15)]),
    'noforn-with-rel-to': ('us-ic/ic_assessment_key_judgments.md', '2. (S//REL TO USA, FVEY)',
        '2. (S//NF/REL TO USA, FVEY)', [('marking-conflict', 10, 11)]),
    'banner-misspelt-page-3': ('us-cnsi/eo13526_memo_page_banners_four_pages.txt', '\x0cSECRET\n',
        '\x0cSECERT\n', [('marking-unknown-token', 32, 2)]),
    'bottom-banner-missing-page-3': ('us-cnsi/eo13526_memo_page_banners_four_pages.txt', 'Page 3 of 4\n\nSECRET\n',
        'Page 3 of 4\n\n', [('banner-missing-bottom', 40, 1)]),
    'page-banner-under-portion': ('us-cnsi/eo13526_memo_page_banners_four_pages.txt', '   b. (U) Each visit',
        '   b. (C) Each visit', [('banner-under-classified', 21, 2)]),
    'derived-from-missing': ('us-cnsi/trip_report_travelers.txt', 'Derived From: DLA Energy SCG, dated 20220301\n',
        '', [('cab-incomplete', 31, 1)]),
    'reason-bad': ('us-cnsi/decision_paper_options.txt', 'Reason: 1.4(a)',
        'Reason: 1.5(a)', [('cab-reason-invalid', 27, 9)]),
    'display-only-with-usa': ('us-ic/ic_rel_display_only.txt', '2. (S//REL TO USA, AUS, NATO/DISPLAY ONLY AFG, IRQ)',
        '2. (S//REL TO USA, AUS, NATO/DISPLAY ONLY USA, IRQ)', [('banner-rollup', 1, 1), ('marking-conflict', 15, 43)]),
    'fgi-banner-missing': ('us-ic/ic_fgi_concealed.txt', 'SECRET//FGI//NOFORN\n\nCENTRAL',
        'SECRET//NOFORN\n\nCENTRAL', [('banner-rollup', 1, 1)]),
    'sci-missing-from-banner': ('us-ic/ic_sci_tk_memo.txt', 'TOP SECRET//SI/TK//NOFORN\n\nNATIONAL',
        'TOP SECRET//TK//NOFORN\n\nNATIONAL', [('banner-rollup', 1, 1)]),
    'cui-category-missing-from-banner': ('cui/cui_export_multi_category.txt', 'CUI//SP-EXPT/SP-PRVCY//NOFORN\n\nDEPARTMENT',
        'CUI//SP-EXPT//NOFORN\n\nDEPARTMENT', [('banner-rollup', 1, 1)]),
    'cui-ldc-order': ('cui/cui_sp_ldc_portions.txt', 'CUI//SP-PRVCY//FEDCON\n\nDEPARTMENT',
        'CUI//SP-PRVCY//FEDCON/NOFORN\n\nDEPARTMENT', [('banner-rollup', 1, 1)]),
    'cui-portion-unmarked': ('cui/cui_sp_ldc_portions.txt', '   b. (U) The remaining',
        '   b. The remaining', [('portion-missing', 21, 4)]),
    'cui-with-fouo': ('cui/cui_sp_ldc_portions.txt', '3. (U) Please reply',
        '3. (U//FOUO) Please reply', [('cui-legacy-mixed', 23, 4)]),
    'email-subject-unmarked': ('us-cnsi/email_classified_subject.eml', 'Subject: (C) Embassy',
        'Subject: Embassy', [('portion-missing', 4, 1)]),
    'email-closing-banner-missing': ('us-cnsi/email_classified_subject.eml', 'Declassify On: 20350610\n\nCONFIDENTIAL\n',
        'Declassify On: 20350610\n', [('banner-missing-bottom', 24, 1)]),
    'table-cell-unmarked': ('us-cnsi/briefing_tables_bullets.md', '| (S) Not ready |',
        '| Not ready |', [('portion-missing', 18, 17)]),
    'bullet-unmarked': ('us-cnsi/briefing_tables_bullets.md', '  - (U) The depot will',
        '  - The depot will', [('portion-missing', 25, 5)]),
    'footnote-unmarked': ('us-cnsi/memo_footnotes_numbered.txt', '[2] (U) Letter',
        '[2] Letter', [('portion-missing', 27, 1)]),
    'footnote-raises-banner': ('us-cnsi/memo_footnotes_numbered.txt', '[1] (C) The same',
        '[1] (S) The same', [('banner-under-classified', 1, 1)]),
    'figure-caption-unmarked': ('us-cnsi/report_figure_table_captions.txt', 'Figure 1. (S) Engagement',
        'Figure 1. Engagement', [('portion-missing', 14, 1)]),
    'block-quote-unmarked': ('us-cnsi/memo_block_quote_indented.txt', '      (U) "The ministry',
        '      "The ministry', [('portion-missing', 17, 7)]),
    'bbp-sub-bullet-unmarked': ('us-cnsi/bullet_background_paper.txt', '  -- (U) The kits',
        '  -- The kits', [('portion-missing', 17, 3)]),
    'nato-banner-no-fgi': ('us-cnsi/memo_nato_portions_statement.txt', 'SECRET//FGI NATO\n\nU.S.',
        'SECRET\n\nU.S.', [('banner-rollup', 1, 1)]),
    'transmittal-statement-missing': ('us-cnsi/transmittal_memo_enclosure_removed.txt', 'UNCLASSIFIED WHEN SEPARATED FROM CLASSIFIED ENCLOSURE\n\n',
        '', [('transmittal-statement-missing', 1, 1)]),
    'oadr-in-2025': ('us-cnsi/trip_report_travelers.txt', 'Declassify On: 20450430',
        'Declassify On: OADR', [('cab-declassify-invalid', 33, 16)]),
    'x1-after-2003': ('us-eo12958/memo_1999_x_exemption.txt', 'March 4, 1999',
        'March 4, 2004', [('cab-declassify-invalid', 22, 16)]),
    'display-only-with-noforn': ('us-ic/ic_rel_display_only.txt', '1. (S//REL TO USA, AUS, NATO/DISPLAY ONLY AFG, IRQ)',
        '1. (S//NF/DISPLAY ONLY AFG, IRQ)', [('banner-rollup', 1, 1), ('marking-conflict', 13, 11)]),
    'rel-to-portion-wider-banner': ('us-ic/ic_fvey_rel_memo.txt', 'SECRET//REL TO USA, FVEY\n\nNATIONAL',
        'SECRET//NOFORN\n\nNATIONAL', [('banner-rollup', 1, 1)]),
    'signature-para-unmarked': ('us-cnsi/letter_distribution_list_cc.txt', '3. (U) My staff',
        '3. My staff', [('portion-missing', 20, 1)]),
    'salutation-following-para-unmarked': ('us-cnsi/letter_distribution_list_cc.txt', '1. (U) This letter',
        '1. This letter', [('portion-missing', 16, 1)]),
    'decision-options-unmarked': ('us-cnsi/decision_paper_options.txt', '   b. (U) Option B',
        '   b. Option B', [('portion-missing', 20, 4)]),
    'sci-email-bottom-missing': ('us-ic/ic_email_sci_thread.eml', 'Declassify On: 20500317\n\nTOP SECRET//TK//NOFORN\n',
        'Declassify On: 20500317\n', [('banner-missing-bottom', 25, 1)]),
    'eo12356-bottom-missing': ('us-eo12356/memo_1986_inr.txt', 'Declassify on: OADR\n\nSECRET\n',
        'Declassify on: OADR\n', [('banner-missing-bottom', 22, 1)]),
    'downgrade-same-level': ('us-cnsi/memo_downgrade_instruction.txt', 'Downgrade To: CONFIDENTIAL on',
        'Downgrade To: SECRET on', [('cab-declassify-invalid', 23, 15)]),
    'hcs-without-noforn': ('us-ic/ic_sci_tk_memo.txt', '   a. (S//NF) The range',
        '   a. (S//HCS-P//OC/REL TO USA, GBR) The range', [('banner-rollup', 1, 1), ('marking-conflict', 17, 11)]),
    'eo12356-portion-unmarked': ('us-eo12356/memo_1986_inr.txt', '2. (C) The port',
        '2. The port', [('portion-missing', 17, 1)]),

    'reference-unmarked': ('us-ic/nga_memo_enclosure_list_indicators.txt', 'References: (a) (U) NGA',
        'References: (a) NGA', [('portion-missing', 15, 1)]),
    'paragraph-mark-at-end': ('us-ic/nga_memo_enclosure_list_indicators.txt', '2. (U) Method. Analysts compared imagery from 14 January and 27 February.',
        '2. Method. Analysts compared imagery from 14 January and 27 February. (U)', [('portion-placement', 20, 71)]),
    'nested-bullet-unmarked': ('us-cnsi/cyber_summary_nested_bullets_table.md', '   - (U) The actor',
        '   - The actor', [('portion-missing', 16, 6)]),
    'front-matter-lower': ('us-cnsi/cyber_summary_nested_bullets_table.md', 'classification: SECRET//REL TO USA, FVEY',
        'classification: CONFIDENTIAL//REL TO USA, FVEY', [('front-matter-mismatch', 7, 1)]),
    'cui-one-paragraph-marked': ('cui/cui_irs_memo_unportioned.txt', 'The program will add',
        '(CUI) The program will add', [('portion-missing', 13, 1), ('portion-missing', 15, 1)]),
    'month-year-study-unmarked': ('us-eo12356/study_title_page_month_year.txt', '2. (C) The network',
        '2. The network', [('portion-missing', 14, 1)]),
    'table-caption-unmarked': ('us-cnsi/readiness_table_marked_by_caption.md', 'Table 1. (S) Mission-capable',
        'Table 1. Mission-capable', [('portion-missing', 9, 1)]),
    'table-one-cell-marked': ('us-cnsi/readiness_table_marked_by_caption.md', '| VFA-94 | 180 | 176 |',
        '| VFA-94 | 180 | (U) 176 |', [('portion-missing', 18, 3), ('portion-missing', 18, 14), ('portion-missing', 18, 27), ('portion-missing', 20, 3), ('portion-missing', 20, 12), ('portion-missing', 20, 18), ('portion-missing', 21, 3), ('portion-missing', 21, 12)]),
    # The probe set of 6 December 2026: a page's bottom banner lost where it met the next page's
    # top banner (a banner pair becomes one lone banner), a Declassify On date before the
    # document's, and single slips that gave a second finding besides their own.
    'pair-half-lost-letter': ('us-cnsi/letter_two_page.txt', 'ends.\n\nSECRET\n\nSECRET\n',
        'ends.\n\nSECRET\n', [('banner-missing-bottom', 20, 1)]),
    'pair-half-lost-after-page-number': ('us-cnsi/dia_memo_two_pages.txt', 'Page 1 of 2\n\nSECRET//NOFORN\n\nSECRET//NOFORN\n',
        'Page 1 of 2\n\nSECRET//NOFORN\n', [('banner-missing-bottom', 25, 1)]),
    'pair-half-lost-top-secret': ('us-ic/ic_two_page.txt', 'north.\n\nTOP SECRET//NOFORN\n\nTOP SECRET//NOFORN\n',
        'north.\n\nTOP SECRET//NOFORN\n', [('banner-missing-bottom', 10, 1)]),
    'page-banner-pair-half-lost-foot': ('us-cnsi/probe_multipage_ff.txt', 'SECRET\nUNCLASSIFIED\n', 'SECRET\n',
        [('banner-missing-top', 21, 1)]),
    'page-banner-pair-half-lost-head': ('us-cnsi/probe_multipage_ff.txt', 'SECRET\nUNCLASSIFIED\n', 'UNCLASSIFIED\n',
        [('banner-missing-bottom', 17, 1)]),
    'declassify-before-origin': ('us-cnsi/letter_two_page.txt', 'Declassify On: 20500519',
        'Declassify On: 20200519', [('cab-declassify-invalid', 37, 16)]),
    'declassify-before-origin-derivative': ('us-cnsi/derivative_dod_scg.txt', 'Declassify On: 20401231',
        'Declassify On: 20231231', [('cab-declassify-invalid', 24, 16)]),
    'unknown-control-in-portion': ('us-cnsi/email_simple.eml', '(S) The second',
        '(S//NOFRON) The second', [('marking-unknown-token', 12, 5)]),
    'unknown-cui-category-in-portion': ('cui/cui_memo_portions.txt', '(CUI//SP-PRVCY) The',
        '(CUI//SP-PRVY) The', [('marking-unknown-token', 13, 10)]),
    'noforn-after-rel-to': ('us-cnsi/probe_relto_intersection.txt', '1. (S//REL TO USA, AUS, CAN)',
        '1. (S//REL TO USA, AUS, CAN/NF)', [('marking-conflict', 5, 29)]),
    'noforn-with-rel-to-under-rel-banner': ('us-cnsi/spacecom_memo_table_figure.txt', '   (S//REL TO USA, FVEY) Object B',
        '   (S//NF/REL TO USA, FVEY) Object B', [('marking-conflict', 23, 11)]),
    'page-top-banner-raised': ('us-cnsi/letter_two_page.txt', 'SECRET\n\n(U) My staff',
        'TOP SECRET\n\n(U) My staff', [('banner-mismatch', 24, 1)]),
    'classified-list-item-unmarked-near-attachment': ('us-cnsi/memo_web.html', '<li>(S) The route',
        '<li>The route', [('portion-missing', 12, 5)]),
    'classified-email-paragraph-unmarked': ('us-cnsi/email_simple.eml', '(S) The second',
        'The second', [('portion-missing', 12, 1)]),
    'email-top-banner-missing-over-greeting': ('cui/cui_email_portions.eml', '\nCUI\n\nGood',
        '\n\n\nGood', [('banner-missing-top', 10, 1)]),
    # CUI defects (the CUI probe of December 2026): the designation indicator missing or naming
    # an office only, a category misspelt, without its SP- or out of order, an LDC conflict or
    # out of order, an IC control or FOUO among CUI markings, the classification after CUI, a
    # page banner that differs, UNCLASSIFIED written before CUI; each one finding (or the
    # roll-up the changed portion implies), never a cascade.
    'cui-designation-line-removed-md': ('cui/cui_audit_front_matter.md', '**Controlled by:** Department of Energy, Office of Inspector General\n',
        '', [('cui-designation-missing', 8, 1)]),
    'cui-designation-office-only': ('cui/cui_email_block_above_body.eml', 'Controlled by: Social Security Administration',
        'Controlled by: Disability Claims Unit', [('cui-designation-missing', 8, 1)]),
    'cui-basic-before-specified': ('cui/cui_navy_letter_basic_and_specified.txt', 'CUI//SP-CTI/OPSEC//FEDCON\n\nDEPARTMENT',
        'CUI//OPSEC/SP-CTI//FEDCON\n\nDEPARTMENT', [('marking-order', 1, 12)]),
    'cui-category-order': ('cui/cui_treasury_two_specified_portions.txt', '2. (CUI//SP-PRVCY) The affected',
        '2. (CUI//SP-TAX/SP-PRVCY) The affected', [('marking-order', 17, 17)]),
    'cui-fedcon-with-nocon': ('cui/cui_letter_fedcon_noforn_enclosure.txt', '(CUI//SP-EXPT//FEDCON/NF) The enclosed',
        '(CUI//SP-EXPT//FEDCON/NOCON/NF) The enclosed', [('marking-conflict', 19, 23)]),  # the banner names FEDCON: one slip
    'cui-fed-only-with-fedcon': ('cui/cui_letter_fedcon_noforn_enclosure.txt', '(CUI//SP-EXPT//FEDCON/NF) The enclosed',
        '(CUI//SP-EXPT//FED ONLY/FEDCON/NF) The enclosed', [('marking-conflict', 19, 25)]),  # the banner names FEDCON: one slip
    'cui-noforn-with-rel-to': ('cui/cui_rel_to_memo.txt', '1. (CUI//SP-CTI//REL TO USA, AUS, GBR) The array',
        '1. (CUI//SP-CTI//NF/REL TO USA, AUS, GBR) The array', [('marking-conflict', 15, 21)]),
    'cui-display-only-with-noforn': ('cui/cui_rel_to_memo.txt', '1. (CUI//SP-CTI//REL TO USA, AUS, GBR) The array',
        '1. (CUI//SP-CTI//DISPLAY ONLY GBR/NF) The array', [('banner-rollup', 1, 1), ('marking-conflict', 15, 35)]),
    'cui-orcon-in-banner': ('cui/cui_rel_to_memo.txt', 'CUI//SP-CTI//REL TO USA, AUS, GBR\n\nDEPARTMENT',
        'CUI//SP-CTI//ORCON/REL TO USA, AUS, GBR\n\nDEPARTMENT', [('marking-conflict', 1, 14)]),
    'cui-fouo-portion': ('cui/cui_treasury_two_specified_portions.txt', '3. (U) Corrected',
        '3. (U//FOUO) Corrected', [('cui-legacy-mixed', 19, 4)]),
    'cui-portion-mark-dropped': ('cui/cui_treasury_two_specified_portions.txt', '3. (U) Corrected',
        '3. Corrected', [('portion-missing', 19, 1)]),
    'cui-category-misspelt': ('cui/cui_treasury_two_specified_portions.txt', '2. (CUI//SP-PRVCY) The affected',
        '2. (CUI//SP-PRVY) The affected', [('marking-unknown-token', 17, 10)]),
    'cui-specified-without-sp': ('cui/cui_treasury_two_specified_portions.txt', '1. (CUI//SP-TAX) Eighty',
        '1. (CUI//TAX) Eighty', [('marking-form', 15, 10)]),
    'cui-unclassified-before-cui': ('cui/cui_treasury_two_specified_portions.txt', 'CUI//SP-PRVCY/SP-TAX\n\nDEPARTMENT',
        'UNCLASSIFIED//CUI//SP-PRVCY/SP-TAX\n\nDEPARTMENT', [('marking-form', 1, 1)]),
    'cui-controlled-in-portion': ('cui/cui_treasury_two_specified_portions.txt', '1. (CUI//SP-TAX) Eighty',
        '1. (CONTROLLED//SP-TAX) Eighty', [('marking-form', 15, 5)]),
    'cui-banner-single-slash': ('cui/cui_treasury_two_specified_portions.txt', 'CUI//SP-PRVCY/SP-TAX\n\nDEPARTMENT',
        'CUI/SP-PRVCY/SP-TAX\n\nDEPARTMENT', [('marking-syntax', 1, 4)]),
    'cui-ldc-in-category-part': ('cui/cui_letter_fedcon_noforn_enclosure.txt', 'CUI//SP-EXPT//FEDCON/NOFORN\n\nU.S.',
        'CUI//SP-EXPT/FEDCON/NOFORN\n\nU.S.', [('marking-syntax', 1, 13)]),
    'cui-awp-without-privilege': ('cui/cui_solicitor_attorney_client.txt', '2. (CUI//PRIVILEGE//AC) We',
        '2. (CUI//SP-PRVCY//AWP) We', [('banner-rollup', 1, 1), ('marking-conflict', 18, 20)]),
    'cui-draft-in-banner': ('cui/cui_controlled_banner_cms.txt', 'CONTROLLED//SP-PRVCY\n\nDEPARTMENT',
        'CONTROLLED//DRAFT\n\nDEPARTMENT', [('marking-conflict', 1, 13)]),
    'cui-classification-after-cui': ('cui/cui_commingled_secret_mixed_portion.txt', '3. (S//CUI//SP-CTI//NF) The',
        '3. (CUI//SP-CTI//S//NF) The', [('marking-order', 17, 18)]),
    'cui-page-2-banner-missing': ('cui/cui_cisa_two_pages_form_feed.txt', '\x0cCUI\n',
        '\x0c', [('banner-missing-top', 27, 1)]),
    'cui-slide-2-banner-differs': ('cui/cui_dla_slides.txt', '\x0cCUI\n\nSlide 2',
        '\x0cCUI//SP-PRVCY\n\nSlide 2', [('banner-mismatch', 15, 2)]),
    'cui-commingled-fouo': ('cui/cui_commingled_confidential_state.txt', '3. (U) The post',
        '3. (U//FOUO) The post', [('cui-legacy-mixed', 18, 4)]),
    'cui-banner-over-unmarked-cui': ('cui/cui_rel_to_memo.txt', '1. (CUI//SP-CTI//REL TO USA, AUS, GBR) The array',
        '1. (U) The array', [('banner-rollup', 1, 1)]),
    'cui-commingled-banner-without-cui-portion': ('cui/cui_commingled_confidential_state.txt', '2. (CUI) The post',
        '2. (U) The post', [('banner-rollup', 1, 1)]),
    'cui-html-portion-unmarked': ('cui/cui_ssi_summary.html', '<p>(U) Retraining',
        '<p>Retraining', [('portion-missing', 11, 4)]),
    'cui-transmittal-statement-removed': ('cui/cui_transmittal_marked_statement.txt',
        'When enclosure is removed, this document is Uncontrolled Unclassified Information.\n\n', '',
        [('transmittal-statement-missing', 1, 1)]),
    'fouo-army-paragraph-unmarked': ('us-cnsi/fouo_army_memo_2015.txt', '2. (U) Commanders',
        '2. Commanders', [('portion-missing', 16, 1)]),
}


@pytest.mark.parametrize("name", sorted(LOCAL_DEFECTS))
def test_a_defect_seeded_in_one_document_is_found(name):
    document, old, new, expected = LOCAL_DEFECTS[name]
    path = Path(__file__).parent / "fixtures" / "correct" / document
    text = path.read_text()
    assert text.count(old) == 1
    assert lint(path, text.replace(old, new)) == expected
