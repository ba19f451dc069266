"""Reading the `scheme:` mapping of an allied vocabulary file (rules/vocab/nato.yaml, uk.yaml,
au.yaml...) into a `Scheme`: its levels (with NAC activity levels), elements and e-mail
protective marking standard, validated by the vocabulary builder that reads the file."""

from __future__ import annotations

import re
from typing import Any

from marklint.markings.scheme import Element, EmailStandard, Level, Scheme

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from marklint.markings.vocab_loader import _Builder


def read_scheme(b: _Builder, node: Any) -> Scheme:
    """The allied scheme of a vocabulary file's `scheme:` mapping, validated by `b`."""
    s = Scheme(b.string(node, "id", True), b.string(node, "name", True), b.string(node, "citation", True))
    for item in b.items(node, "levels"):
        rank = item.get("rank")
        if not isinstance(rank, (int, float)) or isinstance(rank, bool):
            b.at(item, "rank", "rank must be a number")
        level = Level(b.string(item, "id", True), b.string(item, "banner", True),
                      b.string(item, "portion") or b.string(item, "banner", True), float(rank),
                      b.strings(item, "aliases"), b.date(item, "retired"), b.string(item, "replacement"),
                      b.strings(item, "implies"))
        s.levels[level.id] = level
        for wrong in b.strings(item, "wrong"):
            s.spellings[wrong.upper()] = (level.id, "wrong")
    if "activities" in node:
        _activity_levels(b, node, s)
    for item in b.items(node, "elements") if "elements" in node else []:
        levels = b.strings(item, "levels")
        for level in levels:
            if level not in s.levels:
                b.at(item, "levels", f"unknown level {level!r}")
        if item.get("pattern") is not None:
            b.pattern(item, "pattern")
        element = Element(b.string(item, "id", True), b.string(item, "kind", True),
                          b.string(item, "portion") or b.string(item, "id", True), b.strings(item, "aliases"),
                          frozenset(levels), b.strings(item, "excludes"), b.strings(item, "requires"),
                          b.string(item, "pattern"), b.string(item, "rollup") or "always",
                          b.string(item, "rule") or "")
        s.elements[element.id] = element
    for level in s.levels.values():
        for implied in level.implies:
            if implied not in s.elements:
                b.at(node, "levels", f"level {level.id!r} implies unknown element {implied!r}")
    s.prefixes = b.strings(node, "prefixes")
    s.leading = frozenset(b.strings(node, "leading"))
    for element_id in s.leading - set(s.elements):
        b.at(node, "leading", f"unknown element {element_id!r}")
    s.kinds = b.strings(node, "kinds")
    s.sorted_kinds = frozenset(b.strings(node, "sorted_kinds"))
    s.codeword_levels = frozenset(b.strings(node, "codeword_levels"))
    s.separator = str(node.get("separator", " "))
    s.portion_marks = bool(node.get("portion_marks", True))
    s.bilingual = bool(node.get("bilingual", False))
    if "email" in node:
        s.email = _email_standard(b, b.mapping(node, "email"), s)
    s.index()
    return s


def _activity_levels(b: _Builder, node: Any, s: Scheme) -> None:
    """The levels of a North Atlantic Council activity (A2): each "NATO <level>" again with
    the activity between NATO and the level (`NATO ISAF RESTRICTED`, portion `NIR`)."""
    base = [lv for lv in s.levels.values() if lv.banner.startswith("NATO ") and lv.portion.startswith("N")]
    for item in b.items(node, "activities"):
        name, short = b.string(item, "name", True), b.string(item, "short", True)
        for lv in base:
            level = Level(f"N{short}{lv.portion[1:]}", f"NATO {name} {lv.banner[5:]}",
                          f"N{short}{lv.portion[1:]}", lv.rank)
            s.levels[level.id] = level


def _email_standard(b: _Builder, node: Any, s: Scheme) -> EmailStandard:
    """A scheme's e-mail protective marking (marklint.markings.scheme.EmailStandard)."""
    tables = {}
    for key, known in (("levels", s.levels), ("caveats", s.elements), ("access", s.elements)):
        table = b.mapping(node, key)
        for spelled, target in table.items():
            if str(target) not in known:
                b.at(table, spelled, f"unknown {'level' if key == 'levels' else 'element'} {target!r}")
        tables[key] = {str(k): str(v) for k, v in table.items()}
    for index, _ in enumerate(b.strings(node, "caveat_patterns")):
        b.pattern(node["caveat_patterns"], index)
    caveat_levels = b.strings(node, "caveat_levels")
    for level in caveat_levels:
        if level not in s.levels:
            b.at(node, "caveat_levels", f"unknown level {level!r}")
    return EmailStandard(b.string(node, "namespace", True), tables["levels"], tables["caveats"],
                         tuple(re.compile(p) for p in b.strings(node, "caveat_patterns")),
                         frozenset(caveat_levels), tables["access"])
