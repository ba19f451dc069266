from marklint.checks.marking_problems import problems_of_kind
from marklint.checks.rule import ERROR, RuleDoc
from marklint.fixes import marking_fix

RULE = RuleDoc(
    "MK001", "marking-syntax", ERROR, "a marking that cannot be parsed (separators, spacing, empty or stray parts)",
    fixable="safe",
    why='S-04, S-05, S-10, S-11, U-03, K-01, K-08, K-11: categories are separated by `//` and values by a single `/`, with no spaces, no empty and no trailing category; SCI control systems, SAP programs and AEA markings are written in their own syntax, each level sorted (numbers first), so `TOP SECRET//SI/123` is a syntax error (the order of other tokens is marking-order) (ICMSRM16 §A.6 p.15-16, §D.1 p.27; CUIHB p.6, 32 CFR 2002.20(b)). A marking written otherwise is not a valid marking.',
    bad="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET // NOFORN\n",
    good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
)

check = problems_of_kind(RULE)
fix = marking_fix
