"""`marklint rule SLUG|CODE` and `marklint rules`: the rules' documentation."""

from __future__ import annotations

from marklint.commands.options import parser_for

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def run_rule(argv: list[str], out: TextIO, err: TextIO) -> int:
    """`marklint rule SLUG|CODE`: print one rule's documentation."""
    parser = parser_for(prog="marklint rule", description="Show a rule's documentation.")
    parser.add_argument("rule", metavar="SLUG|CODE")
    args = parser.parse_args(argv)
    from marklint.checks.registry import by_key, render_rule
    from marklint.links import rule_url
    from marklint.selection import registered_names, unknown_rule

    rule = by_key(args.rule)
    if rule is None:
        err.write(f"marklint: {unknown_rule(args.rule, registered_names())}\n")
        return 2
    out.write(f"{render_rule(rule)}\nDocumentation: {rule_url(rule.slug)}\n")
    return 0


def run_rules(argv: list[str], out: TextIO, err: TextIO) -> int:
    """`marklint rules [--format text|json]`: list every rule with its code, slug, default
    severity and summary (json: also whether it is fixable and its documentation URL)."""
    parser = parser_for(prog="marklint rules", description="List the rules.")
    parser.add_argument("--format", "--output-format", dest="format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    from marklint.checks.registry import RULES

    if args.format == "json":
        import json

        from marklint.links import rule_url

        entries = [{"code": rule.code, "slug": rule.slug, "severity": rule.severity.label, "summary": rule.summary,
                    "fixable": rule.fixable or None, "url": rule_url(rule.slug)} for rule in RULES]
        out.write(json.dumps(entries, indent=2) + "\n")
        return 0
    width = max(len(rule.slug) for rule in RULES)
    for rule in RULES:
        out.write(f"{rule.code}  {rule.slug:<{width}}  {rule.severity.label:<7}  {rule.summary}\n")
    return 0
