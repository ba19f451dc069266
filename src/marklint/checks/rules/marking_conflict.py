from marklint.checks.marking_problems import problems_of_kind
from marklint.checks.rule import ERROR, RuleDoc

RULE = RuleDoc(
    "MK005", "marking-conflict", ERROR, "mutually exclusive tokens, a token not allowed at this level, or a missing companion",
    why='S-03, F-01, F-06..F-11, K-03..K-07, N-01..N-04, U-07, U-08: some markings exclude each other (NOFORN and REL TO), some are allowed only at certain levels, some need a companion (ICMSRM16 §H; ISM22 Schematron rules).',
    bad="SECRET//NOFORN\n\n(S//REL TO USA, GBR/NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n",
    good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
)

check = problems_of_kind(RULE)
