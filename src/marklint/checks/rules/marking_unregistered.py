from marklint.checks.marking_problems import problems_of_kind
from marklint.checks.rule import WARNING, RuleDoc

RULE = RuleDoc(
    "MK008", "marking-unregistered", WARNING, "an unregistered word shaped like an unpublished SCI control system",
    why='S-13: only registered markings may appear, but unpublished SCI control systems exist and must be accepted as alphanumeric words (32 CFR 2001.24(j)(2); ICMSRM16 §G p.36, §H.4 p.60). A two- or three-character word (the register\'s notional `ANB`, `XNB`, `123`) is taken for an unpublished system\'s abbreviation; a longer unregistered word (`SECRET//XYZZY//NOFORN`) is understood but reported with the nearest registered system, since it is more often a mistake.',
    bad="SECRET//XYZZY//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//XYZZY//NOFORN\n",
    good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
)

check = problems_of_kind(RULE)
