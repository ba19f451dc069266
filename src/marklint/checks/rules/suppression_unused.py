from __future__ import annotations

from collections.abc import Callable

from marklint.checks.rule import WARNING, RuleDoc
from marklint.findings import Finding

TYPE_CHECKING = False
if TYPE_CHECKING:
    from marklint.suppressions import Directive

RULE = RuleDoc(
    "MK901", "suppression-unused", WARNING, "a suppression comment that suppresses nothing",
    why="Not a marking rule (no marking-rules.md id): a waiver that silences nothing hides no problem today but would silently hide a real one later, for example a new error on the line after a corrected portion. Remove it, or name the rule that actually fires. A directive that names an unknown rule, or no rule at all, is reported too. Suppressions are described in the documentation (Suppressions and baselines).",
    bad="SECRET\n\n# marklint: disable-next-line portion-missing -- quoted exhibit\n(S) The convoy leaves at dawn.\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\n# marklint: disable-next-line portion-missing -- quoted exhibit\nThe escort joins at noon.\n\nSECRET\n",
)


def judge(directive: Directive, where: dict, slug_of: Callable[[str], str | None]) -> list[Finding]:
    """A directive that names no rule, an unknown rule, or a rule it silenced nothing of
    (`slug_of` resolves a name as written). Suppression rules are judged by
    `marklint.suppressions` once every other rule's findings are known (`where`: the
    directive's path, line and column)."""
    messages = [] if directive.names else [f"'{directive.action}' suppression names no rule, so it suppresses nothing"]
    for name in directive.names:
        slug = slug_of(name)
        if slug is None:
            messages.append(f"suppression names unknown rule '{name}'")
        elif slug not in directive.used:
            messages.append(f"suppression of {slug} suppresses nothing")
    return [Finding(**where, code=RULE.code, rule=RULE.slug, severity=RULE.severity, message=message)
            for message in messages]
