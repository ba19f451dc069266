from marklint.checks.authority import problems_of_rule
from marklint.checks.rule import ERROR, RuleDoc

RULE = RuleDoc(
    "MK404", "cab-declassify-too-late", ERROR, "a declassification date beyond the regime's limit",
    why="C-08, C-11, C-12: an original declassification date is at most 25 years from the date of the decision, 50 years with a 25X# exemption and 75 years with a 50X# exemption, counted from the document's date of origin (32 CFR 2001.12(a), 2001.21(a)(4)(ii), 2001.26). A date read only in a portion's sentence (an event the document reports, when it has no date of its own) is not its date of origin, so no limit is counted from it. The limits are the rule set's `authority.declassify-on.max-years`.",
    bad="SECRET\n\nMarch 3, 2012\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
    good="SECRET\n\nMarch 3, 2012\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20370303\n\nSECRET\n",
)

check = problems_of_rule(RULE)
