"""Fix mode over the whole fixture set and every rule's `bad` example: after --fix (safe, then
also unsafe) linting reports none of the fixed findings, nothing fixable is left, the file on
disk lints exactly as fix mode reported, and a second run changes nothing. (Suppressed
findings keep their fixes but are never applied.)"""

from pathlib import Path

import pytest

from marklint.checks.registry import RULES
from marklint.fix import FIXABLE_FORMATS, fix_path
from marklint.lint import Settings, lint_path
from marklint.readers import format_for

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SETTINGS = Settings(use_config=False)


def _documents():
    for path in sorted(FIXTURES.rglob("*")):
        relative = path.relative_to(FIXTURES).parts  # a hidden folder (a run's .marklint_cache) holds no fixture
        if path.is_file() and "golden" not in relative and not any(part.startswith(".") for part in relative) \
                and format_for(str(path)) in FIXABLE_FORMATS and path.suffix != ".yaml":
            yield pytest.param(path.name, path.read_bytes(), id=str(path.relative_to(FIXTURES)))
    for rule in RULES:
        if rule.bad:
            yield pytest.param("bad.txt", rule.bad.encode(), id=f"bad-example-{rule.slug}")


def _key(finding):
    return finding.rule, finding.line, finding.column, finding.message


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("name, data", list(_documents()))
def test_fixed_findings_are_gone(tmp_path, name, data, unsafe):
    path = tmp_path / name
    path.write_bytes(data)
    done = fix_path(str(path), SETTINGS, unsafe=unsafe)
    assert done.result.error is None
    final = done.result.findings
    relinted = lint_path(str(path), SETTINGS)
    assert sorted(map(_key, relinted.findings)) == sorted(map(_key, final))
    remaining = {(f.rule, f.message) for f in final}
    assert [f for f in done.fixed if (f.rule, f.message) in remaining] == []
    wanted = ("safe", "unsafe") if unsafe else ("safe",)
    fixable = [f for f in final if f.suppression is None and f.fix is not None and f.fix.safety in wanted]
    assert fixable == []
    again = fix_path(str(path), SETTINGS, unsafe=unsafe)
    assert again.fixed == [] and not again.changed
    assert path.read_bytes().decode("utf-8-sig") == done.after  # as written: CRLF line ends kept
