"""Human-readable output: `path:line:col: CODE [slug] message`, colored by severity, then one
summary line per file (`draft.txt: 2 pages, 3 errors, 1 warning (rule set us-cnsi)`), which
also names the configuration file that applied (`..., configuration .marklint.yaml)`)."""

from __future__ import annotations

from marklint.findings import FileResult, Severity, described
from marklint.report import ReportContext, escape_name, path_display, reported


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _summary(result: FileResult, path: str, counts: list[int], display) -> str:
    """The summary line of a file; `counts[severity]` is its number of reported findings;
    `display` shows a path (the configuration file's)."""
    parts = [
        _plural(result.pages, "page"),
        _plural(counts[Severity.ERROR], "error"),
        _plural(counts[Severity.WARNING], "warning"),
    ]
    if counts[Severity.INFO]:
        parts.append(_plural(counts[Severity.INFO], "info"))
    used = [f"rule set {result.ruleset}"] if result.ruleset else []
    if result.config:
        used.append(f"configuration {escape_name(display(result.config))}")
    tail = f" ({', '.join(used)})" if used else ""
    return f"{path}: {', '.join(parts)}{tail}"


def _rule_urls() -> dict[str, str]:
    """slug -> documentation URL of every registered rule (a rule set's generic rules have none)."""
    from marklint.checks.registry import RULES
    from marklint.links import rule_url

    return {rule.slug: rule_url(rule.slug) for rule in RULES}


def render(results: list[FileResult], ctx: ReportContext) -> str:
    """Render findings, notices and per-file summaries as text (input errors are the CLI's)."""
    colors = {}
    reset = ""
    if ctx.color:
        from colorama import Fore, Style

        colors = {Severity.ERROR: Fore.RED, Severity.WARNING: Fore.YELLOW, Severity.INFO: Fore.CYAN}
        reset = Style.RESET_ALL
    lines: list[str] = []
    totals: dict[str, int] = {}
    display = path_display(ctx.root)
    url = _rule_urls() if ctx.links else None
    for result in results:
        if result.error is not None:
            continue
        path = escape_name(display(result.path))
        if not ctx.quiet:
            lines.extend(f"{path}: note: {notice}" for notice in result.notices)
        counts = [0, 0, 0, 0]  # indexed by severity (1-3): cheaper than a Counter of enums
        for finding in reported(result):
            counts[finding.severity] += 1
            label = f"{finding.code} [{finding.rule}]"
            if ctx.statistics:
                totals[label] = totals.get(label, 0) + 1
            if ctx.color:
                label = f"{colors[finding.severity]}{label}{reset}"
            lines.append(f"{path}:{finding.line}:{finding.column}: {label} {described(finding)}")
            if ctx.show_source and finding.source is not None:
                lines.append(f"    {finding.source}")
            if url is not None and finding.rule in url:
                lines.append(f"    {url[finding.rule]}")
        if not ctx.quiet:
            lines.append(_summary(result, path, counts, display))
    if totals:
        lines.extend(f"{count:5d}  {label}" for label, count in sorted(totals.items()))
    return "".join(line + "\n" for line in lines)
