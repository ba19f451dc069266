import re

from marklint.checks.context import CheckContext
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding
from marklint.markings.model import Marking

RULE = RuleDoc(
    "MK602", "nato-notice-missing", ERROR, "NATO classified information without the NATO statement",
    why='T-06, A-03: a US classified document that holds NATO classified information (a portion marked `(//NS)`, `(//CTS)`, `(//NC)`, `(//NR)`, or `FGI NATO`) bears "THIS DOCUMENT CONTAINS NATO [level] INFORMATION" on its face, naming the highest NATO level it holds (CAPCO 2012 FGI template notes p.93; DoDM 5200.01 Vol 2 Encl 4 ¶4.b(4) [S]; ISM22 CVEnumISMNoticeProse NATO_00001-00005). Checked under us-cnsi and the rule sets built on it; off for the earlier eras and the allied systems, whose sources state no such notice.',
    bad="SECRET//FGI NATO\n\n(//NS) The alliance plan is attached.\n\n(U) Comments are due Friday.\n\nClassified By: Jane Smith, Director, Office of Plans\nDerived From: NATO C-M(2002)49\nDeclassify On: N/A to NATO portions. See source list for NSI portions.\n\nSECRET//FGI NATO\n",
    good="SECRET//FGI NATO\n\nTHIS DOCUMENT CONTAINS NATO SECRET INFORMATION\n\n(//NS) The alliance plan is attached.\n\n(U) Comments are due Friday.\n\nClassified By: Jane Smith, Director, Office of Plans\nDerived From: NATO C-M(2002)49\nDeclassify On: N/A to NATO portions. See source list for NSI portions.\n\nSECRET//FGI NATO\n",
)

# The statement and the NATO level it names (the ISM notice prose, in any case and spacing;
# also `NATO COSMIC TOP SECRET`, and ATOMAL after the level).
NOTICE_RE = re.compile(
    r"this\s+document\s+contains\s+(?:nato\s+(?P<nato>cosmic\s+top\s+secret|top\s+secret|secret|confidential"
    r"|restricted)|(?P<cosmic>cosmic\s+top\s+secret))(?:\s+atomal)?\s+information", re.IGNORECASE)
_NAMED = {"COSMIC TOP SECRET": "COSMIC TOP SECRET", "TOP SECRET": "COSMIC TOP SECRET", "SECRET": "NATO SECRET",
          "CONFIDENTIAL": "NATO CONFIDENTIAL", "RESTRICTED": "NATO RESTRICTED"}
NATO_LEVELS = {"TS": "COSMIC TOP SECRET", "S": "NATO SECRET", "C": "NATO CONFIDENTIAL", "R": "NATO RESTRICTED"}
_RANKS = {"NATO RESTRICTED": 1, "NATO CONFIDENTIAL": 2, "NATO SECRET": 3, "COSMIC TOP SECRET": 4}


def nato_level(marking: Marking) -> str | None:
    """The NATO level of the classified NATO information a marking carries (a NATO-owned
    marking's own level; a US marking with `FGI NATO`, its level), else None."""
    if marking.scheme == "nato" or (marking.scheme == "us" and marking.fgi and "NATO" in marking.fgi):
        return NATO_LEVELS.get(marking.level)
    return None


def check(ctx: CheckContext) -> list[Finding]:
    """A US document with NATO classified portions and no statement naming their highest
    NATO level; or a statement naming a lower level than the portions hold."""
    overall = ctx.overall
    if overall is None or overall.marking is None or overall.marking.scheme != "us":
        return []
    levels = [level for mark in ctx.portions if (level := nato_level(mark.marking))]
    if not levels:
        return []
    highest = max(levels, key=_RANKS.__getitem__)
    named = [_NAMED[" ".join((match.group("nato") or match.group("cosmic")).upper().split())]
             for match in NOTICE_RE.finditer(ctx.text)]
    if not named:
        message = (f"document holds {highest} information but does not say so: "
                   f"THIS DOCUMENT CONTAINS {highest} INFORMATION (T-06)")
    elif max(_RANKS[level] for level in named) < _RANKS[highest]:
        message = (f"the NATO statement names {max(named, key=_RANKS.__getitem__)} but the document "
                   f"holds {highest} information (T-06)")
    else:
        return []
    return [ctx.finding(RULE, overall, message, overall.page)]
