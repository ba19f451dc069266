"""Inline suppressions through the real readers and pipeline, in each format's comment syntax."""

from pathlib import Path

import pytest

from marklint.lint import Settings, lint_bytes

SETTINGS = Settings(use_config=False)


def lint(name: str, text: str):
    result = lint_bytes(name, text.encode("utf-8"), SETTINGS)
    assert result.error is None
    return [(f.rule, f.line, f.column, f.suppression.kind if f.suppression else None,
             f.suppression.justification if f.suppression else f.message)
            for f in result.findings]


TEXT = """\
SECRET
# marklint: disable-file cab-missing -- cover note; the authority block is on the parent

(S) The convoy leaves at dawn.

# marklint: disable-next-line portion-missing -- quoted exhibit
The escort joins at noon.

# marklint: disable portion-missing -- annex
The annex one.

The annex two.
# marklint: enable portion-missing

After the annex.

SECRET
"""

MARKDOWN = """\
SECRET

<!-- marklint: disable-file cab-missing -- cover note; the authority block is on the parent -->

(S) The convoy leaves at dawn.

<!-- marklint: disable-next-line portion-missing -- quoted exhibit -->
The escort joins at noon.

<!-- marklint: disable portion-missing -- annex -->

The annex one.

The annex two.

<!-- marklint: enable portion-missing -->

After the annex.

SECRET
"""

REST = """\
SECRET

.. marklint: disable-file cab-missing -- cover note; the authority block is on the parent

(S) The convoy leaves at dawn.

.. marklint: disable-next-line portion-missing -- quoted exhibit

The escort joins at noon.

.. marklint: disable portion-missing -- annex

The annex one.

The annex two.

.. marklint: enable portion-missing

After the annex.

SECRET
"""

ASCIIDOC = """\
SECRET

// marklint: disable-file cab-missing -- cover note; the authority block is on the parent

(S) The convoy leaves at dawn.

// marklint: disable-next-line portion-missing -- quoted exhibit
The escort joins at noon.

// marklint: disable portion-missing -- annex
The annex one.

The annex two.
// marklint: enable portion-missing

After the annex.

SECRET
"""

HTML = """\
<html><body>
<p>SECRET</p>
<!-- marklint: disable-file cab-missing -- cover note; the authority block is on the parent -->
<p>(S) The convoy leaves at dawn.</p>
<!-- marklint: disable-next-line portion-missing -- quoted exhibit -->
<p>The escort joins at noon.</p>
<!-- marklint: disable portion-missing -- annex -->
<p>The annex one.</p>
<p>The annex two.</p>
<!-- marklint: enable portion-missing -->
<p>After the annex.</p>
<p>SECRET</p>
</body></html>
"""


def expected(cab, exhibit, annex, after, col=1):
    """The four findings of each draft: cab-missing and three portion-missing, of which the
    exhibit and the two annex paragraphs are suppressed and the last paragraph is not."""
    file_reason = "cover note; the authority block is on the parent"
    return [
        ("cab-missing", cab, col, "inSource", file_reason),
        ("portion-missing", exhibit, col, "inSource", "quoted exhibit"),
        ("portion-missing", annex[0], col, "inSource", "annex"),
        ("portion-missing", annex[1], col, "inSource", "annex"),
        ("portion-missing", after, col, None, "paragraph has no portion mark"),
    ]


@pytest.mark.parametrize("name, text, want", [
    ("memo.txt", TEXT, expected(1, 7, (10, 12), 15)),
    ("memo.md", MARKDOWN, expected(1, 8, (12, 14), 18)),
    ("memo.rst", REST, expected(1, 9, (13, 15), 19)),
    ("memo.adoc", ASCIIDOC, expected(1, 8, (11, 13), 16)),
    ("memo.html", HTML, expected(2, 6, (8, 9), 11, col=4)),
], ids=["text", "markdown", "rest", "asciidoc", "html"])
def test_every_scope_in_every_comment_syntax(name, text, want):
    assert lint(name, text) == want


def test_directive_problems_are_reported_at_the_comment():
    text = "SECRET\n\n(S) The convoy.\n\n<!-- marklint: disable-next-line portion-missing -->\nThe escort.\n\n" \
           "<!-- marklint: disable-file banner-mismatch, cab-missing -- parent memo -->\n\nSECRET\n"
    assert lint("memo.md", text) == [
        ("cab-missing", 1, 1, "inSource", "parent memo"),
        ("suppression-missing-reason", 5, 1, None,
         "'disable-next-line' suppression has no reason; add one after ' -- '"),
        ("portion-missing", 6, 1, "inSource", ""),
        ("suppression-unused", 8, 1, None, "suppression of banner-mismatch suppresses nothing"),
    ]


def test_suppression_rules_are_configurable():
    text = "SECRET\n\n# marklint: disable-next-line portion-missing\nThe escort.\n\nSECRET\n"
    ignoring = Settings(use_config=False, ignore=("suppression-missing-reason", "cab-missing"))
    result = lint_bytes("memo.txt", text.encode(), ignoring)
    assert [(f.rule, f.line, f.suppression is not None) for f in result.findings] == [
        ("portion-missing", 4, True)]


def test_a_rule_sets_generic_rules_can_be_suppressed_by_code_or_id():
    office = str(Path(__file__).parent / "fixtures" / "rulesets" / "office.yaml")
    text = ("SECRET\n# marklint: disable-file cab-missing -- cover note\n\n"
            "# marklint: disable-next-line OFC001 -- the word is the project's name\n"
            "(S) The DRAFT convoy leaves at dawn.\n\n"
            "# marklint: disable-file poc-line -- not NOFORN\n\nSECRET\n")
    result = lint_bytes("memo.txt", text.encode(), Settings(use_config=False, rules=office))
    assert result.error is None
    assert [(f.rule, f.code, f.line, f.suppression.kind if f.suppression else f.message)
            for f in result.findings] == [
        ("cab-missing", "MK401", 1, "inSource"),
        ("no-draft", "OFC001", 5, "inSource"),
        ("suppression-unused", "MK901", 7, "suppression of poc-line suppresses nothing"),
    ]
