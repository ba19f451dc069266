"""Real released documents beyond the development set (tests/fixtures/archives/more/*/): the
rule set chosen, the level read and every finding must be exactly the ones judged in each
folder's judgements.yaml."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from marklint.lint import Settings, lint_path

MORE = Path(__file__).parent / "fixtures" / "archives" / "more"
FOLDERS = sorted(path.parent for path in MORE.glob("*/judgements.yaml"))
JUDGED = [
    (folder, name, entry)
    for folder in FOLDERS
    for name, entry in yaml.safe_load((folder / "judgements.yaml").read_text()).items()
]


def test_every_document_is_judged():
    for folder in FOLDERS:
        judged = set(yaml.safe_load((folder / "judgements.yaml").read_text()))
        assert judged == {path.name for path in folder.glob("*.txt")}, folder.name


@pytest.mark.parametrize(("folder", "name", "entry"), JUDGED, ids=[f"{f.name}/{n}" for f, n, _ in JUDGED])
def test_reading_and_findings_are_as_judged(folder, name, entry):
    result = lint_path(str(folder / name), Settings(rules="auto", use_config=False))
    assert result.ruleset == entry["era"]
    assert (result.facts or {}).get("classification", "") == entry["classification"]
    found = Counter(finding.rule for finding in result.findings)
    judged = {rule: group["count"] for rule, group in (entry.get("findings") or {}).items()}
    assert dict(found) == judged


@pytest.mark.parametrize(("folder", "name", "entry"), JUDGED, ids=[f"{f.name}/{n}" for f, n, _ in JUDGED])
def test_judgements_are_well_formed(folder, name, entry):
    for group in (entry.get("findings") or {}).values():
        assert group["judgement"] in {"agree", "reject", "mixed"}
        assert group["why"]
        if group["judgement"] == "mixed":
            assert 0 < group["agreed"] < group["count"]
