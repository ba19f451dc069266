"""Inline suppressions: parsing, scopes, reasons and unused reports (on hand-built documents)."""

import pytest

from marklint.checks.registry import make_finding
from marklint.document import Block, BlockKind, Document, Page
from marklint.findings import Suppression
from marklint.lint import Settings, lint_bytes
from marklint.suppressions import COMMENT_SYNTAX, apply_suppressions, directive_comment, parse_directive


def comment(text: str, line: int) -> Block:
    return Block(BlockKind.COMMENT, text, line)


def para(text: str, line: int) -> Block:
    return Block(BlockKind.PARAGRAPH, text, line)


def finding(slug: str, line: int, column: int = 1):
    return make_finding(slug, path="memo.md", line=line, column=column, message="m")


def lint(blocks, findings):
    document = Document(path="memo.md", format="markdown", pages=[Page(1, blocks)])
    return findings + apply_suppressions(document, findings)


def summary(findings):
    return [
        (f.rule, f.line, f.column, f.suppression.kind if f.suppression else None, f.message)
        for f in findings
    ]


def test_parse_html_comment_with_rules_and_reason():
    directive = parse_directive(comment("<!-- marklint: disable-next-line banner-mismatch, MK301 -- OCA approved -->", 3))
    assert (directive.action, directive.names, directive.reason) == (
        "disable-next-line", ("banner-mismatch", "MK301"), "OCA approved")


def test_parse_each_comment_syntax():
    texts = [
        " marklint: disable portion-missing -- quoted exhibit",  # plain text: part after '#'
        "marklint: disable portion-missing -- quoted exhibit",  # reader already stripped <!-- -->
        ".. marklint: disable portion-missing -- quoted exhibit",
        "// marklint: disable portion-missing -- quoted exhibit",
        "# marklint: disable portion-missing -- quoted exhibit",
        "<!--\n  marklint: disable portion-missing\n  -- quoted exhibit\n-->",
    ]
    for text in texts:
        directive = parse_directive(comment(text, 1))
        assert (directive.action, directive.names, directive.reason) == (
            "disable", ("portion-missing",), "quoted exhibit"), text


def test_ordinary_comments_are_not_directives():
    assert parse_directive(comment("<!-- TODO: check the banner -->", 1)) is None
    assert parse_directive(comment(" marklint: disabled portion-missing", 1)) is None
    assert parse_directive(comment(" see marklint: disable portion-missing", 1)) is None


def test_next_line_covers_the_next_block_only():
    blocks = [comment(" marklint: disable-next-line portion-missing -- exhibit", 3),
              para("first line\nsecond line", 5), para("later", 8)]
    result = lint(blocks, [finding("portion-missing", 5), finding("portion-missing", 6),
                           finding("portion-missing", 8)])
    assert summary(result) == [
        ("portion-missing", 5, 1, "inSource", "m"),
        ("portion-missing", 6, 1, "inSource", "m"),
        ("portion-missing", 8, 1, None, "m"),
    ]
    assert result[0].suppression == Suppression("inSource", "exhibit")


def test_next_line_only_silences_named_rules_and_codes_work():
    blocks = [comment(" marklint: disable-next-line MK302 -- exhibit", 1), para("x", 2)]
    result = lint(blocks, [finding("portion-missing", 2), finding("portion-placement", 2, 4)])
    assert summary(result) == [
        ("portion-missing", 2, 1, None, "m"),
        ("portion-placement", 2, 4, "inSource", "m"),
    ]


def test_region_ends_at_matching_enable():
    blocks = [para("a", 1),
              comment(" marklint: disable portion-missing -- annex", 2),
              para("b", 3), para("c", 4),
              comment(" marklint: enable portion-missing", 5),
              para("d", 6)]
    result = lint(blocks, [finding("portion-missing", line) for line in (1, 3, 4, 6)])
    assert [f.suppression is not None for f in result] == [False, True, True, False]


def test_bare_enable_closes_every_region_and_unclosed_region_runs_to_end():
    blocks = [comment(" marklint: disable portion-missing -- annex", 1), para("b", 2),
              comment(" marklint: enable", 3), para("c", 4),
              comment(" marklint: disable banner-mismatch -- draft", 5), para("d", 90)]
    result = lint(blocks, [finding("portion-missing", 2), finding("portion-missing", 4),
                           finding("banner-mismatch", 90)])
    assert [f.suppression is not None for f in result] == [True, False, True]


def test_enable_for_another_rule_leaves_region_open():
    blocks = [comment(" marklint: disable portion-missing -- annex", 1),
              comment(" marklint: enable banner-mismatch", 3), para("c", 4)]
    result = lint(blocks, [finding("portion-missing", 4)])
    assert result[0].suppression == Suppression("inSource", "annex")
    assert len(result) == 1  # an enable is never reported itself


def test_disable_file_covers_lines_before_the_comment():
    blocks = [para("a", 1), comment(" marklint: disable-file cab-missing -- cover sheet", 40)]
    result = lint(blocks, [finding("cab-missing", 1)])
    assert summary(result) == [("cab-missing", 1, 1, "inSource", "m")]


def test_missing_reason_is_reported_but_still_suppresses():
    blocks = [comment(" marklint: disable-next-line portion-missing", 7), para("x", 8)]
    result = lint(blocks, [finding("portion-missing", 8)])
    assert summary(result) == [
        ("portion-missing", 8, 1, "inSource", "m"),
        ("suppression-missing-reason", 7, 1, None,
         "'disable-next-line' suppression has no reason; add one after ' -- '"),
    ]
    assert result[1].code == "MK902"
    assert parse_directive(comment(" marklint: disable-file x --", 1)).reason == ""


def test_unused_and_unknown_rules_are_reported_per_name():
    blocks = [comment(" marklint: disable-file portion-missing, banner-mismatch, no-such-rule -- r", 2)]
    result = lint(blocks, [finding("banner-mismatch", 1)])
    assert summary(result) == [
        ("banner-mismatch", 1, 1, "inSource", "m"),
        ("suppression-unused", 2, 1, None, "suppression of portion-missing suppresses nothing"),
        ("suppression-unused", 2, 1, None, "suppression names unknown rule 'no-such-rule'"),
    ]
    assert result[1].code == "MK901"


def test_directive_without_rules_suppresses_nothing():
    blocks = [comment(" marklint: disable-file -- everything", 1)]
    result = lint(blocks, [finding("banner-mismatch", 3)])
    assert summary(result) == [
        ("banner-mismatch", 3, 1, None, "m"),
        ("suppression-unused", 1, 1, None, "'disable-file' suppression names no rule, so it suppresses nothing"),
    ]


def test_next_line_at_end_of_document_is_unused():
    result = lint([comment(" marklint: disable-next-line portion-missing -- r", 4)], [])
    assert summary(result) == [
        ("suppression-unused", 4, 1, None, "suppression of portion-missing suppresses nothing")]


def test_baselined_finding_is_left_alone():
    blocks = [comment(" marklint: disable-file portion-missing -- r", 1)]
    old = finding("portion-missing", 3)
    old.suppression = Suppression("external", "baseline")
    result = lint(blocks, [old])
    assert result[0].suppression.kind == "external"
    assert [f.rule for f in result] == ["portion-missing", "suppression-unused"]


def test_rules_outside_the_registry_by_code_or_slug():
    document = Document(path="memo.md", format="markdown", pages=[Page(1, [
        comment(" marklint: disable-next-line X101 -- approved", 1), para("x", 2),
        comment(" marklint: disable-file no-exdis, no-orcon -- approved", 3)])])
    generic = make_finding("banner-mismatch", path="memo.md", line=2, column=1, message="m")
    generic.code, generic.rule = "X101", "no-exdis"
    earned = apply_suppressions(document, [generic], [("X101", "no-exdis"), ("X102", "no-orcon")])
    assert generic.suppression == Suppression("inSource", "approved")
    assert summary(earned) == [
        ("suppression-unused", 3, 1, None, "suppression of no-exdis suppresses nothing"),
        ("suppression-unused", 3, 1, None, "suppression of no-orcon suppresses nothing"),
    ]


DRAFTS = {  # format -> (file name, a marked draft whose second paragraph, after {comment}, is unmarked)
    "text": ("d.txt", "SECRET\n\n(S) First.\n\n{comment}\nThe escort joins\nat noon.\n\nSECRET\n"),
    "markdown": ("d.md", "SECRET\n\n(S) First.\n\n{comment}\nThe escort joins\nat noon.\n\nSECRET\n"),
    "rst": ("d.rst", "SECRET\n\n(S) First.\n\n{comment}\nThe escort joins\nat noon.\n\nSECRET\n"),
    "asciidoc": ("d.adoc", "SECRET\n\n(S) First.\n\n{comment}\nThe escort joins\nat noon.\n\nSECRET\n"),
    "html": ("d.html", "<p>SECRET</p>\n<p>(S) First.</p>\n{comment}\n<p>The escort joins\nat noon.</p>\n<p>SECRET</p>\n"),
}


@pytest.mark.parametrize("fmt", sorted(DRAFTS))
def test_directive_comment_in_each_format_suppresses_the_next_block(fmt):
    assert sorted(COMMENT_SYNTAX) == sorted(DRAFTS)
    name, template = DRAFTS[fmt]
    settings = Settings(ignore=("cab-missing",), use_config=False)
    with_reason = directive_comment(fmt, "disable-next-line", ["portion-missing"], "quoted exhibit")
    result = lint_bytes(name, template.format(comment=with_reason).encode(), settings)
    assert [(f.rule, f.suppression is not None) for f in result.findings] == [("portion-missing", True)]
    without = directive_comment(fmt, "disable-next-line", ["portion-missing"], "")
    assert without.replace(" --", " -- quoted exhibit", 1) == with_reason
    result = lint_bytes(name, template.format(comment=without).encode(), settings)
    assert sorted((f.rule, f.suppression is not None) for f in result.findings) == [
        ("portion-missing", True), ("suppression-missing-reason", False)]


def test_directive_comment_exact_text_and_formats_without_comments():
    assert directive_comment("markdown", "disable-next-line", ["banner-mismatch", "MK302"], "approved") == \
        "<!-- marklint: disable-next-line banner-mismatch, MK302 -- approved -->"
    assert directive_comment("text", "disable-file", ["cab-missing"], "") == "# marklint: disable-file cab-missing --"
    assert directive_comment("docx", "disable-next-line", ["cab-missing"], "why") is None
