"""The collection report: one row per document (CSV), and a self-contained HTML page (no
external resource: inline CSS and an inline SVG chart of verdicts by year) with totals by era
and verdict. Rows are built from each document's facts (`FileResult.facts`); they hold
markings, dates, numbers and counts, never the text of a portion.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from html import escape

from marklint.summary import VERDICTS
from marklint.findings import FileResult

COLUMNS = (
    "path", "date_of_origin", "year", "era", "classification", "pages", "banners_found", "authority_block",
    "collections", "release_authority", "case_numbers", "document_numbers", "release_date", "review_dates",
    "reviewers", "release_decision", "exemptions", "wrapper_pages", "ocr_readings", "illegible_pages", "verdict",
    "findings", "findings_by_rule",
)
_COLOURS = {"clean": "#2e7d32", "findings": "#c62828", "unmarked": "#9e9e9e", "illegible": "#f9a825",
            "unreadable": "#5d4037"}
_LIST_FIELDS = ("collections", "release_authority", "case_numbers", "document_numbers", "review_dates", "reviewers",
                "release_decision", "exemptions", "wrapper_pages")


def row_of(result: FileResult, path: str) -> dict[str, object]:
    """The report row of one document (`path` as shown)."""
    if result.error is not None or result.facts is None:
        return {**dict.fromkeys(COLUMNS, ""), "path": path, "verdict": "unreadable", "era": "unknown",
                "year": "undated"}
    facts = result.facts
    release = facts.get("declassification") or {}
    origin = facts.get("date_of_origin") or ""
    counts: dict[str, int] = facts.get("findings") or {}
    row: dict[str, object] = {
        "path": path,
        "date_of_origin": origin,
        "year": origin[:4] if origin else "undated",
        "era": facts.get("ruleset") or result.ruleset or "unknown",
        "classification": facts.get("classification") or "",
        "pages": facts.get("pages", result.pages),
        "banners_found": sum(len(page["banners"]) for page in facts.get("banners", [])),
        "authority_block": "yes" if facts.get("authority_block") else "no",
        "release_date": release.get("release_date") or "",
        "ocr_readings": facts.get("ocr_readings", 0),
        "illegible_pages": "; ".join(str(page) for page in facts.get("illegible_pages", [])),
        "verdict": facts.get("verdict", ""),
        "findings": sum(counts.values()),
        "findings_by_rule": "; ".join(f"{rule}={count}" for rule, count in sorted(counts.items())),
    }
    for field in _LIST_FIELDS:
        row[field] = "; ".join(str(value) for value in release.get(field, []))
    return row


def write_csv(rows: list[dict[str, object]]) -> str:
    """The rows as CSV text, with a header line."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def totals(rows: list[dict[str, object]], key: str) -> dict[str, Counter]:
    """Verdict counts per value of `key` (`era` or `year`), in sorted order."""
    table: dict[str, Counter] = {}
    for row in sorted(rows, key=lambda r: str(r[key])):
        table.setdefault(str(row[key]), Counter())[str(row["verdict"])] += 1
    return table


def _verdicts(rows: list[dict[str, object]]) -> list[str]:
    present = {str(row["verdict"]) for row in rows}
    return [verdict for verdict in VERDICTS if verdict in present]


def chart_svg(by_year: dict[str, Counter], verdicts: list[str]) -> str:
    """A stacked bar chart of verdicts by year, as an inline SVG element."""
    width, height, left, bottom, top = 760, 300, 40, 40, 30
    years = list(by_year)
    peak = max((sum(counts.values()) for counts in by_year.values()), default=1) or 1
    step = (width - left - 10) / max(len(years), 1)
    bar = max(min(step * 0.7, 40), 2)
    scale = (height - bottom - top) / peak
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" aria-labelledby="chart-title">',
             '<title id="chart-title">Verdicts by year of origin</title>',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - 5}" y2="{height - bottom}" stroke="#333"/>',
             f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="11">{peak}</text>',
             f'<text x="{left - 6}" y="{height - bottom}" text-anchor="end" font-size="11">0</text>']
    for index, year in enumerate(years):
        x = left + index * step + (step - bar) / 2
        y = height - bottom
        for verdict in verdicts:
            count = by_year[year][verdict]
            if not count:
                continue
            size = count * scale
            y -= size
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{size:.1f}" '
                         f'fill="{_COLOURS[verdict]}"><title>{escape(year)}: {count} {verdict}</title></rect>')
        label_y = height - bottom + 14
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{label_y}" font-size="10" text-anchor="end" '
                     f'transform="rotate(-45 {x + bar / 2:.1f} {label_y})">{escape(year)}</text>')
    for index, verdict in enumerate(verdicts):
        x = left + 10 + index * 110
        parts.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{_COLOURS[verdict]}"/>'
                     f'<text x="{x + 16}" y="18" font-size="12">{verdict}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _table(headers: list[str], body: list[list[object]], caption: str) -> str:
    head = "".join(f"<th>{escape(str(h))}</th>" for h in headers)
    rows = "\n".join("<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in body)
    return f"<table>\n<caption>{escape(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"


def _totals_table(table: dict[str, Counter], verdicts: list[str], key: str) -> str:
    body = [[name, *[counts[v] for v in verdicts], sum(counts.values())] for name, counts in table.items()]
    body.append(["all", *[sum(c[v] for c in table.values()) for v in verdicts],
                 sum(sum(c.values()) for c in table.values())])
    return _table([key, *verdicts, "documents"], body, f"Documents by {key} and verdict")


_STYLE = """body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:13px}
th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eee}caption{font-weight:bold;text-align:left;padding:4px 0}
.grid{display:flex;gap:2em;flex-wrap:wrap;align-items:flex-start}"""

_DOCUMENT_COLUMNS = ("path", "date_of_origin", "era", "classification", "pages", "banners_found", "authority_block",
                     "case_numbers", "document_numbers", "release_date", "release_decision", "exemptions",
                     "verdict", "findings_by_rule")


def write_html(rows: list[dict[str, object]], title: str) -> str:
    """A self-contained HTML page: totals by era and verdict, the chart of verdicts by year,
    and the table of documents."""
    verdicts = _verdicts(rows) or ["clean"]
    by_era, by_year = totals(rows, "era"), totals(rows, "year")
    documents = _table(list(_DOCUMENT_COLUMNS), [[row[c] for c in _DOCUMENT_COLUMNS] for row in rows],
                       "Documents")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(title)}</title>
<style>
{_STYLE}
</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p>{len(rows)} documents. Generated by marklint; markings, dates and counts only, no document text.</p>
<div class="grid">
{_totals_table(by_era, verdicts, "era")}
{_totals_table(by_year, verdicts, "year")}
</div>
<h2>Verdicts by year of origin</h2>
{chart_svg(by_year, verdicts)}
<h2>Documents</h2>
{documents}
</body>
</html>
"""
