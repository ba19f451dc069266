"""Running the registered rules on one document, and attaching their fixes."""

from collections.abc import Iterable

from marklint.checks.context import CheckContext
from marklint.checks.registry import MODULES, module_of
from marklint.findings import Finding

_CHECKS = tuple(module.check for module in MODULES if hasattr(module, "check"))


def run_checks(ctx: CheckContext) -> list[Finding]:
    """The findings of every registered rule's check, in rule-code order."""
    findings: list[Finding] = []
    for check in _CHECKS:
        findings.extend(check(ctx))
    return findings


def attach_fixes(ctx: CheckContext, findings: Iterable[Finding]) -> None:
    """Set `Finding.fix` on every finding whose rule's `fix` builds one (others are left alone)."""
    for finding in findings:
        if finding.fix is None:
            module = module_of(finding.rule)
            fix = getattr(module, "fix", None)
            if fix is not None:
                finding.fix = fix(ctx, finding)
