from marklint.checks.authority import problems_of_rule
from marklint.checks.rule import ERROR, RuleDoc

RULE = RuleDoc(
    "MK405", "cab-reason-invalid", ERROR, "a Reason that is not 1.4(a)..(h)",
    why='C-03: the Reason line of an original classification cites section 1.4 of EO 13526 with one or more of the letters a-h, e.g. `1.4(c)` or `1.4(a)(c)` (32 CFR 2001.21(a)(3); ISM22 ISM-ID-00017). Off under us-eo12356 and a warning under us-eo12958, whose directives allowed the category in words.',
    bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(i)\nDeclassify On: 20451231\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(a)(c)\nDeclassify On: 20451231\n\nSECRET\n",
)

check = problems_of_rule(RULE)
