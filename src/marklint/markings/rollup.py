"""rollup(): the banner implied by a set of portion markings (marking-rules.md R-01..R-07).

Classification is the highest level (R-01); SCI, SAP and AEA are unions with RD > FRD > TFNI
(R-02, K-13); FGI is the union of sources, bare FGI if any source is concealed (R-03, K-23);
dissems are unions with precedence (R-04, F-08, F-09, N-03, N-08); foreign disclosure and
release follows the decision table of R-05/R-06 with tetragraph expansion (R-07); CUI
categories and LDCs are unioned (U-05).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from marklint.markings import allied
from marklint.markings.model import Aea, Marking, Tree, sort_key
from marklint.levels import LEVEL_RANKS
from marklint.markings.vocab import Vocabulary
from marklint.markings.vocab_loader import default_vocabulary

_FDR_FIELDS = ("rel_to", "eyes", "display_only")


@dataclass(frozen=True)
class RollupOptions:
    """Policy choices of marking-rules.md (d); the defaults follow ISM.

    caveated_unclassified: "noforn" (default, (d)1, ISM DES 1.3.1): an unclassified portion
        that carries controls but no FD&R marking takes part in the FD&R roll-up as a portion
        without FD&R, so the banner becomes NOFORN when other portions carry REL TO; "ignore":
        such portions do not take part (only portions with FD&R markings or a classification do).
    tetragraph_expansion: "decomposable" (default, (d)2, ISMROLL 2.2): every decomposable
        tetragraph with published members is expanded to compute a REL TO intersection;
        "eyes-only": only TEYE, ACGU and FVEY are (ICMSRM16 Table 3 rule 23).
    restricted_level: the US banner level used when the highest portion is a foreign
        RESTRICTED one in a US document (default "C"; RESTRICTED is not a US level, S-12).
    """

    caveated_unclassified: str = "noforn"
    tetragraph_expansion: str = "decomposable"
    restricted_level: str = "C"

    def __post_init__(self) -> None:
        if self.caveated_unclassified not in ("noforn", "ignore"):
            raise ValueError("caveated_unclassified must be 'noforn' or 'ignore'")
        if self.tetragraph_expansion not in ("decomposable", "eyes-only"):
            raise ValueError("tetragraph_expansion must be 'decomposable' or 'eyes-only'")
        if self.restricted_level not in ("C", "S", "TS"):
            raise ValueError("restricted_level must be C, S or TS")


def rollup(portions: Iterable[Marking], *, options: RollupOptions | None = None,
           banner: Marking | None = None) -> Marking:
    """The banner Marking implied by `portions` (raises ValueError when there are none).

    With the `banner` the portions stand under, a bare `REL` or `EYES` portion means the
    banner's list (F-04), and a SAP the banner shows by its program alone is rolled up without
    its compartments (showing SAP hierarchy in the banner is optional, ICMSRM16 §H.5 p.101).
    """
    items = list(portions)
    if not items:
        raise ValueError("rollup() needs at least one portion marking")
    vocab = items[0].vocab
    if vocab is not None and vocab.allied is not None and all(m.scheme == vocab.allied.id for m in items):
        return allied.rollup(items)
    if banner is not None:
        items = [_under(m, banner) for m in items]
    result = _Rollup(items, options or RollupOptions(), us_banner=banner is not None and banner.scheme == "us",
                     cui_banner=banner is not None and (banner.cui or banner.level == "CUI")).run()
    return _sap_depth(result, banner) if banner is not None else result


def _under(m: Marking, banner: Marking) -> Marking:
    changes = {}
    if m.rel_to == () and banner.rel_to:
        changes["rel_to"] = banner.rel_to
    if m.eyes == () and banner.eyes:
        changes["eyes"] = banner.eyes
    return replace(m, **changes) if changes else m


def _sap_depth(m: Marking, banner: Marking) -> Marking:
    programs_only = {name for name, comps in banner.sap if not comps}
    if not any(name in programs_only and comps for name, comps in m.sap):
        return m
    return replace(m, sap=tuple((name, () if name in programs_only else comps) for name, comps in m.sap))


def _merge_trees(trees: Iterable[Tree], key=sort_key) -> tuple[Tree, ...]:
    merged: dict[str, dict[str, set[str]]] = {}
    order: dict[str, list[str]] = {}
    for name, comps in trees:
        target = merged.setdefault(name, {})
        names = order.setdefault(name, [])
        for comp, subs in comps:
            if comp not in target:
                names.append(comp)
            target.setdefault(comp, set()).update(subs)
    out = []
    for name in sorted(merged, key=key):
        comps = tuple((c, tuple(sorted(merged[name][c], key=sort_key)))
                      for c in sorted(order[name], key=sort_key))
        out.append((name, comps))
    return tuple(out)


class _Rollup:
    def __init__(self, portions: list[Marking], options: RollupOptions, us_banner: bool = False,
                 cui_banner: bool = False) -> None:
        self.p = portions
        self.o = options
        self.us_banner = us_banner  # foreign portions under a US banner roll up to a US level (A-03, K-23)
        self.cui_banner = cui_banner  # a document that carries CUI by its banner (a transmittal's)
        self.v: Vocabulary = next((m.vocab for m in portions if m.vocab is not None), None) or default_vocabulary()

    def run(self) -> Marking:
        if self.cui_banner or any(m.cui for m in self.p):  # U-16: CUI replaces the legacy controls, reported, not rolled up
            self.p = [replace(m, dissem=frozenset(self.without_legacy(m.dissem)),
                              nonic=frozenset(self.without_legacy(m.nonic))) for m in self.p]
        scheme, level, owners = self.classification()
        classified = LEVEL_RANKS[level] >= 1
        aea, adds = self.aea(classified)
        fgi = self.fgi() if scheme == "us" else None
        dissem, nonic = self.dissems(classified)
        fdr = self.fdr(classified)
        dissem |= adds
        if "NOFORN" in fdr.get("dissem", set()):
            dissem.add("NOFORN")
        dissem = self.apply_splits(dissem, nonic, classified, fdr)
        if "NOFORN" in dissem:
            fdr = {"dissem": set()}
        dissem |= fdr.get("dissem", set())
        dissem, nonic = self.precedence(dissem, nonic, classified)
        cats = sorted({c for m in self.p for c in m.cui_categories}, key=lambda c: (not c[1], c[0]))
        return Marking(
            scheme=scheme, level=level, owners=owners,
            sci=_merge_trees((t for m in self.p for t in m.sci), self.v.sci_key),
            sap=self.sap(),
            aea=aea, fgi=fgi, cui=any(m.cui for m in self.p) and scheme != "cui" or scheme == "cui",
            cui_categories=tuple(cats), dissem=frozenset(dissem),
            rel_to=fdr.get("rel_to"), display_only=fdr.get("display_only"), eyes=fdr.get("eyes"),
            nonic=frozenset(nonic), accm=tuple(sorted({a for m in self.p for a in m.accm})), legacy=tuple(dict.fromkeys(x for m in self.p for x in m.legacy)),
            vocab=self.v)

    def without_legacy(self, tokens: set[str] | frozenset[str]) -> set[str]:
        """`tokens` without the legacy controls CUI replaces (FOUO, SBU, LES; U-16)."""
        return {t for t in tokens if not self.v.tokens[t].not_with_cui}

    def sap(self) -> tuple[Tree, ...]:
        """R-02: the union of the programs; in the DoD rendering, three or more programs (or
        a portion already showing them so) are SAR-MULTIPLE PROGRAMS (K-10)."""
        trees = _merge_trees(t for m in self.p for t in m.sap)
        v = self.v
        if v.sap_dod_multiple is not None and (
                len(trees) >= v.sap_dod_multiple or any(name == v.sap_multiple_name for name, _ in trees)):
            return ((v.sap_multiple_name, ()),)
        return trees

    def classification(self) -> tuple[str, str, tuple[str, ...]]:
        """R-01: the highest level; a document of one foreign owner keeps that owner's scheme."""
        top = max(self.p, key=lambda m: m.rank)
        schemes = {(m.scheme, m.owners) for m in self.p}
        if len(schemes) == 1 and top.scheme in ("nato", "foreign", "joint", "fgi") and not self.us_banner:
            return top.scheme, top.level, top.owners
        if top.rank == 0:
            cui = any(m.cui for m in self.p)
            # a legacy control beside CUI (FOUO: cui-legacy-mixed, U-16) does not make the document IC's
            ic_only = any(m.fgi is not None or m.sci or m.sap or m.aea or m.accm
                          or self.without_legacy(m.nonic) or self.without_legacy(m.dissem - self.v.ldcs)
                          for m in self.p)
            if cui and not ic_only:
                return "cui", "CUI", ()
            return "us", "U", ()
        level = top.level
        if level == "R":
            level = self.o.restricted_level
        return "us", level, ()

    def fgi(self) -> tuple[str, ...] | None:
        """R-03, K-23: sources of foreign portions and FGI markings; bare FGI if one is concealed."""
        codes: set[str] = set()
        any_fgi = False
        for m in self.p:
            sources: tuple[str, ...] | None = None
            if m.scheme == "foreign":
                sources = m.owners
            elif m.scheme == "joint" and m.owners:  # owners left to the banner (K-22) are unknown here
                sources = tuple(c for c in m.owners if c != "USA")
            elif m.scheme == "nato":
                sources = ("NATO",)
            elif m.scheme == "fgi":
                sources = ()
            for src in (sources, m.fgi):
                if src is None:
                    continue
                any_fgi = True
                if not src:
                    return ()
                codes.update(src)
        if not any_fgi:
            return None
        return tuple(self.v.sort_codes(codes))

    def aea(self, classified: bool) -> tuple[tuple[Aea, ...], set[str]]:
        """R-02, K-13: union; RD beats FRD beats TFNI and absorbs their SIGMA numbers; K-15 UCNI."""
        items: dict[str, Aea] = {}
        for m in self.p:
            for a in m.aea:
                old = items.get(a.id)
                items[a.id] = a if old is None else Aea(a.id, old.cnwdi or a.cnwdi,
                                                        tuple(sorted(set(old.sigma) | set(a.sigma))))
        adds: set[str] = set()
        for tid in list(items):
            token = self.v.tokens[tid]
            if token.classified_adds and classified:
                del items[tid]
                adds.update(token.classified_adds)
        for tid in sorted(items, key=lambda t: self.v.tokens[t].order):
            if tid not in items:
                continue
            for beaten in self.v.tokens[tid].beats:
                if beaten in items:
                    lost = items.pop(beaten)
                    win = items[tid]
                    items[tid] = Aea(tid, win.cnwdi or lost.cnwdi, tuple(sorted(set(win.sigma) | set(lost.sigma))))
        ordered = tuple(sorted(items.values(), key=lambda a: self.v.tokens[a.id].order))
        return ordered, adds

    def dissems(self, classified: bool) -> tuple[set[str], set[str]]:
        dissem = {t for m in self.p for t in m.dissem if not self.v.tokens[t].fdr}
        nonic = {t for m in self.p for t in m.nonic}
        return dissem, nonic

    def apply_splits(self, dissem: set[str], nonic: set[str], classified: bool, fdr: dict) -> set[str]:
        """N-03, R-05 rules 3-8: SBU NOFORN / LES NOFORN become NOFORN + SBU / LES when the
        banner is classified or another portion carries an FD&R marking."""
        for tid in list(nonic):
            token = self.v.tokens[tid]
            if not token.splits_into:
                continue
            others_fdr = any(self.has_fdr(m) for m in self.p if tid not in m.nonic)
            if classified or others_fdr:
                nonic.discard(tid)
                for part in token.splits_into:
                    (nonic if self.v.tokens[part].category == "nonic" else dissem).add(part)
        return dissem

    def precedence(self, dissem: set[str], nonic: set[str], classified: bool) -> tuple[set[str], set[str]]:
        """R-04: beats (ORCON > ORCON-USGOV, NODIS > EXDIS), unclassified-only, FOUO superseded."""
        v = self.v
        for group in (dissem, nonic):
            for tid in list(group):
                if tid in group:
                    group.difference_update(v.tokens[tid].beats)
            for tid in list(group):
                if v.tokens[tid].rollup == "unclassified-only" and classified:
                    group.discard(tid)
        for tid in list(dissem | nonic):
            if v.tokens[tid].rollup == "superseded":
                others = [t for t in dissem | nonic if t != tid and not v.tokens[t].fdr
                          and v.tokens[t].rollup != "superseded"]
                if classified or others:
                    dissem.discard(tid)
                    nonic.discard(tid)
        return dissem, nonic

    # -- FD&R

    def has_fdr(self, m: Marking) -> bool:
        return any(getattr(m, f) is not None for f in _FDR_FIELDS) or \
            any(self.v.tokens[t].fdr for t in m.dissem) or \
            any(self.v.tokens[t].splits_into for t in m.nonic)

    def participants(self) -> list[Marking]:
        out = []
        for m in self.p:
            if m.rank == 0 and not m.has_controls:
                continue  # uncaveated unclassified portions do not take part
            if m.rank == 0 and not self.has_fdr(m) and self.o.caveated_unclassified == "ignore":
                continue
            out.append(m)
        return out

    def expand(self, codes: tuple[str, ...]) -> set[str]:
        out = {"USA"}
        for code in codes:
            members, decomposable = self.v.tetragraphs.get(code, ((), False))
            if self.o.tetragraph_expansion == "eyes-only":
                decomposable = decomposable and code in ("TEYE", "ACGU", "FVEY")
            if decomposable and members:
                out.update(members)
            else:
                out.add(code)
        return out

    def intersect(self, lists: list[tuple[str, ...]]) -> tuple[str, ...] | None:
        """Intersection of country lists; () when every list is the "REL" shorthand."""
        concrete = [lst for lst in lists if lst]
        if not concrete:
            return ()
        common = set.intersection(*(self.expand(lst) for lst in concrete))
        for tetra in sorted(set.intersection(*(set(lst) for lst in concrete))):
            members, _ = self.v.tetragraphs.get(tetra, ((), False))
            if members and set(members) <= common:
                common -= set(members) - {"USA"}
                common.add(tetra)
        common.discard("USA")
        return tuple(self.v.sort_codes(common)) if common else None

    def fdr(self, classified: bool) -> dict:
        parts = self.participants()
        if not parts:
            return {}
        noforn = {"dissem": {"NOFORN"}}
        if any(m.noforn or any(self.v.tokens[t].splits_into for t in m.nonic) for m in parts):
            return noforn
        with_fdr = [m for m in parts if self.has_fdr(m)]
        if not with_fdr:
            return {}
        if len(with_fdr) < len(parts):
            return noforn  # rules 12, 16, 19: FD&R portions with portions that have none
        result: dict = {"dissem": set()}
        if all(m.rel_to is not None or m.eyes is not None for m in parts):
            if all(m.eyes is not None and m.rel_to is None for m in parts):
                eyes = self.intersect([m.eyes for m in parts])  # type: ignore[misc]
                if eyes is not None:
                    result["eyes"] = eyes
            else:
                rel = self.intersect([m.rel_to if m.rel_to is not None else m.eyes for m in parts])  # type: ignore[misc]
                if rel is not None:
                    result["rel_to"] = rel
        if all("RELIDO" in m.dissem for m in parts):
            result["dissem"].add("RELIDO")
        if any(m.display_only is not None for m in parts) and \
                all(m.display_only is not None or m.rel_to for m in parts):
            lists = [tuple(set(m.display_only or ()) | set(m.rel_to or ())) for m in parts]
            common = set.intersection(*(self.expand(lst) for lst in lists)) - {"USA"}
            if "rel_to" in result:  # (a tetragraph released to stands for its members)
                common -= self.expand(result["rel_to"])
            if common:
                result["display_only"] = tuple(self.v.sort_codes(common))
        if len(result) == 1 and not result["dissem"]:
            return noforn
        return result
