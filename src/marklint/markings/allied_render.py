"""Canonical renderings of a marking of an allied scheme (`marklint.markings.scheme`): its
banner, its paragraph mark, its description rows, and the canonical order of its elements.
Reading allied markings is `marklint.markings.allied`'s work."""

from __future__ import annotations

from marklint.markings.scheme import Element, Scheme

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from marklint.markings.model import Marking


def order_key(s: Scheme, element: Element) -> tuple:
    """Canonical order: by kind, then alphabetically within a sorted kind, else as listed."""
    kind = s.kinds.index(element.kind) if element.kind in s.kinds else len(s.kinds)
    if element.kind in s.sorted_kinds:
        return (kind, element.id)
    return (kind, "", list(s.elements).index(element.id))


def render(m: Marking, form: str) -> str:
    """The canonical banner or paragraph mark of an allied marking."""
    s: Scheme = m.vocab.allied
    level = s.levels[m.level]
    portion = form == "portion" and s.portion_marks
    keyed = sorted((order_key(s, s.elements[e]), s.elements[e]) for e in m.dissem)  # keys are unique
    codeword_at = s.kinds.index("codeword") if "codeword" in s.kinds else len(s.kinds)
    parts = [e.portion if portion else e.id for key, e in keyed if key[0] < codeword_at]
    parts += [word for word, _ in m.sci]
    parts += [e.portion if portion else e.id for key, e in keyed if key[0] >= codeword_at]
    head = " ".join([*m.owners, level.portion if portion else level.banner])
    text = s.separator.join([head, *parts])
    return f"({text})" if form == "portion" else text


def describe(m: Marking) -> list[tuple[str, str]]:
    """Label/value rows of an allied marking (for `marklint parse`)."""
    s: Scheme = m.vocab.allied
    rows = [("scheme", s.name), ("portion", render(m, "portion")), ("banner", render(m, "banner")),
            ("level", s.levels[m.level].banner)]
    if m.owners:
        rows.append(("prefix", " ".join(m.owners)))
    for kind in (*s.kinds, "forbidden"):
        words = [e.id for e in sorted((s.elements[e] for e in m.dissem), key=lambda e: order_key(s, e))
                 if e.kind == kind]
        if kind == "codeword":
            words = [w for w, _ in m.sci]
        if words:
            rows.append((kind, ", ".join(words)))
    return rows
