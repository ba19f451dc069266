"""Property tests of marklint.fix.apply_fixes on arbitrary text: only the edited spans change."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marklint.findings import Edit, Fix
from marklint.fix import UTF8_BOM, apply_fixes, decode, encode, line_ending_at, line_starts

# Lines with tabs, non-ASCII letters and any of the three endings; the last may have none.
line_text = st.text(alphabet=st.sampled_from("ab \t(S)/\u00e9\u4e2d"), max_size=12)
endings = st.sampled_from(["\n", "\r\n"])
documents = st.lists(st.tuples(line_text, endings), min_size=1, max_size=8).map(
    lambda rows: "".join(text + ending for text, ending in rows)
) | st.lists(line_text, min_size=1, max_size=8).map("\n".join)


def position(text: str, offset: int) -> tuple[int, int]:
    starts = line_starts(text)
    line = max(i for i, start in enumerate(starts) if start <= offset)
    return line + 1, offset - starts[line] + 1


def valid_offsets(text: str) -> list[int]:
    """Offsets a position can name: anywhere except between "\\r" and "\\n"."""
    return [i for i in range(len(text) + 1) if not (0 < i < len(text) and text[i - 1] == "\r" and text[i] == "\n")]


@st.composite
def text_and_fixes(draw):
    text = draw(documents)
    offsets = valid_offsets(text)
    fixes = []
    for _ in range(draw(st.integers(0, 5))):
        a, b = sorted(draw(st.lists(st.sampled_from(offsets), min_size=2, max_size=2)))
        replacement = draw(st.text(alphabet="XYZ/\n", max_size=4))
        start, end = position(text, a), position(text, b)
        fixes.append(Fix("f", "safe", (Edit(*start, *end, replacement),)))
    return text, fixes


@settings(max_examples=300, deadline=None)
@given(text_and_fixes())
def test_every_character_outside_applied_edits_is_unchanged(case):
    text, fixes = case
    new, applied, deferred = apply_fixes(text, fixes)
    starts = line_starts(text)
    spans = []
    for fix in applied:
        edit = fix.edits[0]
        begin = starts[edit.line - 1] + edit.column - 1
        end = starts[edit.end_line - 1] + edit.end_column - 1
        spans.append((begin, end, edit.replacement.replace("\n", line_ending_at(text, begin))))
    spans.sort()
    # Rebuild the expected text independently: untouched gaps verbatim, replacements in between.
    expected, cursor = [], 0
    for begin, end, replacement in spans:
        assert begin >= cursor  # accepted edits never overlap
        expected += [text[cursor:begin], replacement]
        cursor = end
    expected.append(text[cursor:])
    assert new == "".join(expected)
    assert len(applied) + len(deferred) <= len(fixes)
    # Line endings outside the edits survive: no "\r\n" is split by an accepted edit.
    for begin, end, _ in spans:
        for edge in (begin, end):
            assert not (0 < edge < len(text) and text[edge - 1] == "\r" and text[edge] == "\n")


@settings(max_examples=200, deadline=None)
@given(documents, st.booleans())
def test_decode_encode_round_trip_keeps_bom_and_bytes(text, with_bom):
    data = (UTF8_BOM if with_bom else b"") + text.encode("utf-8")
    decoded, bom = decode(data)
    assert encode(decoded, bom) == data
