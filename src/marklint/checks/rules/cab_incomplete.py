from marklint.checks.authority import problems_of_rule
from marklint.checks.rule import ERROR, RuleDoc

RULE = RuleDoc(
    "MK402", "cab-incomplete", ERROR, "an authority block missing a required line",
    why="C-02..C-05, C-18: an original classification needs Classified By, Reason and Declassify On; a derivative classification needs Classified By, Derived From and Declassify On, and does not carry the original Reason forward (a warning); a label that only resembles one of these (`Declass On:`) is a warning (32 CFR 2001.21(a), 2001.22(b)-(e); ICMSRM16 §E.2 p.32). C-05's source list under `Derived From: Multiple Sources` is not asked for: it may be attached to the document rather than on it, where a linter cannot see it. The required lines are data in the rule set's `authority` section.",
    bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nDeclassify On: 20451231\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
)

check = problems_of_rule(RULE)
