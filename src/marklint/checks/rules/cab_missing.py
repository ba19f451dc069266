from marklint.checks.authority import judged
from marklint.checks.context import CheckContext
from marklint.checks.rule import ERROR, RuleDoc
from marklint.checks.transmittal import is_transmittal
from marklint.findings import Finding
from marklint.fixes import cab_fix

RULE = RuleDoc(
    "MK401", "cab-missing", ERROR, "a classified document with no classification authority block",
    fixable="unsafe",
    why='C-01: every classified document carries a classification authority block on its face (Classified By, with Reason for original or Derived From for derivative classification, and Declassify On) (32 CFR 2001.21(a), 2001.22(a); ICMSRM16 §E p.31). Under the us-eo12356 rule set this is a warning (L-02, L-03). T-02: a transmittal whose own portions are unclassified (bannered by its enclosures, which keep their own blocks) needs none (ICMSRM16 §B.10 p.24).',
    bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """A classified document without an authority block, unless it is an unclassified
    transmittal of classified enclosures (T-02)."""
    highest = ctx.max_portion()
    if highest is not None and not highest.marking.is_classified and is_transmittal(ctx):
        return []
    return judged(ctx, RULE)


fix = cab_fix
