"""The on-disk cache of loaded rule sets (start-up time): used when the rule files are
unchanged, refreshed when one changes, never trusted for a file written a moment ago."""

from __future__ import annotations

import os
import time

import pytest

from marklint import ruleset
from marklint.ruleset import REMOVED, load_ruleset


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    load_ruleset.cache_clear()
    yield tmp_path / "home-cache" / "marklint"
    load_ruleset.cache_clear()


def _write_aged(path, text: str, age_seconds: int) -> None:
    path.write_text(text, encoding="utf-8")
    then = time.time() - age_seconds
    os.utime(path, (then, then))


def _no_yaml(text: str) -> object:
    raise AssertionError("the rule file was parsed although the cache holds it")


def test_cached_rule_set_is_loaded_without_parsing_yaml(tmp_path, cache_home, monkeypatch):
    rules = tmp_path / "office.yaml"
    _write_aged(rules, "extends: us-cnsi\npage-break-patterns: ['^== page']\nportions:\n  exempt:\n"
                "    salutation: null\n", 60)
    first = load_ruleset(str(rules))
    assert len(list(cache_home.glob("ruleset-*.pickle"))) == 1
    load_ruleset.cache_clear()
    monkeypatch.setattr(ruleset, "load_yaml", _no_yaml)
    second = load_ruleset(str(rules))
    assert second == first
    assert second.page_break_patterns == ("^== page",)
    assert second.parents == ("us-cnsi",)
    assert "salutation" not in [p.name for p in second.portions.exempt]


def test_changed_rule_file_is_read_again(tmp_path, cache_home):
    rules = tmp_path / "office.yaml"
    _write_aged(rules, "page-break-patterns: ['^== page']\n", 60)
    assert load_ruleset(str(rules)).page_break_patterns == ("^== page",)
    load_ruleset.cache_clear()
    _write_aged(rules, "page-break-patterns: ['^-- page']\n", 30)  # same size, other mtime
    assert load_ruleset(str(rules)).page_break_patterns == ("^-- page",)


def test_changed_parent_file_is_read_again(tmp_path, cache_home):
    base, child = tmp_path / "base.yaml", tmp_path / "child.yaml"
    _write_aged(base, "page-break-patterns: ['^== page']\n", 60)
    _write_aged(child, "extends: base.yaml\n", 60)
    assert load_ruleset(str(child)).page_break_patterns == ("^== page",)
    load_ruleset.cache_clear()
    _write_aged(base, "page-break-patterns: ['^-- page']\n", 30)
    assert load_ruleset(str(child)).page_break_patterns == ("^-- page",)


def test_freshly_written_rule_file_is_not_cached(tmp_path, cache_home):
    rules = tmp_path / "office.yaml"
    rules.write_text("page-break-patterns: ['^== page']\n", encoding="utf-8")
    assert load_ruleset(str(rules)).page_break_patterns == ("^== page",)
    assert list(cache_home.glob("ruleset-*.pickle")) == []


def test_damaged_cache_file_is_ignored(tmp_path, cache_home):
    rules = tmp_path / "office.yaml"
    _write_aged(rules, "page-break-patterns: ['^== page']\n", 60)
    load_ruleset(str(rules))
    [cached] = cache_home.glob("ruleset-*.pickle")
    cached.write_bytes(b"not a pickle")
    load_ruleset.cache_clear()
    assert load_ruleset(str(rules)).page_break_patterns == ("^== page",)


def test_removed_marker_keeps_its_identity_through_pickle():
    import pickle

    assert pickle.loads(pickle.dumps(REMOVED)) is REMOVED
