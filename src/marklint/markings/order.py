"""How a marking is written: separators (S-04, S-05), one slot per category, category order
(S-06) and register order inside a category (S-07, K-01, K-08, K-11, U-04, U-06).
"""

from __future__ import annotations

from marklint.markings.reading import Item, ReadState

# Slots in register order (S-06): classification // SCI // SAP // AEA // FGI // CUI //
# CUI categories // IC dissem (and CUI LDCs) // non-IC dissem // legacy declassification.
SLOTS = ("level", "sci", "sap", "aea", "fgi", "cui", "cuicat", "dissem", "nonic", "decl")
SLOT_NAMES = {"level": "classification", "sci": "SCI control", "sap": "special access program",
              "aea": "AEA marking", "fgi": "FGI marking", "cui": "CUI marking", "cuicat": "CUI category",
              "dissem": "dissemination control", "nonic": "non-IC dissemination control",
              "decl": "declassification value"}


class OrderChecker(ReadState):
    """Notes on the order and separators of a read marking (run when its notes are wanted)."""

    def check_separators(self) -> None:
        for kind, raw, start, end in self.separators:
            if kind == "cat":
                if raw != "//" and raw.strip() == "//":
                    self.note("marking-syntax", start, end, 'no spaces around "//" (S-04)', "//")
                elif raw.strip() != "//":
                    self.note("marking-syntax", start, end,
                              'categories are separated by exactly "//"; no empty category (S-04)', "//")
            elif raw != "/":
                self.note("marking-syntax", start, end, 'no spaces around "/" (S-05)', "/")
        seps = self.separators
        if seps and seps[-1][0] == "cat" and seps[-1][3] >= self.values[-1].end and \
                seps[-1][2] >= self.values[-1].end:
            _, raw, start, end = seps[-1]
            self.note("marking-syntax", start, end, 'a marking does not end with "//" (S-04)', "")

    def separator_before(self, start: int) -> tuple[int, int]:
        """The span of the separator that ends where a value starts, forgetting any earlier
        spacing note about it (the caller's note replaces the whole separator)."""
        span = max(start - 1, 0), start
        for _kind, _raw, s, e in self.separators:
            if e == start:
                span = s, e
        self.found = [n for n in self.found if (n.problem.column - 1, n.problem.end_column - 1) != span]
        return span

    def check_order(self) -> None:
        """Category order (S-06), separators between categories, register order (S-07, U-04, U-06)."""
        items = [it for it in self.items if it.slot != "level"]
        pure_cui = self.scheme == "cui"
        # category structure: one slot per written category ("dissem" and CUI LDCs share one)
        by_cat: dict[int, list[Item]] = {}
        for it in items:
            by_cat.setdefault(it.cat, []).append(it)
        first_cat: dict[str, int] = {}
        for it in items:
            if first_cat.setdefault(it.slot, it.cat) != it.cat:
                self.note("marking-syntax", *self.separator_before(it.start),
                          f'all {SLOT_NAMES[it.slot]} values go in one category, separated by "/" (S-04, U-03)', "/")
                break
        for cat, group in by_cat.items():
            slots = {it.slot for it in group}
            if cat == 0 and group:
                it = group[0]
                self.note("marking-syntax", *self.separator_before(it.start),
                          'categories are separated by "//" (S-04)', "//")
            elif len(slots) > 1:
                second = next(it for it in group if it.slot != group[0].slot)
                rule_id = "N-07" if "nonic" in slots else "U-03" if slots & {"cui", "cuicat"} else "S-04"
                self.note("marking-syntax", *self.separator_before(second.start),
                          f'a {SLOT_NAMES[second.slot]} starts a new category after "//" ({rule_id})', "//")
        ranks = [SLOTS.index(it.slot) for it in items]
        for i in range(1, len(items)):
            if ranks[i] < ranks[i - 1]:
                it, prev = items[i], items[i - 1]
                # L-07: a SAR category after the IC dissems was its place until October 2003
                old_place = it.slot == "sap" and prev.slot == "dissem" and it.cat != prev.cat
                self.note("marking-order", it.start, it.end,
                          f"the {SLOT_NAMES[it.slot]} \"{it.key}\" goes before the {SLOT_NAMES[prev.slot]} "
                          f"\"{prev.key}\" (S-06)", since=self.v.sap_in_nonic_retired if old_place else None)
                break
        for slot in ("sci", "sap", "aea", "cuicat", "dissem", "nonic"):
            # a repeated value is dropped (S-08), not moved: only the first of each is in order or not
            group = _first_of_each([it for it in items if it.slot == slot])
            keys = [self.order_key(it, pure_cui) for it in group]
            if keys != sorted(keys):
                alt = [self.order_key(it, pure_cui, ism=True) for it in group] if pure_cui and slot == "dissem" else None
                if alt is not None and alt == sorted(alt):
                    continue  # (d)10: ISM token order is accepted for CUI LDCs
                rule_id = {"sci": "K-01", "sap": "K-08", "aea": "K-11", "cuicat": "U-04",
                           "dissem": "U-06" if pure_cui else "S-07", "nonic": "S-07"}[slot]
                rule = "marking-syntax" if slot in ("sci", "sap", "aea") else "marking-order"
                for a, b in zip(group, group[1:]):
                    if self.order_key(b, pure_cui) < self.order_key(a, pure_cui):
                        self.note(rule, b.start, b.end,
                                  f'"{b.key}" goes before "{a.key}" (register order, {rule_id})', moves=True)
                        break

    def order_key(self, item: Item, pure_cui: bool, ism: bool = False) -> tuple:
        if item.slot == "dissem" and pure_cui:
            token = self.v.tokens[item.key]
            return ((token.portion if ism else token.id).upper(),)
        return item.order


def _first_of_each(items: list[Item]) -> list[Item]:
    """The items without the repeats of an earlier key."""
    seen: set[str] = set()
    out = []
    for it in items:
        if it.key not in seen:
            seen.add(it.key)
            out.append(it)
    return out
