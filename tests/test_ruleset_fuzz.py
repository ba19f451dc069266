"""Untrusted rule files, configurations and documents never raise anything but the documented
errors (RuleSetError / ConfigError), and the text scanners never raise at all."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from marklint.checks.authority_block import find_authority_block, is_authority_line
from marklint.config import ConfigError, load_config
from marklint.dates import document_date
from marklint.document import Block, BlockKind, Document, Page
from marklint.ruleset import RuleSetError, load_ruleset

_counter = itertools.count()

# YAML-ish text: the rule set's own keys and values, punctuation that matters to YAML, noise.
_PIECES = st.sampled_from([
    "banners:", "portions:", "authority:", "rules:", "generic:", "extends: us-cnsi", "date-range:",
    "  top: true", "  bottom: 3", "  from: 2010-13-45", "  - id: x", "    pattern: '(a+)+'", "- ", ": ",
    "&a [1]", "*a", "!!python/object:os.system", "{", "}", "[", "]", "'", '"', "\t", "  ", "\n", "#",
    "cab-missing: off", "exempt: {a: '['}", "vocabulary: [nope]", "rollup: {restricted-level: X}",
    "required: sometimes", "null", "~", "0x1F", "1e309", "é",
])
_YAML = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(_YAML, st.text(max_size=200)))
def test_rule_files_raise_only_rule_set_errors(tmp_path_factory, text):
    path = tmp_path_factory.getbasetemp() / f"fuzz-{next(_counter)}.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_ruleset(str(path))
    except RuleSetError as exc:
        assert str(exc).startswith(str(path))


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(_YAML, st.text(max_size=200)))
def test_configurations_raise_only_documented_errors(tmp_path_factory, text):
    directory = tmp_path_factory.getbasetemp() / f"cfg-{next(_counter)}"
    directory.mkdir()
    path = directory / ".marklint.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_config(str(path))
    except RuleSetError:
        pass  # `rules:` named a rule set that does not load (a ConfigError subclass: caught first)
    except ConfigError as exc:
        assert str(exc).startswith(str(path))


_LINES = st.lists(st.one_of(
    st.text(max_size=60),
    st.sampled_from(["Classified By: x", "Declassify On: 20351340", "DECL: OADR", "Reason:", "|",
                     "Declass On: 1/2/3", "November 31, 1984", "Date: 19840230", "a | Derived From: |"]),
), max_size=20)


@settings(max_examples=200, deadline=None)
@given(lines=_LINES)
def test_scanners_never_raise(lines):
    document_date(lines)
    for line in lines:
        is_authority_line(line)
    text = "\n".join(line.replace("\n", " ") for line in lines) or "x"
    doc = Document("f.txt", "text", [Page(1, [Block(BlockKind.PARAGRAPH, text, 1)])], text)
    find_authority_block(doc)
