from marklint.checks.authority import problems_of_rule
from marklint.checks.rule import ERROR, RuleDoc
from marklint.fixes import cab_fix

RULE = RuleDoc(
    "MK401", "cab-missing", ERROR, "a classified document with no classification authority block",
    fixable="unsafe",
    why='C-01: every classified document carries a classification authority block on its face (Classified By, with Reason for original or Derived From for derivative classification, and Declassify On) (32 CFR 2001.21(a), 2001.22(a); ICMSRM16 §E p.31). Under the us-eo12356 rule set this is a warning (L-02, L-03).',
    bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
)

check = problems_of_rule(RULE)
fix = cab_fix
