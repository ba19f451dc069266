from marklint.checks.marking_problems import problems_of_kind
from marklint.checks.rule import ERROR, RuleDoc
from marklint.fixes import marking_fix

RULE = RuleDoc(
    "MK002", "marking-unknown-token", ERROR, "a word that is not in the vocabulary",
    fixable="safe",
    why='S-13: only registered classification and control markings may appear (32 CFR 2001.24(j)(2); ICMSRM16 §G p.36). An unknown word is usually a misspelling; the message suggests the closest registered word. A line in capitals on a page\'s first or last content line whose level is one or two edits from a level word (`SECERT`, `CONFIDENTAIL//NOFORN`) is read as that page\'s banner, misspelt, and reported here (B-01), not as a page without a banner.',
    bad="SECRET//NOFRON\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFRON\n",
    good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
)

check = problems_of_kind(RULE)
fix = marking_fix
