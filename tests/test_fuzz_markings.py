"""Fuzz the marking language: parse raises only MarkingError, check never raises, and what
parses can be rendered and rolled up."""

from __future__ import annotations

import datetime

import pytest
from fuzz_strategies import marking_strings, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from marklint.markings import MarkingError, check, parse, rollup

FUZZ = fuzz_settings(300)
forms = st.sampled_from(["auto", "banner", "portion"])
eras = st.one_of(st.none(), st.dates(datetime.date(1950, 1, 1), datetime.date(2060, 1, 1)))


@FUZZ
@given(text=marking_strings, form=forms)
def test_parse_raises_only_marking_error(text, form):
    try:
        marking = parse(text, form)
    except MarkingError as exc:
        assert exc.rule in ("marking-syntax", "marking-unknown-token")
        assert 1 <= exc.column <= exc.end_column
        assert exc.message and "\n" not in exc.message
        return
    assert isinstance(marking.banner(), str) and isinstance(marking.portion(), str)
    assert isinstance(marking.controls(), frozenset)


@FUZZ
@given(text=marking_strings, form=forms, era=eras)
def test_check_never_raises(text, form, era):
    problems = check(text, form, era=era)
    assert [p.column for p in problems] == sorted(p.column for p in problems)
    for problem in problems:
        assert 1 <= problem.column <= problem.end_column
        assert problem.rule.startswith(("marking-", "legacy-marking"))


@FUZZ
@given(texts=st.lists(marking_strings, max_size=8))
def test_rollup_of_whatever_parses_never_raises(texts):
    portions = []
    for text in texts:
        try:
            portions.append(parse(text, "portion"))
        except MarkingError:
            continue
    if not portions:  # documented: roll-up needs at least one portion
        with pytest.raises(ValueError):
            rollup(portions)
        return
    banner = rollup(portions)
    assert isinstance(banner.banner(), str)
    assert banner.rank >= max(p.rank for p in portions)
