from marklint.checks.authority import problems_of_rule
from marklint.checks.context import CheckContext
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK406", "cab-unexpected", ERROR, "an authority block on an unclassified document",
    why='C-01, B-08: unclassified documents, including UNCLASSIFIED documents with controls such as FOUO and CUI documents, carry no classification authority block (32 CFR 2001.21(a); ICMSRM16 §B.8 p.23-24, §H.1 p.51; ISM22 ISM-ID-00016). A released copy (one in an archive\'s wrapper, docs/archives.md) is not judged: it was classified when its block was written, and its banners were struck through, re-marked UNCLASSIFIED or lost to the scan at declassification.',
    bad="UNCLASSIFIED\n\n(U) The meeting moved to Tuesday.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nUNCLASSIFIED\n",
    good="UNCLASSIFIED\n\n(U) The meeting moved to Tuesday.\n\nUNCLASSIFIED\n",
)

_problems = problems_of_rule(RULE)


def check(ctx: CheckContext) -> list[Finding]:
    """The authority block's cab-unexpected problem, unless the document is a released copy."""
    return [] if ctx.wrappers else _problems(ctx)
