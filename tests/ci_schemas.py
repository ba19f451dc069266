"""The CI schemas that check-jsonschema ships (SchemaStore's GitHub Actions, GitHub workflow and
GitLab CI schemas), for validating action.yml and the recipes of docs/ci.md offline."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema


def validate(document: object, schema_name: str) -> list[str]:
    """The schema errors of `document` against the vendored schema `schema_name` (e.g.
    "github-actions"), each as `path: message`; empty when it is valid."""
    schema = json.loads((files("check_jsonschema.builtin_schemas.vendor") / f"{schema_name}.json").read_text("utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]
