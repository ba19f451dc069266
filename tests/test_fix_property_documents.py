"""Property test of fix mode on whole files: hypothesis builds plain-text and Markdown drafts
from pages of banners, portion marks and prose, with LF/CRLF mixes, tabs, a BOM or not and a
final newline or not; `fix_path` fixes them in place. Every character outside the markings
must be identical: the fixed file must match a template in which the prose, blank lines, tabs
and line endings are literal and only the markings (and a banner line inserted at a page's
edge) may differ. A second pass must change nothing and fix nothing."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marklint.fix import UTF8_BOM, fix_path
from marklint.lint import Settings

BANNERS = [
    "SECRET//NOFORN", "SECRET // NOFORN", "secret//noforn", "SECRET//NF", "SECRET//NOFRON",
    "SECRET//REL TO GBR, USA", "SECRET//REL TO USA, GBR", "TOP SECRET//NOFORN/ORCON",
    "CONFIDENTIAL", "SECRET", "UNCLASSIFIED//FOUO", "Secret",
]
PORTIONS = [
    "(S)", "(s)", "(S//NF)", "(S//NOFORN)", "(S // NF)", "(C)", "(U)", "(S//REL TO GBR, USA)",
    "(TS//NF/OC)", "(S//NOFRON)", "(U//FOUO)", "(SECRET)",
]
# Prose always holds lower-case letters, so a hole for a marking can never swallow it; it
# includes words a careless recognizer could take for markings.
WORDS = ["the", "convoy", "left", "at", "dawn", "caf\u00e9", "Secret", "Service", "top", "secret",
         "project", "(a)", "NOFORN-like", "report.", "S//NF", "\tindented", "TS", "SECRET//x"]

HOLE = r"[A-Za-z0-9 /,()\-]*"
NEWLINE = r"\r?\n"
TOP_SLOT = rf"(?:{HOLE}{NEWLINE}{NEWLINE})?"
BOTTOM_SLOT = rf"(?:{NEWLINE}{NEWLINE}{HOLE})?"

prose = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join).map(lambda s: "x " + s)
ending = st.sampled_from(["\n", "\r\n"])


@st.composite
def drafts(draw):
    """(file text, template regex) of a 1-3 page draft."""
    text: list[str] = []
    template: list[str] = []

    def literal(piece: str) -> None:
        text.append(piece)
        template.append(re.escape(piece))

    def marking(piece: str) -> None:
        text.append(piece)
        template.append(HOLE)

    pages = draw(st.integers(1, 3))
    for number in range(pages):
        if number:
            literal("\f" + draw(ending))
        template.append(TOP_SLOT)
        if draw(st.booleans()):
            marking(draw(st.sampled_from(BANNERS)))
            literal(draw(ending) + draw(ending))
        paragraphs = draw(st.integers(1, 3))
        for index in range(paragraphs):
            if draw(st.integers(0, 4)):
                marking(draw(st.sampled_from(PORTIONS)))
                literal(" ")
            literal(draw(prose))
            if index == paragraphs - 1:
                template.append(BOTTOM_SLOT)
            literal(draw(ending))
            if index < paragraphs - 1:
                literal(draw(ending))
        if draw(st.booleans()):
            literal(draw(ending))
            marking(draw(st.sampled_from(BANNERS)))
            template.append(BOTTOM_SLOT)  # a mixed-case "banner" is prose, so one may follow
            if number < pages - 1 or draw(st.booleans()):
                literal(draw(ending))
    return "".join(text), "".join(template)


@pytest.mark.parametrize("name", ["draft.txt", "draft.md"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drafts(), st.booleans())
def test_fix_changes_nothing_but_markings(tmp_path, name, draft, bom):
    text, template = draft
    prefix = UTF8_BOM if bom else b""
    path = tmp_path / name
    path.write_bytes(prefix + text.encode("utf-8"))
    options = Settings(use_config=False)

    done = fix_path(str(path), options)
    data = path.read_bytes()
    assert data.startswith(prefix) and not data[len(prefix):].startswith(UTF8_BOM)
    fixed = data[len(prefix):].decode("utf-8")
    assert fixed == done.after
    assert re.fullmatch(template, fixed), (text, fixed)
    assert fixed.endswith("\n") == text.endswith("\n")
    assert (fixed != text) == bool(done.fixed)
    # Nothing safe is left to fix, and a second run changes nothing.
    assert not any(f.fix is not None and f.fix.safety == "safe" for f in done.result.findings)
    again = fix_path(str(path), options)
    assert again.fixed == [] and path.read_bytes() == data


PIECES = ["SECRET", "TOP SECRET", "CONFIDENTIAL", "//", "/", " ", "(", ")", "S", "NF", "NOFORN", "NOFRON",
          "REL TO", ", ", "USA", "GBR", "ORCON", "OC", "\n", "\r\n", "\r", "\f", "\t", "secret", "x",
          "\u00e9", "Classified By:", "Declassify On:", "#", "=====", "---", "<p>", "</p>", "&#47;",
          "**", "..", "\u2028", "\x85", "\v", "# marklint: disable-next-line marking-form -- r\n"]


@pytest.mark.parametrize("name", ["f.txt", "f.md", "f.rst", "f.adoc", "f.html"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.booleans())
def test_fix_survives_any_text_and_is_idempotent(tmp_path, name, text, unsafe):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    options = Settings(use_config=False)
    done = fix_path(str(path), options, unsafe=unsafe)
    data = path.read_bytes()
    assert data.decode("utf-8") == done.after
    assert done.after.endswith("\n") == text.endswith("\n")
    again = fix_path(str(path), options, unsafe=unsafe)
    assert again.fixed == [] and path.read_bytes() == data


@pytest.mark.parametrize("name", ["f.txt", "f.md", "f.rst", "f.adoc", "f.html"])
def test_fix_is_idempotent_on_a_banner_after_a_form_feed(tmp_path, name):
    # Found by the property test above: reST counted the form feed as indentation, so the
    # banner became a block quote once the fix added a line, and each run inserted another.
    path = tmp_path / name
    path.write_bytes(b"\x0cSECRET")
    options = Settings(use_config=False)
    fix_path(str(path), options, unsafe=True)
    data = path.read_bytes()
    again = fix_path(str(path), options, unsafe=True)
    assert again.fixed == [] and path.read_bytes() == data
