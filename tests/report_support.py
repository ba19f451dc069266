"""Helpers shared by the report tests: SARIF schema validation and golden-file comparison."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import jsonschema

REPO = Path(__file__).resolve().parents[1]


def _shared_dir() -> Path:
    """The project's shared/ folder: beside this checkout (as in CI), or beside the repository
    this checkout was cloned from (a scratch clone in a temporary directory)."""
    beside = REPO.parent / "shared"
    if beside.is_dir():
        return beside
    origin = subprocess.run(
        ["git", "-C", str(REPO), "remote", "get-url", "origin"],
        capture_output=True, text=True, check=False,
    ).stdout.strip()
    if origin and Path(origin).is_dir():
        return Path(origin).resolve().parent / "shared"
    return beside


# The schema lies beside every checkout (CI included); it is never copied into the repository.
SARIF_SCHEMA = _shared_dir() / "schemas" / "sarif-schema-2.1.0.json"
GOLDEN = Path(__file__).resolve().parent / "fixtures" / "report" / "golden"


def validate_sarif(text: str) -> dict:
    """Parse a SARIF log and validate it against the OASIS 2.1.0 schema; return it."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(text)
    validator = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())
    validator.validate(log)
    return log


def check_golden(name: str, actual: str) -> None:
    """Compare output with tests/fixtures/report/golden/NAME; MARKLINT_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("MARKLINT_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path} differs; if the change is intended, rerun with MARKLINT_UPDATE_GOLDEN=1"
