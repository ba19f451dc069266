"""Fuzz the whole lint path: random documents of markings, prose, administrative lines, markup
and noise, in every text format and under every shipped rule set. No exception escapes, and
every finding points inside the document."""

from __future__ import annotations

import re

from fuzz_strategies import documents, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from marklint.lint import Settings, lint_bytes
from marklint.readers import READERS
from marklint.ruleset import shipped_rulesets

FUZZ = fuzz_settings(150)
EXTENSIONS = {"text": "txt", "markdown": "md", "rst": "rst", "asciidoc": "adoc", "html": "html", "email": "eml"}
formats = st.sampled_from(sorted(name for name in EXTENSIONS if name in READERS))
rule_choices = st.sampled_from([None, "auto", *shipped_rulesets()])


def check_result(result, path: str, text: str) -> None:
    assert result.path == path
    if result.error is not None:
        assert "\n" not in result.error and not result.error.startswith("internal error")
        return
    line_count = len(re.split(r"\r\n|\r|\n", text))  # markup readers also break lines at a lone CR
    for finding in result.findings:
        assert 1 <= finding.line <= line_count + 1, finding
        assert finding.column >= 1, finding
        assert finding.source is None


@FUZZ
@given(text=documents, fmt=formats, rules=rule_choices, require=st.sampled_from([None, "always"]))
def test_lint_never_raises(text, fmt, rules, require):
    path = f"fuzz.{EXTENSIONS[fmt]}"
    settings_ = Settings(rules=rules, require_banner=require, use_config=False)
    check_result(lint_bytes(path, text.encode("utf-8"), settings_), path, text)


@FUZZ
@given(data=st.binary(max_size=600), fmt=formats)
def test_lint_of_random_bytes_never_raises(data, fmt):
    path = f"fuzz.{EXTENSIONS[fmt]}"
    result = lint_bytes(path, data, Settings(use_config=False))
    check_result(result, path, data.decode("utf-8", "replace"))


@FUZZ
@given(text=documents, select=st.sampled_from([(), ("MK3",), ("banner-mismatch", "cab-missing")]),
       breaks=st.sampled_from([(), ("^-{3,}$",), ("PAGE BREAK",)]))
def test_lint_with_options_never_raises(text, select, breaks):
    settings_ = Settings(select=select, page_break_patterns=breaks, show_source=True, use_config=False)
    result = lint_bytes("fuzz.txt", text.encode("utf-8"), settings_)
    assert result.error is None or not result.error.startswith("internal error")


def test_email_findings_stay_inside_the_file():
    """No blank line ends the headers (found by test_lint_never_raises)."""
    text = "Reason: 1.4(c)\nTOP SECRET//SI//NOFORN\nSECRET//NOFORN"
    result = lint_bytes("fuzz.eml", text.encode("utf-8"), Settings(use_config=False))
    assert result.error is None
    assert [f.line for f in result.findings if f.line > 3] == []
