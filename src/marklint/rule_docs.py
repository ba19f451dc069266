"""The documentation site's page of each registered rule, generated from the rule registry when
the site is built (tools/mkdocs_hooks.py): code, slug, summary, severity, why with citations,
the failing example with what marklint reports on it, the passing example, and the fix. A page
lives at `rules/SLUG.md`, so its address (`marklint.links.rule_url`) is stable."""

from __future__ import annotations

from marklint.checks.registry import RULES, RuleDoc
from marklint.links import rule_url

# example_format -> the file name an example is linted under
EXAMPLE_NAMES = {"text": "example.txt", "markdown": "example.md", "rst": "example.rst",
                 "asciidoc": "example.adoc", "html": "example.html", "email": "example.eml"}
FENCES = {"text": "text", "markdown": "markdown", "rst": "rst", "asciidoc": "asciidoc", "html": "html",
          "email": "text"}


def page_path(rule: RuleDoc) -> str:
    """The page's path inside docs/ (its URL is `marklint.links.rule_url(rule.slug)`)."""
    return f"rules/{rule.slug}.md"


def _findings(rule: RuleDoc, example: str):
    """The findings of `rule` on an example document (its own rule only)."""
    from marklint.lint import Settings, lint_bytes

    settings = Settings(select=(rule.code,), rules=rule.example_rules or None)
    result = lint_bytes(EXAMPLE_NAMES[rule.example_format], example.encode("utf-8"), settings)
    return [f for f in result.findings if f.rule == rule.slug and f.suppression is None]


def _fence(text: str, language: str = "") -> str:
    return f"```{language}\n{text.rstrip(chr(10))}\n```\n"


def rule_page(rule: RuleDoc) -> str:
    """The Markdown page of one rule."""
    fixable = rule.fixable or "none"
    parts = [
        f"# {rule.code} {rule.slug}\n\n",
        f"{rule.summary[0].upper()}{rule.summary[1:]}.\n\n",
        "| code | slug | default severity | fix |\n|---|---|---|---|\n",
        f"| {rule.code} | `{rule.slug}` | {rule.severity.label} | {fixable} |\n\n",
    ]
    if rule.why:
        parts.append(f"## Why\n\n{rule.why}\n\n")
    fence = FENCES.get(rule.example_format, "")
    findings = _findings(rule, rule.bad) if rule.bad else []
    if rule.bad:
        name = EXAMPLE_NAMES[rule.example_format]
        shown = "".join(f"{name}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}\n" for f in findings)
        command = f"marklint --rules {rule.example_rules} {name}" if rule.example_rules else f"marklint {name}"
        parts.append(f"## Fails\n\n`{name}`:\n\n{_fence(rule.bad, fence)}\n"
                     f"`{command}` reports:\n\n{_fence(shown)}\n")
    if rule.good:
        parts.append(f"## Passes\n\n{_fence(rule.good, fence)}\n")
    if not rule.bad and not rule.good:
        parts.append(f"## Examples\n\nThis rule is about {rule.example_format.upper()} files, which cannot be shown "
                     "inline; the test suite builds its examples (`tests/readers`).\n\n")
    parts.append("## Fix\n\n" + _fix_text(rule, findings))
    parts.append(
        "## Turning it off\n\n"
        f"For one block: `# marklint: disable-next-line {rule.slug} -- why` (in the format's comment "
        "syntax; see [Suppressions](../suppressions.md)). Everywhere: "
        f"`ignore: [{rule.slug}]` in `.marklint.yaml`, or `--ignore {rule.code}`.\n\n"
        f"`marklint rule {rule.slug}` prints this page in a terminal. Its address: <{rule_url(rule.slug)}>\n"
    )
    return "".join(parts)


def _fix_text(rule: RuleDoc, findings) -> str:
    """What --fix does for the rule, with the fixes of the failing example."""
    if not rule.fixable:
        return "No automatic fix.\n\n"
    fixes = [f"- line {f.line}: {f.fix.description} ({f.fix.safety})\n" for f in findings if f.fix is not None]
    how = ("`marklint --fix` applies it" if rule.fixable == "safe" else
           "`marklint --fix --unsafe-fixes` applies it (review the change: it changes what the document claims)"
           if rule.fixable == "unsafe" else f"{rule.fixable}; `--fix` applies the safe ones, `--unsafe-fixes` the rest")
    listed = f"\nOn the failing example:\n\n{''.join(fixes)}" if fixes else ""
    return f"Fixable: {how}. See [Fixing markings](../fixing.md).\n{listed}\n"


def rule_pages() -> dict[str, str]:
    """path inside docs/ -> Markdown, for every registered rule."""
    return {page_path(rule): rule_page(rule) for rule in RULES}
