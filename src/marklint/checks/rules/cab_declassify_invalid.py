from marklint.checks.authority import problems_of_rule
from marklint.checks.rule import ERROR, RuleDoc

RULE = RuleDoc(
    "MK403", "cab-declassify-invalid", ERROR, "a Declassify On value of the wrong shape or retired",
    why='C-06, C-07, C-10..C-12, C-14, C-15, L-04: exactly one value, a date written YYYYMMDD, an event, 50X1-HUM or 50X2-WMD alone, 25X#/50X#/75X# with a date or event, `25X1, EO 12951`, or the N/A statement for RD/FRD/TFNI or NATO documents; retired values (OADR, MR, X1-X8, DCI Only, 25X1-human) are invalid on documents dated after they were retired (32 CFR 2001.21(a)(4), 2001.24(h), 2001.26; ICMSRM16 §E.1, §E.6 p.31-34; CAPCO08 §9).',
    bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: OADR\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
)

check = problems_of_rule(RULE)
