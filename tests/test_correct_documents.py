"""Correctly marked documents get no finding; the same documents with a seeded defect get
exactly the finding for it (issue 14).

tests/fixtures/correct/RULESET/ holds memos, letters, e-mails with replies and forwards,
reports, briefings, CUI memos and Markdown/reST notes, written as offices write them, each
linted under the rule set its directory names. Each is then damaged three ways, and the
damage must be found at its exact line and column:

- an unmarked paragraph just before the first portion (after the greeting or the heading
  matter) and one just after the last portion (among the closing and signature lines);
- the top banner removed;
- in a CUI document that names its agency only on its designation line, that line removed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marklint.lint import Settings, lint_bytes
from marklint.ruleset import load_ruleset

CORRECT = Path(__file__).parent / "fixtures" / "correct"
SUFFIXES = (".txt", ".md", ".rst", ".eml", ".adoc", ".html")
DOCUMENTS = sorted(p for p in CORRECT.glob("*/*") if p.suffix in SUFFIXES)
PARAGRAPH = "The escort will join the convoy at noon and stay with it until the port."
# A line that starts with a portion mark (after list numbering or e-mail quoting), not a
# subject line: where the body's portions are.
_PORTION_LINE = re.compile(r"^(?:>\s?)*(?:\d{1,2}\.\s+|[-*]\s+|[a-z]\.\s+)?\((?:TS|S|C|U|CUI)(?://[^)]*)?\)\s")
# A banner line, or a cable's header line that carries the level (`S E C R E T SECTION 01 OF 02
# ANKARA 001234`), or the banner as an HTML page or an e-mail's classification line writes it.
_ADORNMENT = re.compile(r"^([=\-~^#*+])\1{3,}$")
# Before the register's `//`, a banner's controls followed the level after a slash, a hyphen or a
# space (`SECRET/NODIS/XGDS`, `SECRET - NO FOREIGN DISSEM`); RESTRICTED was a US level until 1953.
_BANNER_LINE = re.compile(r"^(?:<p>|<div[^>]*>|\*\*|Classification: |CLASSIFICATION: |[ \t]+)?"
                          r"(?:(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|CUI|CONTROLLED|RESTRICTED)"
                          r"(?://[^<*]*|(?:/| - | )[A-Z][A-Z /-]*)?"
                          r"|(?:(?:[A-Z] )+[A-Z]|SECRET|CONFIDENTIAL) {1,3}(?:SECTION \d+ OF \d+ )?[A-Z]+ \d+)"
                          r"(?:</p>|</div>|\*\*)?$")


def lint(path: Path, text: str | bytes, rules: str | None = None) -> list[tuple[str, int, int]]:
    data = text if isinstance(text, bytes) else text.encode()
    result = lint_bytes(str(path), data, Settings(rules=rules or path.parent.name, use_config=False))
    assert result.error is None, result.error
    return [(f.rule, f.line, f.column) for f in result.findings]


def ids(paths: list[Path]) -> list[str]:
    return [f"{p.parent.name}/{p.name}" for p in paths]


def body_start(lines: list[str], suffix: str) -> int:
    """The index of the first line of the document's content (after e-mail headers or
    Markdown front matter)."""
    if suffix == ".eml":
        return lines.index("") + 1
    if suffix == ".md" and lines[0] == "---":
        return lines.index("---", 1) + 1
    if suffix == ".html":
        return lines.index("<body>") + 1
    return 0


def portion_lines(lines: list[str], start: int) -> list[int]:
    return [i for i in range(start, len(lines)) if _PORTION_LINE.match(lines[i])]


def paragraph_end(lines: list[str], index: int) -> int:
    """The index of the blank line that ends the paragraph starting at `index`."""
    while index < len(lines) and lines[index].strip():
        index += 1
    return index


def test_the_set_is_large_and_varied():
    assert len(DOCUMENTS) >= 100
    assert {p.parent.name for p in DOCUMENTS} == {"us-cnsi", "us-ic", "cui", "us-eo10290", "us-eo10501", "us-eo11652",
                                                   "us-eo12065", "us-eo12356", "us-eo12958"}
    assert {p.suffix for p in DOCUMENTS} == set(SUFFIXES)
    # each parametrised family below runs on at least one document (an empty one would skip)
    assert UNMARKED and MARKED and WITH_PORTIONS and FULLY_UNCLASSIFIED and BANNER_REQUIRED


@pytest.mark.parametrize("path", DOCUMENTS, ids=ids(DOCUMENTS))
def test_a_correct_document_has_no_finding(path):
    assert lint(path, path.read_bytes()) == []


@pytest.mark.parametrize("path", DOCUMENTS, ids=ids(DOCUMENTS))
def test_a_correct_document_has_no_finding_under_the_rule_set_of_its_date(path):
    assert lint(path, path.read_bytes(), "auto") == []


# Documents that carry no marking at all (unclassified, not controlled): the banner and portion
# tests below do not apply to them.
def first_line(path: Path) -> str:
    lines = path.read_text().split("\n")
    return next(line for line in lines[body_start(lines, path.suffix):] if line.strip())


UNMARKED = [p for p in DOCUMENTS if not _BANNER_LINE.match(first_line(p))]
MARKED = [p for p in DOCUMENTS if p not in UNMARKED]


@pytest.mark.parametrize("path", UNMARKED, ids=ids(UNMARKED))
def test_an_unmarked_document_with_a_classified_paragraph_needs_banners_and_a_block(path):
    lines = path.read_text().split("\n")
    start = body_start(lines, path.suffix)
    second = next(i for i in range(start, len(lines)) if re.match(r"2\. ", lines[i]))
    damaged = lines[:second] + ["(S) " + PARAGRAPH, ""] + lines[second:]
    first = next(i for i in range(start, len(damaged)) if damaged[i].strip())
    last = max(i for i in range(len(damaged)) if damaged[i].strip())
    found = [f for f in lint(path, "\n".join(damaged)) if f[0] != "portion-missing"]
    assert found == [("banner-missing-top", first + 1, 1), ("cab-missing", first + 1, 1),
                     ("banner-missing-bottom", last + 1, 1)]


def portions_required(ruleset: str) -> bool:
    """Whether the rule set asks for portion marks (no era before EO 12065 did)."""
    rules = load_ruleset(ruleset)
    return rules.portions.required != "never" and rules.severity("portion-missing") is not None


# (a cable whose first paragraph says `(C) ENTIRE TEXT.` marks no other paragraph: it is not one;
# nor need a document bannered UNCLASSIFIED with no control mark its portions, B-07; nor a
# document of an era that asked for none, whose marks are there by choice)
WITH_PORTIONS = [p for p in DOCUMENTS
                 if portion_lines(p.read_text().split("\n"), 0) and "ENTIRE TEXT" not in p.read_text()
                 and first_line(p) != "UNCLASSIFIED" and portions_required(p.parent.name)]
FULLY_UNCLASSIFIED = [p for p in MARKED if first_line(p) == "UNCLASSIFIED"]
# the documents whose banners are required (B-07: optional on a fully unclassified document)
BANNER_REQUIRED = [p for p in MARKED if p not in FULLY_UNCLASSIFIED]


@pytest.mark.parametrize("path", FULLY_UNCLASSIFIED, ids=ids(FULLY_UNCLASSIFIED))
def test_an_unclassified_document_may_leave_a_paragraph_unmarked_but_not_hold_a_classified_one(path):
    lines = path.read_text().split("\n")
    first = portion_lines(lines, body_start(lines, path.suffix))[0]
    assert lint(path, "\n".join(lines[:first] + [PARAGRAPH, ""] + lines[first:])) == []
    top = next(i for i in range(len(lines)) if lines[i].strip())
    assert lint(path, "\n".join(lines[:first] + ["(S) " + PARAGRAPH, ""] + lines[first:])) == [
        ("banner-under-classified", top + 1, 1), ("cab-missing", top + 1, 1)]


@pytest.mark.parametrize("path", WITH_PORTIONS, ids=ids(WITH_PORTIONS))
def test_an_unmarked_paragraph_among_the_administrative_lines_is_found(path):
    lines = path.read_text().split("\n")
    found = portion_lines(lines, body_start(lines, path.suffix))
    first, last = found[0], paragraph_end(lines, found[-1])
    # after the last portion's paragraph: a blank line, the paragraph, the blank line that was there
    damaged = lines[:last] + ["", PARAGRAPH] + lines[last:]
    damaged = damaged[:first] + [PARAGRAPH, ""] + damaged[first:]
    expected = [("portion-missing", first + 1, 1), ("portion-missing", last + 4, 1)]
    assert lint(path, "\n".join(damaged)) == expected


# A saved e-mail marked twice at its top, by the tool's `Classification:` line above the header
# fields and by its body's first line: without the tool line it is still marked where B-09 asks.
TWICE_MARKED_AT_TOP = [CORRECT / "us-ic" / "ic_email_classification_lines.txt"]


@pytest.mark.parametrize("path", [p for p in BANNER_REQUIRED if p not in TWICE_MARKED_AT_TOP],
                         ids=ids([p for p in BANNER_REQUIRED if p not in TWICE_MARKED_AT_TOP]))
def test_a_missing_top_banner_is_found(path):
    lines = path.read_text().split("\n")
    top = next(i for i in range(body_start(lines, path.suffix), len(lines)) if lines[i].strip())
    assert _BANNER_LINE.match(lines[top])
    damaged = lines[:top] + [""] + lines[top + 1:]
    # the first content line (a reST title's overline is only its adornment); a missing banner
    # belongs at the start of it, whatever its indentation (a centred title)
    first = next(i for i in range(top, len(damaged)) if damaged[i].strip() and not _ADORNMENT.match(damaged[i]))
    assert ("banner-missing-top", first + 1, 1) in lint(path, "\n".join(damaged))


# CUI documents that name their designating agency only on a designation line (no letterhead,
# FROM: line or signature block naming it): without that line, nothing names the agency (U-10).
CUI_DESIGNATED_ONLY = [CORRECT / "cui" / name for name in (
    "cui_notes.md", "cui_rst_note.rst", "cui_rst_portions.rst", "cui_briefing_plain.txt", "cui_email_short.eml")]


@pytest.mark.parametrize("path", CUI_DESIGNATED_ONLY, ids=ids(CUI_DESIGNATED_ONLY))
def test_a_cui_document_without_its_designation_indicator_is_found(path):
    lines = path.read_text().split("\n")
    kept = [line for line in lines if not re.match(r"(?i)controlled by:|designating agency:", line)]
    assert len(kept) < len(lines)
    start = next(i for i in range(body_start(kept, path.suffix), len(kept)) if kept[i].strip())
    assert lint(path, "\n".join(kept)) == [("cui-designation-missing", start + 1, 1)]


def test_an_e_mails_header_fields_stand_above_its_bodys_first_line():
    """B-09: a saved message's `From:` / `To:` / subject come before the body, whose first line
    carries the banner; its tool line above them may go."""
    path = TWICE_MARKED_AT_TOP[0]
    lines = path.read_text().split("\n")
    assert lines[0].startswith("Classification:")
    assert lint(path, "\n".join(lines[1:])) == []
    body_banner = next(i for i, line in enumerate(lines) if i > 0 and line == lines[0].split(": ", 1)[1])
    damaged = lines[:body_banner] + [""] + lines[body_banner + 1:]
    # without either, the page has no banner at its top (reported at its first line)
    assert lint(path, "\n".join(damaged[1:])) == [("banner-missing-top", 2, 1)]
