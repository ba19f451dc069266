"""What every check receives: the document, the rule set, what the recognizer found, and the
facts the fact-finders of `marklint.checks` compute once per document (`CheckContext.fact`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from itertools import chain
from operator import attrgetter

from marklint.document import Document
from marklint.findings import Finding
from marklint.recognize import Mark, PageMarks

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from marklint.checks.rule import RuleDoc
    from marklint.layout import Role
    from marklint.markings import Marking
    from marklint.ruleset import RuleSet

COMPILATION_RE = r"\bcompilation\b"  # compiled by `re` at first use (rarely needed)
_MARKING = attrgetter("marking")
_RANK = attrgetter("marking.rank")


# Memos keyed by the ids of Markings (hashing a Marking runs Python code over all its fields).
# Each entry holds its Markings, so that an id in a key cannot pass to another object.
_rollups: dict[tuple[frozenset[int], object, int], tuple[list[Marking], Marking | None, Marking]] = {}
_controls: dict[int, tuple[Marking, frozenset[str]]] = {}


def controls(marking: Marking) -> frozenset[str]:
    """`marking.controls()`, computed once per distinct marking."""
    found = _controls.get(id(marking))
    if found is None:
        found = _controls[id(marking)] = (marking, marking.controls())
    return found[1]


def carries_cui(marking: Marking | None) -> bool:
    """Whether a marking is, or contains, CUI."""
    return marking is not None and (marking.level == "CUI" or marking.cui)


_UNREAD = object()


def _no_exemption(first_line: str) -> str | None:
    return None


_ORDER_CHARS = 20_000  # an order named on a telegram's authority line stands near its top


class CheckContext:
    """The facts the checks share. `overall` is the document's overall banner: the first
    page's top banner, else its bottom banner, else the first banner anywhere.

    A plain class: defining a dataclass costs milliseconds of start-up.
    """

    def __init__(self, doc: Document, ruleset: RuleSet, vocab: object, pages: list[PageMarks],
                 date: date | None = None, require_banner: str = "when-marked",
                 exemption: Callable[[str], str | None] = _no_exemption, wrappers: object = None,
                 ocr: object = None, date_in_text: bool = False) -> None:
        self.doc = doc
        self.ruleset = ruleset
        self.vocab = vocab
        self.pages = pages
        self.date = date
        # the date was read in a portion's sentence: the document is no older, but may be younger
        self.date_in_text = date_in_text
        self.require_banner = require_banner  # "when-marked" | "always"
        self.exemption = exemption  # which administrative element a first line is, if any
        self.wrappers = wrappers  # an archival copy's wrappers (marklint.archives), when it has some
        self.ocr = ocr  # the OCR readings (marklint.archives.ocr) when the run tolerates OCR slips
        self._facts: dict[Callable, object] = {}
        self._roles: tuple[int, dict[int, Role]] | None = None  # the last page asked about
        self._layout: tuple[object, list[bool]] | None = None
        self._text: str | None = None
        self._whole_text: object = _UNREAD
        self._highest: Mark | None = None
        self._markings: list[Marking] | None = None
        self._document_rollup: Marking | None = None
        first_banner = next((page.banners[0] for page in self.pages if page.banners), None)
        first = self.pages[0] if self.pages else None
        self.overall: Mark | None = (first.top or first.bottom if first else None) or first_banner
        # parsed portion marks, misplaced included: page by page (as `pages`), then all of them
        self.page_portions: list[list[Mark]] = [
            [m for m in page.portions + page.misplaced if m.marking is not None] for page in self.pages
        ]
        self.portions: list[Mark] = list(chain.from_iterable(self.page_portions))
        self.marked: bool = first_banner is not None or any(page.portions for page in self.pages)

    def fact(self, finder: Callable[[CheckContext], object]) -> object:
        """What the fact-finder `finder(ctx)` finds in this document, computed at the first
        question: the rules that judge one fact share it."""
        if finder not in self._facts:
            self._facts[finder] = finder(self)
        return self._facts[finder]

    def forget_facts(self) -> None:
        """Drop the facts found so far (a later question finds them again): the checks and fixes
        are done, and a big file's facts (every banner by position, ...) need not outlive them."""
        self._facts.clear()

    @property
    def markings(self) -> list[Marking]:
        """Each distinct parsed Marking among the document's banners and portion marks
        (misplaced ones too), once: parses are cached, so a document holds few distinct ones,
        and questions about all its markings need only ask these."""
        if self._markings is None:
            marks = chain.from_iterable(chain(p.banners, p.portions, p.misplaced) for p in self.pages)
            markings = list(map(_MARKING, marks))
            distinct = dict(zip(map(id, markings), markings))  # by id, in C: see rollup()
            distinct.pop(id(None), None)
            self._markings = list(distinct.values())
        return self._markings

    def roles(self, page_index: int) -> dict[int, Role]:
        """The structure model's Role of every block of a page (`marklint.layout`), by
        `id(block)`. Only the last page's are kept: checks ask page by page, and the roles of
        every page of a big file would take more memory than its text."""
        if self._roles is not None and self._roles[0] == page_index:
            return self._roles[1]
        from marklint.block_shapes import LayoutPatterns
        from marklint.layout import page_roles

        if self._layout is None:
            before = [False]  # whether an earlier page holds a marked portion
            for page in self.pages[:-1]:
                before.append(before[-1] or bool(page.portions))
            self._layout = (LayoutPatterns(self.ruleset.portions.layout), before)
        patterns, before = self._layout
        roles = page_roles(self.pages[page_index], page_index == 0, self.exemption, patterns, self.doc.format,
                           before[page_index], self.ruleset.portions.titles,
                           any(m.is_classified for m in self.markings), self.ocr is not None)
        self._roles = (page_index, roles)
        return roles

    @property
    def whole_text(self) -> str | None:
        """The level of the document's whole-text statement (`SECRET ENTIRE TEXT`), or None; under
        OCR tolerance also one read in a cable's file line (`marklint.archives.file_line`), ""
        when the scan left its level unreadable."""
        if self._whole_text is _UNREAD:
            from marklint.legacy_forms import whole_text_statement

            self._whole_text = whole_text_statement(self.text)
            if self._whole_text is None and self.ocr is not None:
                self._whole_text = self.ocr.statement
        return self._whole_text

    @property
    def overall_marking(self) -> Marking | None:
        """The parsed overall banner, or None when there is none or it does not parse."""
        return self.overall.marking if self.overall is not None else None

    @property
    def classification(self) -> Marking | None:
        """What the document is marked as: the overall banner, else the first banner that
        parses, else its highest portion (None for an unmarked document). Under OCR tolerance,
        unclassified portions say nothing of the level when other marks were left unreadable
        (struck through at declassification): the level is then unknown (None)."""
        if self.overall_marking is not None:
            return self.overall_marking
        for page in self.pages:
            for mark in page.banners:
                if mark.marking is not None:
                    return mark.marking
        highest = self.max_portion()
        if highest is None or (not highest.marking.is_classified and self.ocr is not None and self.ocr.unreadable):
            return None
        return highest.marking

    def legacy_day(self) -> date:
        """The day the document's legacy forms are judged on: its date of origin; else, for an
        undated cable, the last day of the era of the order its authority line names
        (`E.O. 12958: DECL: ...`, `marklint.dates.order_named`); else the rule set's
        (`RuleSet.undated_day`)."""
        return self.date if self.date is not None else self.fact(_undated_legacy_day)

    @property
    def text(self) -> str:
        """The document's text (its source, or its blocks joined) for statement searches."""
        if self._text is None:
            self._text = self.doc.full_text()
        return self._text

    def max_portion(self, marks: list[Mark] | None = None) -> Mark | None:
        """The highest-ranked of parsed portion marks `marks` (default: the whole document's),
        the first one on a tie; None when there are none."""
        if marks is None:
            if self._highest is None and self.portions:
                self._highest = max(self.portions, key=_RANK)
            return self._highest
        return max(marks, key=_RANK, default=None)  # max keeps the first of equals

    def rollup(self, marks: list[Mark]) -> Marking:
        """The banner the parsed portion marks imply (`marklint.markings.rollup` under the rule
        set's options). Roll-up is a function of the set of distinct markings, so it is
        computed once per set."""
        options = self.ruleset.rollup_options()
        # the overall banner gives bare "REL" its list (F-04) and may show SAPs without hierarchy
        banner = self.overall.marking if self.overall is not None else None
        # Few distinct Marking objects recur (parses are cached): the key is the set of their
        # ids, built in C.
        markings = list(map(_MARKING, marks))
        key = (frozenset(map(id, markings)), options, id(banner))
        found = _rollups.get(key)
        if found is None:
            from marklint.markings import rollup

            distinct = list(dict(zip(map(id, markings), markings)).values())
            found = _rollups[key] = (distinct, banner, rollup(distinct, options=options, banner=banner))
        return found[2]

    @property
    def document_rollup(self) -> Marking | None:
        """The roll-up of every parsed portion mark of the document (None when there are none),
        computed once: fixes ask for it once per page."""
        if self._document_rollup is None and self.portions:
            self._document_rollup = self.rollup(self.portions)
        return self._document_rollup

    def has_compilation_statement(self) -> bool:
        """Whether the document explains a classification by compilation (T-03)."""
        text = self.text
        if "ompilation" not in text and "OMPILATION" not in text:  # fast substring scan first
            return False
        return re.search(COMPILATION_RE, text, re.IGNORECASE) is not None

    def finding(self, rule: RuleDoc, mark_or_pos: Mark | tuple[int, int], message: str, page: int | None,
                end_column: int | None = None) -> Finding:
        """A finding of `rule` with the rule set's severity, at a mark (spanning it, quoting its
        marking) or at a (line, column)."""
        severity = self.ruleset.severity(rule.slug) or rule.severity
        if isinstance(mark_or_pos, Mark):
            mark = mark_or_pos
            return Finding(path=self.doc.path, line=mark.line, column=mark.column, code=rule.code, rule=rule.slug,
                           severity=severity, message=message, end_column=mark.end_column, page=mark.page,
                           marking=mark.text)
        line, column = mark_or_pos
        return Finding(path=self.doc.path, line=line, column=column, code=rule.code, rule=rule.slug,
                       severity=severity, message=message, end_column=end_column, page=page)


def _undated_legacy_day(ctx: CheckContext) -> date:
    """`CheckContext.legacy_day` of an undated document (a fact: authority-block checks and
    legacy-marking both ask, and the order is looked for once)."""
    from marklint.dates import order_named
    from marklint.ruleset import select_ruleset_for_date

    order = order_named(enumerate(ctx.text[:_ORDER_CHARS].split("\n"), 1))
    era = select_ruleset_for_date(order[2]) if order is not None else None
    return (era or ctx.ruleset).undated_day()
