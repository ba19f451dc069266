from marklint.checks.marking_problems import problems_of_kind
from marklint.checks.rule import ERROR, RuleDoc
from marklint.fixes import marking_fix

RULE = RuleDoc(
    "MK003", "marking-order", ERROR, "categories or values out of register order",
    fixable="safe",
    why='S-06, S-07, F-02, U-04, U-06: categories follow the fixed order classification // SCI // SAP // AEA // FGI // dissemination // non-IC, and tokens inside a category follow register order (ICMSRM16 §A.6 p.15-16, §D.1 p.27; CUIHB p.9-12).',
    bad="SECRET//NOFORN/ORCON\n\n(S//OC/NF) The convoy leaves at dawn.\n\nSECRET//NOFORN/ORCON\n",
    good="SECRET//ORCON/NOFORN\n\n(S//OC/NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//ORCON/NOFORN\n",
)

check = problems_of_kind(RULE)
fix = marking_fix
