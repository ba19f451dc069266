from marklint.checks.marking_problems import problems_of_kind
from marklint.checks.rule import ERROR, RuleDoc
from marklint.fixes import marking_fix

RULE = RuleDoc(
    "MK006", "marking-duplicate", ERROR, "the same token twice in one marking",
    fixable="safe",
    why='S-08: a marking lists each token once (ICMSRM16 §H.4 p.60; ISM22 ISM-ID-00236).',
    bad="SECRET//NOFORN/NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN/NOFORN\n",
    good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
)

check = problems_of_kind(RULE)
fix = marking_fix
