"""`--format summary`: one JSON object per document, one per line (JSON Lines), with the facts
of `marklint.summary` (date of origin and its line, rule set and why, classification, banners
per page, authority block, counts of findings by rule, verdict). No document text."""

from __future__ import annotations

import json

from marklint.findings import FileResult
from marklint.report import ReportContext, path_display
from marklint.summary import summary_of


def render(results: list[FileResult], ctx: ReportContext) -> str:
    """One line of JSON per file, in the order the files were linted."""
    display = path_display(ctx.root)
    return "".join(json.dumps(summary_of(result, display(result.path))) + "\n" for result in results)
