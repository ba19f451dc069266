"""Canonical banner and portion renderings of a Marking, and its description rows."""

from __future__ import annotations

from marklint.markings import allied_render
from marklint.markings.vocab import Token, Vocabulary
from marklint.markings.vocab_loader import default_vocabulary

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from marklint.markings.model import Aea, Marking, Tree


def _vocab(m: Marking) -> Vocabulary:
    return m.vocab or default_vocabulary()


def _allied(m: Marking) -> bool:
    return m.vocab is not None and m.vocab.allied is not None and m.scheme == m.vocab.allied.id


def classification(m: Marking, form: str = "banner") -> str:
    """The classification part, e.g. "TOP SECRET", "//DEU GBR SECRET", "//JOINT S CAN USA"."""
    v = _vocab(m)
    if _allied(m):
        level = v.allied.levels[m.level]
        return level.banner if form == "banner" else level.portion
    i = 0 if form == "banner" else 1
    if m.scheme == "us":
        return v.us_levels[m.level][i] if m.level in v.us_levels else "RESTRICTED" if i == 0 else "R"
    if m.scheme == "cui":
        return v.cui_marker
    if m.scheme == "nato" and m.owners:  # a NAC activity (A2): //NATO ISAF RESTRICTED, (//NIR)
        name, (banner, portion) = m.owners[0], v.foreign_levels[m.level]
        return f"//NATO {name} {banner}" if i == 0 else f"//N{v.nato_nac.get(name, name)}{portion}"
    if m.scheme == "nato":
        return "//" + v.nato_levels[m.level][i]
    level = v.foreign_levels[m.level][i]
    if m.scheme == "joint":
        return " ".join(["//JOINT", level, *m.owners])
    if m.scheme == "fgi":
        return f"//FGI {level}"
    return f"//{' '.join(m.owners)} {level}"


def render_tree(tree: Tree) -> str:
    """`SI-G ABCD-XYZ`: a system (or SAP program) with its compartments and sub-compartments."""
    return tree[0] + "".join("-" + " ".join((c, *subs)) for c, subs in tree[1])


def _aea(item: Aea, v: Vocabulary, form: str) -> str:
    token = v.tokens[item.id]
    text = token.id if form == "banner" else token.portion
    if item.cnwdi:
        text += "-CNWDI"
    if item.sigma:
        text += "-" + ("SIGMA" if form == "banner" else v.aea_subsets["SIGMA"]["portion"]) + " " + \
            " ".join(str(n) for n in item.sigma)
    return text


def _token(token: Token, form: str) -> str:
    return token.id if form == "banner" else token.portion


def _dissems(m: Marking, v: Vocabulary, form: str) -> list[str]:
    entries: list[tuple[int, Token, str]] = []
    pure_cui = m.scheme == "cui"
    for tid in m.dissem:
        token = v.tokens[tid]
        entries.append((token.order, token, _token(token, form)))
    rel = v.tokens["REL TO"]
    if m.rel_to is not None:
        text = "REL" if not m.rel_to else "REL TO " + ", ".join(v.sort_codes(("USA", *m.rel_to), usa_first=True))
        entries.append((rel.order, rel, text))
    if m.eyes is not None:
        eyes = v.tokens["EYES ONLY"]
        text = "EYES" if not m.eyes else "/".join(["USA"] + sorted(m.eyes)) + " EYES ONLY"
        entries.append((eyes.order, eyes, text))
    if m.display_only is not None:
        disp = v.tokens["DISPLAY ONLY"]
        entries.append((disp.order, disp, "DISPLAY ONLY " + ", ".join(v.sort_codes(m.display_only, usa_first=False))))
    if pure_cui:
        entries.sort(key=lambda e: e[2].upper())
    else:
        entries.sort(key=lambda e: e[0])
    return [e[2] for e in entries]


def _nonic(m: Marking, v: Vocabulary, form: str) -> str:
    """The non-IC category: tokens in register order, then the ACCM names."""
    parts = [_token(t, form) for t in sorted((v.tokens[i] for i in m.nonic), key=lambda t: t.order)]
    if m.accm:
        parts.append("ACCM-" + "/".join(m.accm))
    return "/".join(parts)


def _sap(m: Marking, v, form: str) -> str:
    """The SAP category: "SAR-" once (IC), or before each program (the DoD rendering, K-08),
    whose banner names three or more programs "SAR-MULTIPLE PROGRAMS" (K-10)."""
    if v.sap_dod_multiple is not None and form == "banner" and len(m.sap) >= v.sap_dod_multiple:
        return f"SAR-{v.sap_multiple_name}"
    joiner = "/SAR-" if v.sap_dod_multiple is not None else "/"
    return "SAR-" + joiner.join(render_tree(t) for t in m.sap)


def categories(m: Marking, form: str) -> list[str]:
    """The rendered categories after the classification, in register order (S-06)."""
    v = _vocab(m)
    out: list[str] = []
    if m.sci:
        out.append("/".join(render_tree(t) for t in m.sci))
    if m.sap:
        out.append(_sap(m, v, form))
    if m.aea:
        out.append("/".join(_aea(a, v, form) for a in m.aea))
    if m.fgi is not None:
        out.append(" ".join(["FGI"] + v.sort_codes(m.fgi, usa_first=False)))
    if m.cui and m.scheme != "cui":
        out.append(v.cui_marker)
    if m.cui_categories:
        out.append("/".join(("SP-" if sp else "") + code for code, sp in m.cui_categories))
    dissems = _dissems(m, v, form)
    if dissems:
        out.append("/".join(dissems))
    nonic = _nonic(m, v, form)
    if nonic:
        out.append(nonic)
    if m.legacy_decl:
        out.append(m.legacy_decl)
    return out


def render(m: Marking, form: str) -> str:
    """The canonical banner ("banner") or portion mark ("portion", with parentheses)."""
    if _allied(m):
        return allied_render.render(m, form)
    text = "//".join([classification(m, form)] + categories(m, form))
    return f"({text})" if form == "portion" else text


def controls(m: Marking) -> frozenset[str]:
    """Canonical banner tokens of every control."""
    v = _vocab(m)
    if _allied(m):
        return frozenset(m.dissem) | {word for word, _ in m.sci} | set(m.owners)
    out: set[str] = set()
    out.update(render_tree(t) for t in m.sci)
    if v.sap_dod_multiple is not None and len(m.sap) >= v.sap_dod_multiple:
        out.add(_sap(m, v, "banner"))  # K-10: the DoD banner names no programs
    else:
        out.update("SAR-" + render_tree(t) for t in m.sap)
    out.update(_aea(a, v, "banner") for a in m.aea)
    if m.fgi is not None:
        out.add(" ".join(["FGI"] + v.sort_codes(m.fgi, usa_first=False)))
    if m.cui and m.scheme != "cui":
        out.add(v.cui_marker)
    out.update(("SP-" if sp else "") + code for code, sp in m.cui_categories)
    out.update(_dissems(m, v, "banner"))
    out.update(v.tokens[i].id for i in m.nonic)
    out.update(f"ACCM-{name}" for name in m.accm)
    if m.legacy_decl:
        out.add(m.legacy_decl)
    return frozenset(out)


def describe(m: Marking) -> list[tuple[str, str]]:
    """Label/value rows describing a marking (used by `marklint parse`)."""
    v = _vocab(m)
    if _allied(m):
        return allied_render.describe(m)
    banner_level = classification(m, "banner").lstrip("/")
    rows = [("portion", m.portion()), ("banner", m.banner()), ("level", banner_level)]
    if m.scheme in ("foreign", "joint"):
        rows.append(("owners", " ".join(m.owners)))
    if m.sci:
        rows.append(("SCI", "/".join(render_tree(t) for t in m.sci)))
    if m.sap:
        rows.append(("SAP", _sap(m, _vocab(m), "portion")))
    if m.aea:
        rows.append(("AEA", "/".join(_aea(a, v, "banner") for a in m.aea)))
    if m.fgi is not None:
        rows.append(("FGI", " ".join(m.fgi) if m.fgi else "(source concealed)"))
    if m.cui and m.scheme != "cui":
        rows.append(("CUI", v.cui_marker))
    if m.cui_categories:
        rows.append(("CUI categories", "/".join(("SP-" if sp else "") + c for c, sp in m.cui_categories)))
    dissems = _dissems(m, v, "banner")
    if dissems:
        rows.append(("LDC" if m.scheme == "cui" else "dissem", "/".join(dissems)))
    nonic = _nonic(m, v, "banner")
    if nonic:
        rows.append(("non-IC", nonic))
    if m.legacy:
        rows.append(("legacy", ", ".join(m.legacy)))
    return rows
