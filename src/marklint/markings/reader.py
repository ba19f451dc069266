"""The reader: a lark Transformer that turns the parse tree of one marking into a typed Marking.

The grammar (grammar/marking.lark) says where each value goes; the reader looks its words up in
the vocabulary (levels.py for the classification, controls.py and compartments.py for the
rest), builds the Marking and collects the notes of how it is written (order.py).
"""

from __future__ import annotations

import lark

from marklint.markings.compartments import CompartmentReader
from marklint.markings.controls import ControlReader
from marklint.markings.levels import LevelReader
from marklint.markings.model import Marking, Note, sort_key
from marklint.markings.order import OrderChecker
from marklint.markings.reading import ReadState, Value
from marklint.markings.vocab import Vocabulary
from marklint.markings.writing import WritingChecker


class Reader(lark.Transformer, LevelReader, ControlReader, CompartmentReader, OrderChecker, WritingChecker):
    """Reads one parse tree (`read`) into `marking`, with the items, their spans and the notes of
    how the marking is written (the analysis check() judges). Positions in the tree are in the
    marking without its leading blanks (`offset` of them); values and notes are in `text`."""

    marking: Marking
    _checked = False

    def __init__(self, text: str, offset: int, form: str, vocab: Vocabulary) -> None:
        lark.Transformer.__init__(self, visit_tokens=False)
        ReadState.__init__(self, vocab)
        self.text = text
        self.offset = offset
        self.wanted = form  # "banner", "portion" or "auto"

    def read(self, tree: lark.Tree) -> Reader:
        """Read the tree into `marking`; raise MarkingError when its meaning cannot be recovered."""
        try:
            self.marking = self.transform(tree)
        except lark.exceptions.VisitError as exc:
            raise exc.orig_exc from None
        return self

    @property
    def notes(self) -> list[Note]:
        """Every problem of how the marking is written (order checked on first use: parse() skips it)."""
        if not self._checked:
            self._checked = True
            self.check_separators()
            self.check_order()
            self.check_writing()
        return self.found

    # -- the grammar's rules, bottom up

    def __default__(self, data: str, children: list[lark.Token], meta: object) -> Value:
        """A value: `classification` or a control rule (`sap`, `rel_to`, `by_vocabulary`...),
        from its first token to its last."""
        start, end = children[0].start_pos + self.offset, children[-1].end_pos + self.offset
        return Value(data, self.text[start:end], start, end)

    def first_category(self, children: list) -> list:
        return children

    category = first_category

    def categories(self, children: list) -> None:
        values: list[Value] = []
        separators: list[tuple[str, str, int, int]] = []
        cat = 0
        leading = False
        for child in children:
            if isinstance(child, lark.Token):  # "//"
                if values:
                    cat += 1
                else:
                    leading = True
                separators.append(("cat", str(child), child.start_pos + self.offset, child.end_pos + self.offset))
                continue
            for item in child:  # a category: values and "/"
                if isinstance(item, Value):
                    item.cat = cat
                    values.append(item)
                else:
                    separators.append(("val", str(item), item.start_pos + self.offset, item.end_pos + self.offset))
        self.values, self.leading, self.separators = values, leading, separators

    def portion(self, children: list) -> Marking:
        return self._read("portion")

    def banner(self, children: list) -> Marking:
        return self._read("banner")

    def _read(self, form: str) -> Marking:
        self.form = form
        if self.wanted != "auto" and self.wanted != form:
            start = len(self.text) - len(self.text.lstrip())
            self.note("marking-syntax", start, start + 1,
                      "a portion mark is written in parentheses" if self.wanted == "portion"
                      else "a banner is not written in parentheses")
        values = self.values
        self.read_level(values[0])
        self.read_controls(values[1:])
        f = self.f
        self.read_unclassified_cui()
        return Marking(
            scheme=self.scheme, level=self.level, owners=self.owners,
            sci=tuple(sorted(f["sci"], key=lambda t: self.v.sci_key(t[0]))),
            sap=tuple(sorted(f["sap"], key=lambda t: sort_key(t[0]))),
            aea=tuple(sorted(f["aea"].values(), key=lambda a: self.v.tokens[a.id].order)),
            fgi=f["fgi"], cui=f["cui"],
            cui_categories=tuple(sorted(f["cuicat"], key=lambda c: (not c[1], c[0]))),
            dissem=frozenset(f["dissem"]), rel_to=f["rel_to"], display_only=f["display_only"],
            eyes=f["eyes"], nonic=frozenset(f["nonic"]), accm=tuple(sorted(f["accm"])), legacy_decl=f["legacy_decl"],
            legacy=tuple(dict.fromkeys(f["legacy"])), vocab=self.v)

    def read_unclassified_cui(self) -> None:
        """U-15: `UNCLASSIFIED//CUI//...` with no IC-only control (FGI, SCI, SAP, AEA, an IC
        dissem) is a pure CUI marking written with a classification: reported, and read as the
        pure CUI marking it means, so banners and roll-ups compare it by its meaning."""
        f = self.f
        ic_only = f["fgi"] is not None or f["sci"] or f["sap"] or f["aea"] or (set(f["dissem"]) - self.v.ldcs)
        if self.scheme == "us" and self.level == "U" and f["cui"] and not ic_only:
            start, end = self.spans.get("level", (0, 1))
            self.note("marking-form", start, end, 'a pure CUI marking has no classification: write "CUI//..." (U-15)')
            self.scheme, self.level = "cui", "CUI"
