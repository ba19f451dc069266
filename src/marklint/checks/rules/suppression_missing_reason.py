from __future__ import annotations

from marklint.checks.rule import WARNING, RuleDoc
from marklint.findings import Finding

TYPE_CHECKING = False
if TYPE_CHECKING:
    from marklint.suppressions import Directive

RULE = RuleDoc(
    "MK902", "suppression-missing-reason", WARNING, "a suppression comment without a reason",
    why="Not a marking rule (no marking-rules.md id): waiving a marking requirement is a decision a reviewer must be able to audit, so the directive says why after ` -- ` (a quoted exhibit, a cover sheet). A directive without a reason still suppresses, and is reported; turn this rule off in configuration if reasons are not wanted.",
    bad="SECRET\n\n(S) The convoy leaves at dawn.\n\n# marklint: disable-next-line portion-missing\nThe escort joins at noon.\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\n# marklint: disable-next-line portion-missing -- quoted exhibit\nThe escort joins at noon.\n\nSECRET\n",
)


def judge(directive: Directive, where: dict) -> list[Finding]:
    """A directive without a reason after ` -- `. Suppression rules are judged by
    `marklint.suppressions` once every other rule's findings are known (`where`: the
    directive's path, line and column)."""
    if directive.reason:
        return []
    return [Finding(**where, code=RULE.code, rule=RULE.slug, severity=RULE.severity,
                    message=f"'{directive.action}' suppression has no reason; add one after ' -- '")]
