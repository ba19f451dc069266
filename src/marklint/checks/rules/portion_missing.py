import re
from collections.abc import Callable

from marklint.archives.memo_furniture import memo_furniture
from marklint.archives.split_paragraphs import covered_by_trailing_marks
from marklint.checks.banners import plain_unclassified_marking
from marklint.checks.context import CheckContext, carries_cui
from marklint.checks.rule import ERROR, RuleDoc
from marklint.checks.subportions import (carried_over_page_breaks, sharing_parent_marks, telegram_paragraph_parts,
                                         unmarked_lead_in_items)
from marklint.document import Block, BlockKind
from marklint.findings import Finding
from marklint.layout import LINE_LABELS

RULE = RuleDoc(
    "MK301", "portion-missing", ERROR, "a block that needs a portion mark has none",
    why='P-01, P-04, P-05, B-08, U-09: in a classified document every portion (paragraph, subject, title, list item, table cell) is marked; unclassified documents with controls are portion marked; CUI portion marking is optional but all-or-none (32 CFR 2001.21(c); ICMSRM16 §C p.25; CUIHB p.14-17). Administrative elements (dates, salutations, closings, signatures, page numbers, the authority block) are not portions; a paragraph that a page break cuts mid-sentence is one portion, marked where it starts, list items that only finish a marked lead-in share its mark, and so do the talking points of a telegram and the text its numbered paragraph quotes (P-06); a blanket statement ("all portions are SECRET unless otherwise marked") marks nothing.',
    bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nThe escort joins at noon.\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\n(U) The escort joins at noon.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
)


def portions_required(ctx: CheckContext) -> bool:
    """Whether this document's portions must carry marks, under the rule set's policy:
    `classified` (a classified document, or an unclassified one carrying controls, B-08, other
    than an agency's handling designation such as State's SBU; and a CUI document that marks
    any portion, U-09: CUI is all or none under every rule set),
    `marked` (any marked document), `all-or-none` (CUI, U-09), `never`."""
    required = ctx.ruleset.portions.required
    if required == "never":
        return False
    if required == "marked":
        return ctx.marked
    some_marked = any(page.portions for page in ctx.pages)
    if required == "all-or-none":
        return some_marked
    if some_marked and any(carries_cui(m) for m in ctx.markings):
        return True
    return any((m.is_classified or m.has_controls and m.level != "CUI") and not plain_unclassified_marking(ctx, m)
               for m in ctx.markings)


_SUBJECT_LABEL_RE = re.compile(r"^\s*(?:SUBJECT|Subject|SUBJ|Subj)\s*:\s*(?:\([A-Z][A-Z/ ,-]{0,40}\)\s*)?")


def _subject_value(text: str) -> str:
    """A block's first line without its subject label and portion mark, spaces collapsed, case
    folded (a later page's header may repeat the subject with or without its mark)."""
    return " ".join(_SUBJECT_LABEL_RE.sub("", text.split("\n", 1)[0]).split()).casefold()


def repeated_subjects(ctx: CheckContext) -> set[int]:
    """Subject lines (by `id`) of later pages that repeat a subject an earlier page states: a
    memorandum's continuation page header (`SUBJECT: JFK Review Board Actions ...` atop page 2),
    not a portion of its own (P-01)."""
    subjects = {_subject_value(b.text) for page in ctx.pages for b in page.page.blocks if b.kind is BlockKind.SUBJECT}
    subjects.discard("")
    seen: set[str] = set()  # only the values a subject line can repeat: a big file's blocks are many
    repeated: set[int] = set()
    for page in ctx.pages:
        blocks = page.page.blocks
        repeated.update(id(b) for b in blocks if b.kind is BlockKind.SUBJECT and _subject_value(b.text) in seen)
        seen.update(value for b in blocks if (value := _subject_value(b.text)) in subjects)
    return repeated


_RUNNING_EDGE = 2  # blocks of text at a page's top or foot that may be a running header or footer
_RUNNING_MAX_LINES = 2
_DIGITS_RE = re.compile(r"\d+")
_SENTENCE_END_RE = re.compile(r"[a-z][.?!]$", re.MULTILINE)


def running_lines(ctx: CheckContext) -> set[int]:
    """Blocks (by `id`) among the first or last two of a page's text, a line or two that ends no
    sentence, whose words, numbers aside, stand at the same edge of another page: a running
    header or footer (a report's number, a short title, `Weekly Summary - Page 3`), page
    furniture rather than a portion (P-01). Not a subject line: the first is the document's
    subject (`repeated_subjects` takes the later ones)."""
    seen: dict[tuple[bool, str], dict[int, int]] = {}  # (edge, text) -> page index -> block id
    for index, page in enumerate(ctx.pages):
        top, foot = page.edge_text_blocks(_RUNNING_EDGE)
        for at_top, edge in ((True, top), (False, foot)):
            for block in edge:
                if block.text.count("\n") < _RUNNING_MAX_LINES and not _SENTENCE_END_RE.search(block.text) \
                        and block.kind is not BlockKind.SUBJECT and not _SUBJECT_LABEL_RE.match(block.text):
                    key = (at_top, _DIGITS_RE.sub("#", " ".join(block.text.split())))
                    seen.setdefault(key, {})[index] = id(block)
    return {key for pages in seen.values() if len(pages) > 1 for key in pages.values()}


# What a writer meant as a mark but is none (P-02, P-03): `(CONF)`, `(SEC)`, `(T)`, `[S]`,
# `(S-NF)`, a mark with its classification last (`(NF//S)`), or a mark without its parentheses
# (`S//NF The convoy ...`), at a block's start or after its number or bullet.
_NEAR_MISS_RE = re.compile(
    r"^(?:(?:\d{1,3}|[a-z])[.)]\s+|[•*-]\s+)?(?P<mark>[(\[](?:TS|T|S|C|U|R|SEC|SECRET|CONF|CONFIDENTIAL|UNCLAS"
    r"|UNCLASS|UNCLASSIFIED|TOP SECRET|CUI|FOUO)(?:[-/ ][A-Z][A-Z/ ,-]{0,30})?[)\]]"
    r"|\([A-Z][A-Z/ ,-]{0,30}//(?:TS|S|C|U)\)"
    r"|(?:TS|S|C|U|CUI)//[A-Z][A-Z/ ,-]{0,30}?)(?=\s|$)")


# A blanket statement meant to mark the portions for the writer (P-05): "All portions are
# SECRET//NOFORN unless otherwise marked."
_BLANKET_RE = re.compile(r"(?i)\b(?:all|every|each)\s+(?:portions?|paragraphs?)\b.{0,120}?\bunless\s+otherwise\s+"
                         r"(?:marked|indicated|noted|stated)")


def _message(kind: str, block_text: str) -> str:
    if _BLANKET_RE.search(block_text):
        return f"{kind} has no portion mark, and a blanket statement does not mark the portions (P-05)"
    near = _NEAR_MISS_RE.match(block_text)
    if near is None:
        return f"{kind} has no portion mark"
    return f'{kind} has no portion mark: "{near.group("mark")}" is not one (P-02, P-03)'


def set_aside(ctx: CheckContext) -> dict[int, str]:
    """The unmarked blocks (by `id`) that are judged with others or are no portions, whatever
    the structure model says of them, and why: a subject repeated atop a later page, sub-items
    sharing their parent's mark and a paragraph's part carried over a page break
    (`marklint.checks.subportions`, P-06, P-01) and, under
    OCR tolerance, what a scan split, garbled or set around the document's text."""
    repeated = repeated_subjects(ctx) if len(ctx.pages) > 1 else set()
    running = running_lines(ctx) if len(ctx.pages) > 1 else set()
    aside = dict.fromkeys(running, "a running header or footer")
    aside.update(dict.fromkeys(repeated, "a subject repeated atop a later page"))
    aside.update(dict.fromkeys(sharing_parent_marks(ctx.pages), "a segment of the marked portion above it (P-06)"))
    aside.update(dict.fromkeys(telegram_paragraph_parts(ctx.pages, ctx.text), "a part of the telegram's numbered paragraph (P-06)"))
    aside.update(dict.fromkeys(carried_over_page_breaks(ctx.pages, repeated | running),
                               "the paragraph at the foot of the page before goes on here (P-01)"))
    if ctx.ocr:
        aside.update(dict.fromkeys(memo_furniture(ctx.pages, ctx.exemption),
                                   "a memo's furniture: letterhead, legend, drafting line or signature (OCR)"))
        aside.update(dict.fromkeys(ctx.ocr.routing, "a cable's routing line (OCR)"))
        aside.update(dict.fromkeys(covered_by_trailing_marks(ctx.pages, ctx.ocr.unreadable, ctx.ocr.pieces,
                                                             ctx.ocr.untold),
                                   "part of the paragraph whose mark follows it (OCR)"))
        aside.update(dict.fromkeys(ctx.ocr.unreadable, "its mark is there but unreadable (OCR)"))
    return aside


def check(ctx: CheckContext) -> list[Finding]:
    """Unmarked blocks of the kinds the rule set names, unless the structure model
    (`marklint.layout`) takes them for administrative elements; the message names the block's
    kind as the model sees it. Under OCR tolerance, blocks that a later trailing mark covers or
    that go on with a paragraph the scan split (`marklint.archives.split_paragraphs`)
    are judged with that paragraph, and a cable's routing lines
    (`marklint.archives.double_spaced`) and a memo's furniture (`marklint.archives.memo_furniture`:
    later letterheads, running legends, drafting lines, garbled signatures, ...) are no portions; a
    subject repeated atop a later page (`repeated_subjects`) is a page header (`set_aside`). A
    whole-text statement (`SECRET ENTIRE TEXT`, `ALL SECRET`; marklint.legacy_forms) stands for every portion's mark."""
    return list(ctx.fact(unmarked_portions))


def has_unmarked_portions(ctx: CheckContext) -> bool:
    """Whether the rule set requires portion marks (the rule is not off) and a portion has none:
    its level and controls are unknown, so a banner above the marked portions may be its."""
    return ctx.ruleset.severity(RULE.slug) is not None and bool(ctx.fact(unmarked_portions))


def _mark_place(block: Block, exemption: Callable[[str], str | None]) -> tuple[int, int]:
    """Where a block's missing mark belongs: at its start or, under a part's label standing on
    its own line (`CHAPTER 1` over `Introduction`), at the title below the label."""
    first, newline, rest = block.text.partition("\n")
    if newline and rest.strip() and exemption(first.strip()) in LINE_LABELS:
        return block.position_of(len(first) + 1 + len(rest) - len(rest.lstrip()))
    return block.line, block.column


def unmarked_portions(ctx: CheckContext) -> list[Finding]:
    """The findings of `check`, a fact (`has_unmarked_portions`)."""
    if not portions_required(ctx) or ctx.whole_text is not None:
        return []
    findings = []
    kinds = ctx.ruleset.portions.blocks
    aside = set_aside(ctx)
    lead_ins = unmarked_lead_in_items(ctx.pages)
    reported: set[int] = set()
    for index, page in enumerate(ctx.pages):
        unmarked = [block for block in page.unmarked if block.kind in kinds and id(block) not in aside]
        roles = ctx.roles(index) if unmarked else {}
        for block in unmarked:
            role = roles[id(block)]
            if role.needs_mark and lead_ins.get(id(block)) not in reported:
                reported.add(id(block))
                findings.append(ctx.finding(
                    RULE, _mark_place(block, ctx.exemption), _message(role.kind, block.text), page.page.number))
    return findings
