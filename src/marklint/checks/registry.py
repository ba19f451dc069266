"""The rule registry: every rule's RuleDoc, collected from its module (`marklint.checks.rules`).

`marklint rule SLUG|CODE` prints an entry; the rule table of docs/rules/index.md is
generated from this module (`python -m marklint.checks.registry --markdown`), and so is each
rule's page of the documentation site (marklint.rule_docs).
"""

from marklint.checks.rule import RuleDoc
from marklint.checks.rules import MODULES
from marklint.findings import Finding

__all__ = ["MODULES", "RULES", "RuleDoc", "by_key", "make_finding", "markdown_table", "module_of", "render_rule"]

# Code blocks: MK0xx single markings, MK1xx banners, MK3xx portions, MK4xx authority block,
# MK5xx CUI, MK6xx transmittals, MK7xx format-specific, MK8xx archival releases (review blocks, OCR),
# MK9xx suppressions and inputs.
RULES: tuple[RuleDoc, ...] = tuple(module.RULE for module in MODULES)
_MODULES = {module.RULE.slug: module for module in MODULES}


def module_of(slug: str):
    """The module of a registered rule (its check and fix), or None for a rule set's own rule."""
    return _MODULES.get(slug)


_BY_KEY: dict[str, RuleDoc] = {}


def by_key(key: str) -> RuleDoc | None:
    """Find a rule by slug or code (case-insensitive for codes)."""
    if not _BY_KEY:
        _BY_KEY.update({rule.slug: rule for rule in RULES})
        _BY_KEY.update({rule.code: rule for rule in RULES})
    return _BY_KEY.get(key) or _BY_KEY.get(key.upper())


def _indented(text: str) -> str:
    return "".join(f"    {line}\n" if line else "\n" for line in text.rstrip("\n").split("\n"))


def render_rule(rule: RuleDoc) -> str:
    """The text `marklint rule SLUG|CODE` prints: header, summary, why, examples."""
    parts = [f"{rule.code} {rule.slug} (default severity: {rule.severity.label})\n", f"{rule.summary}\n"]
    if rule.fixable:
        parts.append(f"Fix: {rule.fixable}\n")
    if rule.why:
        import textwrap  # here: only `marklint rule` needs it, and the import costs start-up time

        parts.append("\n" + textwrap.fill(f"Why: {rule.why}", 88) + "\n")
    written = ", ".join(filter(None, ("" if rule.example_format == "text" else rule.example_format,
                                      rule.example_rules and f"--rules {rule.example_rules}")))
    written = f" ({written})" if written else ""
    if rule.bad:
        parts.append(f"\nFails{written}:\n{_indented(rule.bad)}")
    if rule.good:
        parts.append(f"\nPasses{written}:\n{_indented(rule.good)}")
    return "".join(parts)


def markdown_table() -> str:
    """The rule table of docs/rules/index.md (between its rules-table markers), generated from
    RULES; each slug links to the rule's own page (marklint.rule_docs)."""
    rows = ["| code | slug | severity | summary |", "|---|---|---|---|"]
    for rule in RULES:
        rows.append(f"| {rule.code} | [`{rule.slug}`]({rule.slug}.md) | {rule.severity.label} | {rule.summary} |")
    return "\n".join(rows) + "\n"


def make_finding(slug: str, *, path: str, line: int, column: int, message: str, **extra) -> Finding:
    """Build a Finding for a registered rule with its code and default severity.

    The lint pipeline later applies the rule set's and configuration's severity overrides.
    """
    rule = by_key(slug)
    if rule is None:
        raise KeyError(f"unregistered rule {slug!r}")
    return Finding(
        path=path, line=line, column=column, code=rule.code, rule=rule.slug,
        severity=rule.severity, message=message, **extra,
    )


if __name__ == "__main__":
    import sys

    if sys.argv[1:] != ["--markdown"]:
        sys.exit("usage: python -m marklint.checks.registry --markdown")
    sys.stdout.write(markdown_table())
