from dataclasses import replace

from marklint.checks.banners import document_judged, faulty_banners, justified, portions_read, rollup_known
from marklint.checks.context import CheckContext, controls
from marklint.checks.formats import at_overall, attachment_markings, raises_banner
from marklint.checks.rule import ERROR, RuleDoc
from marklint.checks.rules.banner_over_classified import overall_over_classified
from marklint.checks.rules.portion_missing import has_unmarked_portions
from marklint.findings import Finding
from marklint.fixes import raise_banner_fix
from marklint.markings import rollup
from marklint.markings.model import Marking
from marklint.markings.allied import misplaced

RULE = RuleDoc(
    "MK106", "banner-rollup", ERROR, "a banner whose controls differ from the roll-up of its portions",
    fixable="unsafe",
    why="B-06, R-02..R-07, U-05: the banner carries the union of the portions' SCI, SAP, AEA and FGI markings and the dissemination controls their roll-up implies (any NOFORN portion makes the banner NOFORN; REL TO is the intersection), and nothing no portion carries (ICMSRM16 §D.2 p.28-30 Table 3; ISMROLL §2.2; CUIHB p.16-19).",
    bad="SECRET\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET\n",
    good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """The overall banner's controls against the roll-up of all portions, and an e-mail's
    banner against what its attachments carry (B-10)."""
    findings = []
    document = ctx.fact(overall_difference)
    if document is not None:
        findings.append(document)
    overall = ctx.overall_marking
    if overall is not None:
        shown = ctx.overall.text
        for name, marking in ctx.fact(attachment_markings):
            if raises_banner(ctx, marking):
                continue  # banner-under-classified
            combined = rollup([overall, marking], options=ctx.ruleset.rollup_options())
            missing = sorted(combined.controls() - overall.controls())
            if missing:
                findings.append(at_overall(
                    ctx, RULE,
                    f"message marked {shown} lacks {', '.join(missing)} that attachment {name} "
                    f"carries ({marking.banner()}) (B-10)",
                ))
    return findings


def overall_difference(ctx: CheckContext) -> Finding | None:
    """The finding for an overall banner whose controls differ from the roll-up of the
    document's portions, or None (a fact: banner-mismatch asks whether the top banner is the slip)."""
    return _document(ctx) if document_judged(ctx) and rollup_known(ctx) else None


def overall_is_the_slip(ctx: CheckContext, other: Marking | None) -> bool:
    """Whether the overall banner, differing from `other` (its page's bottom banner, a Word
    header or footer), is the one that is wrong: `other` is the roll-up of the portions and the
    overall banner is not, which this rule, banner-under-classified or banner-over-classified
    reports at the top (one finding for one slip)."""
    rolled, overall = ctx.document_rollup, ctx.overall_marking
    if rolled is None or other is None or overall is None:
        return False
    if other.rank != rolled.rank or controls(other) != controls(rolled):
        return False
    return (overall.rank < rolled.rank or ctx.fact(overall_difference) is not None
            or ctx.fact(overall_over_classified) is not None)


def _document(ctx: CheckContext) -> Finding | None:
    overall, banner, expected = ctx.overall, ctx.overall.marking, ctx.document_rollup
    # A CUI banner's level is CUI: the roll-up's CUI control is not missing from it (a
    # classification above it is banner-under-classified's).
    missing = sorted(controls(expected) - controls(banner) - ({"CUI"} if banner.level == "CUI" else set()))
    if ctx.ruleset.cui.bare_banner and banner.level == expected.level == "CUI" and not controls(banner):
        missing = []  # U-18: a bare CUI banner, the categories and LDCs in the designation block
    # a word the banner's level may not carry is its own marking-conflict, not a roll-up difference
    extra = sorted(controls(banner) - controls(expected) - misplaced(banner))
    # an unmarked portion (portion-missing), or one that does not read, may be the one that carries them;
    # a banner with a fault of its own (NOFORN beside REL TO, ORCON in a CUI banner) has its marking finding
    if extra and (justified(ctx) or has_unmarked_portions(ctx) or not portions_read(ctx)
                  or id(overall) in ctx.fact(faulty_banners)):
        extra = []
    if not missing and not extra or _agrees_read_consistent(ctx, banner) or _carried_by_unmarked(ctx, banner):
        return None
    parts = []
    if missing:
        parts.append(f"lacks {', '.join(missing)}")
    if extra:
        carried = [word for word in extra if any(word in controls(mark.marking) for mark in ctx.portions)]
        if len(carried) < len(extra):
            parts.append(f"has {', '.join(w for w in extra if w not in carried)} that no portion carries")
        if carried:
            parts.append(f"has {', '.join(carried)} that not every portion carries")
    return ctx.finding(
        RULE, overall,
        f"overall banner {overall.text} {' and '.join(parts)} (roll-up of the portions: {expected.banner()})",
        overall.page,
    )


def _carried_by_unmarked(ctx: CheckContext, banner) -> bool:
    """Whether a portion without a mark (portion-missing) may be what makes the banner differ:
    the marked portions together with one portion marked as the banner roll up to the banner (a
    narrower REL TO list, ORCON for ORCON-USGOV, a classified level that drops FOUO)."""
    if not has_unmarked_portions(ctx):
        return False
    # roll-up is a function of the distinct markings (parses are shared): few, however long the document
    markings = [*{id(mark.marking): mark.marking for mark in ctx.portions}.values(), banner]
    return controls(rollup(markings, options=ctx.ruleset.rollup_options(), banner=banner)) == controls(banner)


def _agrees_read_consistent(ctx: CheckContext, banner) -> bool:
    """Whether the banner is the roll-up once each portion that holds two controls that are never
    used together (marking-conflict reports it: NOFORN beside a release list, FED ONLY beside
    FEDCON, FEDCON beside NOCON) is read with one of them: the writer may have meant either, and
    the banner then follows from the portions. Two readings: NOFORN or the earlier-named
    control of each pair dropped, or the later-named one."""
    markings = [mark.marking for mark in ctx.portions]
    tokens = ctx.vocab.tokens
    for keep_first in (False, True):
        readings = [_one_of_each_pair(m, tokens, keep_first) for m in markings]
        if readings == markings:
            return False
        expected = rollup(readings, options=ctx.ruleset.rollup_options(), banner=banner)
        if controls(expected) == controls(banner):
            return True
    return False


def _one_of_each_pair(marking: Marking, tokens, keep_first: bool) -> Marking:
    """`marking` without NOFORN where it holds a release list too, and without one control of each
    pair of its dissemination controls that exclude each other (the later one when `keep_first`)."""
    dropped = {"NOFORN"} if "NOFORN" in marking.dissem and (
        marking.rel_to is not None or marking.display_only is not None) else set()
    for tid in sorted(marking.dissem):
        token = tokens.get(tid)
        for other in token.excludes if token is not None else ():
            if other in marking.dissem and other not in dropped and tid not in dropped:
                dropped.add(max(tid, other) if keep_first else min(tid, other))
    return replace(marking, dissem=marking.dissem - dropped) if dropped else marking


fix = raise_banner_fix
