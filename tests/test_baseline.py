"""Fingerprints and baseline files (unit level; the CLI round trip is in test_baseline_cli.py)."""

import json

import pytest

from marklint.baseline import (
    BaselineError, apply_baseline, fingerprints, load_baseline, write_baseline,
)
from marklint.checks.registry import make_finding
from marklint.findings import FileResult, Suppression


def finding(slug, line, marking=None, path="memo.txt"):
    return make_finding(slug, path=path, line=line, column=1, message=f"message {line}", marking=marking)


def test_fingerprint_ignores_line_and_message_but_not_rule_marking_path_or_occurrence():
    base = fingerprints([finding("banner-mismatch", 3, "SECRET")])[0]
    assert len(base) == 32 and int(base, 16) >= 0
    assert fingerprints([finding("banner-mismatch", 40, "SECRET")]) == [base]
    assert fingerprints([finding("banner-mismatch", 3, " SECRET ")]) == [base]
    assert fingerprints([finding("banner-mismatch", 3, "SECRET", path="./memo.txt")]) == [base]
    assert fingerprints([finding("banner-rollup", 3, "SECRET")]) != [base]
    assert fingerprints([finding("banner-mismatch", 3, "CONFIDENTIAL")]) != [base]
    assert fingerprints([finding("banner-mismatch", 3, "SECRET", path="other.txt")]) != [base]


def test_occurrence_counts_in_position_order_per_rule_and_marking():
    a, b, c = finding("portion-missing", 9), finding("portion-missing", 2), finding("banner-mismatch", 1, "S")
    prints = fingerprints([a, b, c])
    assert prints[1] == fingerprints([b])[0]  # line 2 is occurrence 0
    assert prints[0] != prints[1]
    assert prints[2] == fingerprints([c])[0]  # another rule does not shift the count


def test_write_is_sorted_stable_content_free_and_skips_suppressed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    quiet = finding("portion-missing", 4)
    quiet.suppression = Suppression("inSource", "r")
    results = [FileResult("b.txt", [finding("banner-mismatch", 1, "SECRET", path="b.txt")]),
               FileResult("a.txt", [finding("portion-missing", 7, path="a.txt"), quiet])]
    assert write_baseline(results, "base.json") == 2
    text = (tmp_path / "base.json").read_text()
    data = json.loads(text)
    assert data["version"] == 1 and data["tool"] == "marklint"
    assert [(e["path"], e["rule"]) for e in data["findings"]] == [("a.txt", "portion-missing"), ("b.txt", "banner-mismatch")]
    assert set(data["findings"][0]) == {"path", "rule", "fingerprint"}
    assert "SECRET" not in text and "message" not in text
    write_baseline(list(reversed(results)), "again.json")
    assert (tmp_path / "again.json").read_text() == text


def test_apply_marks_known_findings_external(tmp_path):
    old = finding("portion-missing", 5)
    write_baseline([FileResult("memo.txt", [old])], str(tmp_path / "b.json"))
    moved, new = finding("portion-missing", 12), finding("banner-mismatch", 1, "SECRET")
    apply_baseline([FileResult("memo.txt", [moved, new])], load_baseline(str(tmp_path / "b.json")))
    assert moved.suppression == Suppression("external", "baseline")
    assert new.suppression is None


@pytest.mark.parametrize("content, detail", [
    ("{", "not a marklint baseline (line 1: Expecting property name enclosed in double quotes)"),
    ('{"version": 2, "findings": []}', "not a marklint baseline (expected version 1)"),
    ('{"version": 1, "findings": [{"rule": "x"}]}',
     "not a marklint baseline (findings must be a list of objects with a fingerprint)"),
])
def test_bad_baseline_files_name_the_file(tmp_path, content, detail):
    path = tmp_path / "b.json"
    path.write_text(content)
    with pytest.raises(BaselineError) as error:
        load_baseline(str(path))
    assert str(error.value) == f"{path}: {detail}"


def test_missing_baseline_file(tmp_path):
    with pytest.raises(BaselineError) as error:
        load_baseline(str(tmp_path / "nope.json"))
    assert str(error.value) == f"{tmp_path / 'nope.json'}: cannot read baseline: No such file or directory"
