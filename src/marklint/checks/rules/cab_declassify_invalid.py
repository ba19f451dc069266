import re

from marklint.checks.authority import authority_block, claimed, judged
from marklint.checks.context import CheckContext
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding, Severity
from marklint.levels import LEVEL_NAMES, LEVEL_RANKS

RULE = RuleDoc(
    "MK403", "cab-declassify-invalid", ERROR, "a Declassify On value of the wrong shape or retired",
    why='C-06..C-08, C-10..C-12, C-14, C-15, L-04: exactly one value, a date written YYYYMMDD (a spelled-out date, `December 31, 2045`, is a warning) and not before the document\'s own date (C-08: the information would be declassified before it was classified), an event, 50X1-HUM or 50X2-WMD alone, 25X#/50X#/75X# with a date or event, `25X1, EO 12951`, or the N/A statement for RD/FRD/TFNI or NATO documents; retired values (OADR, MR, X1-X8, DCI Only, 25X1-human) are invalid on documents dated after they were retired; a Downgrade To line names a level below the document level (D-02, a warning: downgrading is optional OCA practice) (32 CFR 2001.21(a)(4), 2001.24(h), 2001.26; ICMSRM16 §E.1, §E.6 p.31-34; CAPCO08 §9).',
    bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: OADR\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
)

_DOWNGRADE_LEVEL = re.compile(r"(?i)(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)\b")


def check(ctx: CheckContext) -> list[Finding]:
    """The authority block's Declassify On problems, and a Downgrade To line that names no
    level below the document's (D-02: a warning; the document's level is the higher of its
    marking and its highest portion, so that a banner set too low is one finding, not two)."""
    findings = judged(ctx, RULE)
    cab, marking, highest = ctx.fact(authority_block), claimed(ctx), ctx.max_portion()
    if cab is None or marking is None or not marking.is_classified:
        return findings
    rank = max(marking.rank, highest.marking.rank if highest is not None else 0)
    severity = min(ctx.ruleset.severity(RULE.slug) or RULE.severity, Severity.WARNING)
    for line in cab.all("downgrade-to"):
        level = _DOWNGRADE_LEVEL.match(line.value)
        if level and LEVEL_RANKS[LEVEL_NAMES[level.group(1).upper()]] >= rank:
            findings.append(Finding(
                path=ctx.doc.path, line=line.value_line, column=line.value_column, code=RULE.code, rule=RULE.slug,
                severity=severity, message=f"Downgrade To names {level.group(1).upper()}, not a level below the "
                "document's; downgrading lowers the level (D-02)", end_column=line.value_column + len(line.value),
                page=line.page))
    return findings
