"""`UserPattern.found_in`: a whole text searched window by window finds what one search finds;
`PatternSet.first`: the first pattern that one search after another would find."""

from __future__ import annotations

from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

import marklint.userpattern as userpattern
from marklint.userpattern import PatternSet, UserPattern

# Patterns whose matches span at most 4 characters: anchors, word boundaries, line ends.
PATTERNS = [UserPattern.compile(p) for p in (
    r"\bab", r"ab\b", r"\Bb\B", r"^a", r"b$", r"(?m)^b", r"(?m)a$", r"a\s?b", "a\nb", r"\b", "", "ba-a")]


@given(st.text(alphabet="ab -\n\u00e9\u20ac", max_size=60))  # characters of one, two and three bytes
def test_windows_find_what_the_whole_text_search_finds(text):
    with mock.patch.multiple(userpattern, TEXT_WINDOW=8, WINDOW_OVERLAP=4):
        for pattern in PATTERNS:
            assert pattern.found_in(text) == (pattern.regex.search(text) is not None), pattern.pattern


def test_a_match_in_the_last_window_of_a_long_text_is_found():
    text = "x" * (3 * userpattern.TEXT_WINDOW) + " ab"
    assert UserPattern.compile(r"\bab$").found_in(text)
    assert not UserPattern.compile(r"^ab").found_in(text)


@given(st.text(alphabet="ab -\n\u00e9\u20ac", max_size=60))
def test_a_set_finds_the_first_pattern_one_search_after_another_finds(text):
    with mock.patch.object(userpattern, "INPUT_LIMIT", 20):  # long texts too: searched a pattern at a time
        expected = next((index for index, pattern in enumerate(PATTERNS) if pattern.search(text)), None)
        assert PatternSet(PATTERNS).first(text) == expected


def test_a_long_text_is_judged_as_a_search_of_its_first_characters_judges_it():
    text = "a" * userpattern.INPUT_LIMIT + "b"
    patterns = PatternSet([UserPattern.compile(r"a$"), UserPattern.compile(r"ab")])
    assert patterns.first(text) is None  # a search sees no end of text after the first characters
    assert PatternSet([]).first(text) is None
