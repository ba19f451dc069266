"""Generic rules from a rule set: forbidden-token and required-line, with exact positions."""

from __future__ import annotations

from pathlib import Path

from marklint.checks.context import CheckContext
from marklint.checks.generic import check_generic
from marklint.document import Block, BlockKind, Document, Page
from marklint.findings import Severity
from marklint.markings.model import Marking
from marklint.recognize import Mark, PageMarks
from marklint.ruleset import load_ruleset

OFFICE = Path(__file__).parent / "fixtures" / "rulesets" / "office.yaml"


def context(lines: list[str], banner: Marking | None, ruleset: str = str(OFFICE)) -> CheckContext:
    """A one-page document of one block per line; line 1 is the banner when `banner` is given."""
    blocks = [Block(BlockKind.LINE if n == 1 else BlockKind.PARAGRAPH, text, n) for n, text in enumerate(lines, 1)]
    page = Page(1, blocks)
    marks = PageMarks(page)
    if banner is not None:
        mark = Mark(lines[0], "banner", 1, 1, 1 + len(lines[0]), 1, blocks[0], banner)
        marks.banners.append(mark)
        marks.top = mark
    doc = Document("memo.txt", "text", [page], "\n".join(lines))
    return CheckContext(doc, load_ruleset(ruleset), None, [marks])


def run(ctx: CheckContext):
    return [(f.rule, f.code, f.line, f.column, f.end_column, f.severity, f.message, f.marking)
            for f in check_generic(ctx, ctx.ruleset)]


SNF = Marking("us", "S", dissem=frozenset({"NOFORN"}))


def test_forbidden_token_in_a_banner_and_in_text():
    ctx = context(["SECRET//NOFORN DRAFT", "(S//NF) This DRAFT plan.", "POC: J. Smith"], None)
    ctx.pages[0].banners.append(Mark("SECRET//NOFORN DRAFT", "banner", 1, 1, 21, 1, ctx.doc.pages[0].blocks[0], None))
    assert run(ctx) == [
        ("no-draft", "OFC001", 1, 16, 21, Severity.ERROR, "DRAFT must not appear in a released document",
         "SECRET//NOFORN DRAFT"),
        ("no-draft", "OFC001", 2, 14, 19, Severity.ERROR, "DRAFT must not appear in a released document", None),
    ]


def test_forbidden_token_near_miss():
    ctx = context(["SECRET//NOFORN", "(S//NF) This drafted plan.", "POC: J. Smith"], SNF)
    assert run(ctx) == []


def test_required_line_missing_when_the_condition_holds():
    ctx = context(["SECRET//NOFORN", "(S//NF) The plan."], SNF)
    assert run(ctx) == [
        ("poc-line", "OFC002", 1, 1, 1, Severity.WARNING,
         "NOFORN documents of SECRET and above name a point of contact", None),
    ]


def test_required_line_present():
    assert run(context(["SECRET//NOFORN", "(S//NF) The plan.", "POC: J. Smith, 555-0100"], SNF)) == []


def test_required_line_condition_does_not_hold():
    confidential_nf = Marking("us", "C", dissem=frozenset({"NOFORN"}))
    assert run(context(["CONFIDENTIAL//NOFORN", "(C//NF) The plan."], confidential_nf)) == []
    assert run(context(["SECRET", "(S) The plan."], Marking("us", "S"))) == []
    assert run(context(["The plan."], None)) == []


def test_us_ic_flags_cui_markings_in_banners(tmp_path):
    ctx = context(["SECRET//CUI", "(S) The plan."], None, "us-ic")
    ctx.pages[0].banners.append(Mark("SECRET//CUI", "banner", 1, 1, 12, 1, ctx.doc.pages[0].blocks[0], None))
    assert [(f.rule, f.code, f.line, f.column, f.severity) for f in check_generic(ctx, ctx.ruleset)] == [
        ("ic-cui-marking", "IC001", 1, 7, Severity.WARNING)]


def test_us_ic_warns_on_the_nga_imagery_exemption():
    ctx = context(["SECRET", "(S) The plan.", "Declassify On: 25X1, EO 12951"], Marking("us", "S"), "us-ic")
    assert [(f.rule, f.code, f.line, f.column, f.end_column, f.severity) for f in check_generic(ctx, ctx.ruleset)] == [
        ("ic-eo12951-reserved", "IC002", 3, 1, 30, Severity.WARNING)]
    near_miss = context(["SECRET", "(S) The plan.", "Declassify On: 25X1, 20351231"], Marking("us", "S"), "us-ic")
    assert check_generic(near_miss, near_miss.ruleset) == []


def _shipped(text: str, rules: str) -> list[tuple[str, int, int, Severity]]:
    from marklint.lint import Settings, lint_bytes
    result = lint_bytes("memo.txt", text.encode(), Settings(rules=rules, use_config=False))
    return [(f.rule, f.line, f.column, f.severity) for f in result.findings]


FOUO_MEMO = "UNCLASSIFIED//FOUO\n\n{date}\n\n(U//FOUO) The convoy leaves at dawn.\n\nUNCLASSIFIED//FOUO\n"


def test_fouo_after_dod_replaced_it_by_cui_is_a_warning_from_its_date_on():
    # marking-rules.md (d)18: the us-dod rule `fouo-after-cui`, `when: {dated-from: 2020-03-06}`
    found = [("fouo-after-cui", line, 1, Severity.WARNING) for line in (1, 5, 7)]
    assert _shipped(FOUO_MEMO.format(date="March 3, 2025"), "us-dod") == found
    assert _shipped(FOUO_MEMO.format(date="March 6, 2020"), "us-dod") == found
    assert _shipped(FOUO_MEMO.format(date="March 5, 2020"), "us-dod") == []
    # an undated document is judged by today's rules
    assert _shipped(FOUO_MEMO.format(date=""), "us-dod") == found
    # still an IC register and ISM token: us-cnsi and us-ic accept it
    assert _shipped(FOUO_MEMO.format(date="March 3, 2025"), "us-cnsi") == []
    assert _shipped(FOUO_MEMO.format(date="March 3, 2025"), "us-ic") == []


def test_when_clauses_must_be_of_their_types(tmp_path):
    import pytest

    from marklint.ruleset import RuleSetError
    path = tmp_path / "office.yaml"
    path.write_text("name: office\nextends: us-cnsi\ngeneric:\n  - id: no-x\n    code: OFC001\n"
                    "    type: forbidden-token\n    pattern: X\n    message: no X\n    when: {dated-from: soon}\n")
    with pytest.raises(RuleSetError, match="dated-from' must be a date"):
        load_ruleset(str(path))
    path.write_text(path.read_text().replace("dated-from: soon", "without-cui: yes please"))
    with pytest.raises(RuleSetError, match="without-cui' must be true or false"):
        load_ruleset(str(path))
