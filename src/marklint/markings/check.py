"""check(): every problem of one marking string, each with its rule slug and columns.

Problems of how the string is written (syntax, form, order, duplicates, legacy forms) come from
the parser's notes; problems of meaning (marking-conflict: exclusive tokens, levels, missing
companions) are computed here from the Marking and the vocabulary.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from marklint.levels import LEVEL_RANKS
from marklint.markings.model import Marking, MarkingError, Problem
from marklint.markings.parser import analyse
from marklint.markings.vocab import Rule, Vocabulary
from marklint.markings.vocab_loader import default_vocabulary

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from marklint.markings.reader import Reader as Analysis

_LAST_US_RESTRICTED = datetime.date(1953, 12, 14)
_EYES_MEMBERS = frozenset({"AUS", "CAN", "GBR", "NZL"})  # F-12: EYES ONLY lists FVEY members only


def check(text: str, form: str = "auto", *, vocab: Vocabulary | None = None,
          era: datetime.date | None = None) -> list[Problem]:
    """All problems of one marking string, sorted by column; [] when it is valid.

    `era` is the document's date: legacy tokens and forms still valid at that date are not
    reported (None means today). Results are memoised.
    """
    if not isinstance(text, str):
        return [Problem("marking-syntax", 1, 2, "a marking must be a string")]
    if form not in ("auto", "banner", "portion"):
        form = "auto"
    return list(_check(text, form, vocab or default_vocabulary(), era or datetime.date.today()))


@lru_cache(maxsize=65536)
def _check(text: str, form: str, vocab: Vocabulary, when: datetime.date) -> tuple[Problem, ...]:
    try:
        analysis = analyse(text, form, vocab)
    except MarkingError as exc:
        replacement = exc.suggestion if exc.confident else None
        return (Problem(exc.rule, exc.column, exc.end_column, exc.message, replacement),)
    notes = [n for n in analysis.notes if n.since is None or when >= n.since]
    problems = [n.problem for n in notes]
    if not getattr(analysis, "allied", False):  # an allied reader judges its own conflicts
        conflicts = _Conflicts(analysis, vocab, when).run()
        # a token that may not stand with another is removed, not moved: its order is moot
        clashing = {p.column for p in conflicts if p.rule == "marking-conflict"}
        problems = [n.problem for n in notes if not (n.moves or n.problem.rule == "marking-order")
                    or n.problem.column not in clashing] + conflicts
    unique = list(dict.fromkeys(problems))
    return tuple(sorted(unique, key=lambda p: (p.column, p.end_column)))


class _Conflicts:
    """marking-conflict (and the bare-HCS legacy form) from the meaning of a marking."""

    def __init__(self, analysis: Analysis, vocab: Vocabulary, when: datetime.date) -> None:
        self.a = analysis
        self.when = when
        self.m: Marking = analysis.marking
        self.v = vocab
        self.out: list[Problem] = []
        m = self.m
        self.present = set(m.dissem) | set(m.nonic) | {a.id for a in m.aea}
        for name, tid in (("rel_to", "REL TO"), ("display_only", "DISPLAY ONLY"), ("eyes", "EYES ONLY")):
            if getattr(m, name) is not None:
                self.present.add(tid)
        self.level = "U" if m.level == "CUI" else m.level
        self.level_name = "CUI" if m.level == "CUI" else vocab.foreign_levels.get(m.level, (m.level,))[0]

    def span(self, key: str) -> tuple[int, int]:
        # a pure CUI marking has no level: its "CUI" stands in that place
        start, end = self.a.spans.get(key) or self.a.spans.get("level") or self.a.spans.get("cui") or (0, 1)
        return start + 1, end + 1

    def add(self, key: str, message: str, rule: str = "marking-conflict") -> None:
        start, end = self.span(key)
        self.out.append(Problem(rule, start, end, message))

    def run(self) -> list[Problem]:
        self.level_rules()
        self.tokens()
        self.sci()
        self.sap_aea()
        self.foreign()
        self.cui()
        self.advisories()
        return self.out

    def level_rules(self) -> None:
        m = self.m
        # EO 10290 (1951) had a fourth category, RESTRICTED; EO 10501 abolished it from 15 December 1953
        if m.scheme == "us" and m.level == "R" and self.when > _LAST_US_RESTRICTED:
            self.add("level", "RESTRICTED is not a US classification; only TOP SECRET, SECRET and "
                              "CONFIDENTIAL identify classified information (S-12)")

    def allowed(self, levels: frozenset[str]) -> bool:
        if self.level == "R" and self.m.scheme != "us":
            # the level table governs US levels; a foreign or NATO RESTRICTED sits between
            # UNCLASSIFIED and CONFIDENTIAL and takes what both allow (`(//NR//REL TO USA, NATO)`)
            return not levels or {"U", "C"} <= levels
        return not levels or self.level in levels

    def tokens(self) -> None:
        m, v = self.m, self.v
        seen_pairs: set[frozenset[str]] = set()
        for tid in sorted(self.present, key=lambda t: v.tokens[t].order):
            token = v.tokens[tid]
            # one finding per token: the first of these that applies
            legacy_with_cui = token.not_with_cui and m.cui
            if legacy_with_cui:
                self.add(tid, f'"{tid}" is a legacy marking that is not used together with CUI (U-16)')
            elif token.cui_only and not m.cui:
                self.add(tid, f'"{tid}" is a CUI limited dissemination control; it needs "CUI" (U-06)')
            elif m.scheme == "cui" and token.category == "dissem" and tid not in v.ldcs:
                self.add(tid, f'"{tid}" is not a CUI limited dissemination control (U-06)')
            elif not self.allowed(token.levels):
                self.add(tid, f'"{tid}" is not used with {self.level_name} '
                              f'(allowed: {", ".join(sorted(token.levels, key=_rank_desc))})')
            for req in token.requires:
                if req not in self.present:
                    self.add(tid, f'"{tid}" requires "{req}"')
            for other in token.excludes + token.beats:
                pair = frozenset((tid, other))
                if other in self.present and pair not in seen_pairs:
                    seen_pairs.add(pair)
                    winner = f'; "{tid}" takes precedence' if other in token.beats else ""
                    self.add(other if self.span(other) > self.span(tid) else tid,
                             f'"{tid}" and "{other}" are never used together{winner}')
            if token.requires_category and (token.requires_category, False) not in m.cui_categories \
                    and (token.requires_category, True) not in m.cui_categories:
                self.add(tid, f'"{tid}" is used only with the CUI category {token.requires_category} (U-07)')
            if token.rollup == "superseded" and not legacy_with_cui:  # U-16 says it: once per token
                others = [t for t in self.present if t != tid and not v.tokens[t].fdr]
                if others:
                    self.add(tid, f'"{tid}" is superseded by "{sorted(others)[0]}" and is not shown with it (F-09)')
            if token.splits_into and m.is_classified and self.a.form == "banner":
                self.add(tid, f'in a classified banner "{tid}" is written '
                              f'"{"//".join(token.splits_into)}" (N-03)')
        if m.eyes:
            bad = sorted(set(m.eyes) - _EYES_MEMBERS)
            if bad:
                self.add("EYES ONLY", f"EYES ONLY lists only AUS, CAN, GBR and NZL after USA, not {', '.join(bad)} (F-12)")

    def rule(self, key: str, what: str, rule: Rule, reported: tuple[str, ...] = (), level: bool = True) -> bool:
        """Level, companion and exclusion rules of one SCI system, compartment or sub-compartment;
        a companion its parent requires too (`reported`) is reported once, for the parent, and
        the level only when `level`. Returns whether the level was reported."""
        wrong_level = level and not self.allowed(rule.levels)
        if wrong_level:
            nato = key in self.v.sci_nato
            with_ = "COSMIC TOP SECRET" if nato and rule.levels == {"TS"} else self.level_name
            self.add(key, f"{what} is used only with {with_} (A-02)" if nato
                     else f"{what} is not used with {self.level_name} (K-04)")
        for req in rule.requires:
            if req not in self.present and req not in reported:
                self.add(key, f'{what} requires "{req}" (K-05)')
        for exc in rule.excludes:
            if exc in self.present:
                self.add(key, f'{what} is never used with "{exc}" (K-06)')
        return wrong_level

    def sci(self) -> None:
        m, v = self.m, self.v
        if (m.sci or m.sap) and not m.is_classified:
            self.add("level", "SCI and SAP markings are used only on classified information (K-07)")
        for system_id, comps in m.sci:
            system = v.sci_systems.get(system_id)
            if system is None:
                continue
            # one level problem per system: K-07 says it for UNCLASSIFIED, else the highest part that fails
            level = m.is_classified and not self.rule(system_id, system_id, system.rule, level=m.is_classified)
            if not comps and system.bare == "error":
                self.add(system_id, f'"{system_id}" never stands alone; it needs a compartment (K-03)')
            elif not comps and system.bare == "legacy":
                self.add(system_id, f'bare "{system_id}" is a retired form; use {system.bare_replacement} (K-03)',
                         "legacy-marking")
            for comp_id, subs in comps:
                comp = system.compartments.get(comp_id) or system.compartments.get("*")
                if comp is None:
                    continue
                comp_level = level and not self.rule(system_id, f"{system_id}-{comp_id}", comp.rule,
                                                     tuple(system.rule.requires), level)
                if subs:
                    self.rule(system_id, f"{system_id}-{comp_id} sub-compartments", comp.subs,
                              (*system.rule.requires, *comp.rule.requires), comp_level)

    def sap_aea(self) -> None:
        m, v = self.m, self.v
        if m.accm and not self.allowed(v.accm_levels):
            self.add(f"ACCM-{m.accm[0]}", "ACCM markings are used only with classified information (ISM-ID-00462)")
        if m.sap and m.is_classified and not self.allowed(v.sap_levels):
            self.add("level", f"SAP markings are not used with {self.level_name} (K-09)")
        if v.sap_dod_multiple is not None and self.a.form == "banner" and len(m.sap) >= v.sap_dod_multiple:
            spans = [it for it in self.a.items if it.slot == "sap"]
            self.out.append(Problem("marking-form", spans[0].start + 1, spans[-1].end + 1,
                                    f"under DoD rules a banner with {v.sap_dod_multiple} or more programs reads "
                                    f'"SAR-{v.sap_multiple_name}" (K-10)', f"SAR-{v.sap_multiple_name}"))
        for item in m.aea:
            if item.cnwdi and not self.allowed(v.aea_subsets["CNWDI"]["levels"]):
                self.add(item.id, f"CNWDI is not used with {self.level_name} (K-12)")
            if item.sigma and not self.allowed(v.aea_subsets["SIGMA"]["levels"]):
                self.add(item.id, f"SIGMA is not used with {self.level_name} (K-12)")

    def foreign(self) -> None:
        m = self.m
        if m.fgi and "USA" in m.fgi:
            self.add("FGI", "FGI names the foreign sources; USA is not one (K-16)")
        if m.scheme == "foreign" and "USA" in m.owners:
            self.add("level", "US information is not marked with owner codes: a US level, or JOINT when "
                              "co-owned with other countries (S-03, K-20)")
        if m.scheme != "joint":
            return
        if m.owners and ("USA" not in m.owners or len(m.owners) < 2):
            self.add("level", "JOINT owners include USA and at least one other co-owner (K-20)")
        if not m.owners and m.rel_to:
            self.add("level", 'a JOINT portion without owners uses the shorthand "REL" (K-22)')
        if m.level == "R":
            self.add("level", "JOINT is never RESTRICTED (K-21)")
        if any(t[0] == "HCS" for t in m.sci):
            self.add("HCS", "JOINT is never used with HCS (K-21)")
        if "NOFORN" in self.present:
            self.add("NOFORN", "JOINT is never used with NOFORN (K-21)")
        elif m.rel_to is None:
            self.add("level", "a JOINT marking needs REL TO with every co-owner (K-20)")
        elif m.rel_to:
            # a co-owner is named itself or, a country, by a tetragraph it belongs to
            missing = sorted(set(m.owners) - set(m.rel_to) - self.v.expand_codes(m.rel_to) - {"USA"})
            if missing:
                self.add("REL TO", f"REL TO must include every JOINT co-owner; missing {', '.join(missing)} (K-20)")

    def advisories(self) -> None:
        """marking-advisory: combinations the rules allow but advise against."""
        m = self.m
        fdr = m.noforn or m.rel_to is not None or m.display_only is not None or m.eyes is not None \
            or "RELIDO" in m.dissem
        for item in m.aea:
            if item.id in ("RD", "FRD") and m.scheme == "us" and not fdr:
                self.add(item.id, f'{item.id} is normally NOFORN unless an AEA section 123 or 144 agreement '
                                  "allows release: add NOFORN or the release marking (K-14)", "marking-advisory")
        if "PROPIN" in m.dissem and m.scheme == "us" and m.level in ("TS", "S", "C") and not fdr:
            self.add("PROPIN", "classified PROPIN information also carries an explicit foreign disclosure and release "
                               "marking: NOFORN, REL TO, RELIDO or DISPLAY ONLY (F-14)", "marking-advisory")
        if any(t[0] == "RSV" for t in m.sci) and not m.noforn:
            self.add("RSV", "RSV is normally NOFORN (ISM-ID-00464; marking-rules.md (d)5)", "marking-advisory")
        if "DL ONLY" in self.present:
            others = sorted((self.present & self.v.ldcs) - {"DL ONLY"})
            if others:
                self.add("DL ONLY", f'"DL ONLY" supersedes the other limited dissemination controls '
                                    f'({", ".join(others)}): the dissemination list governs (U-08)', "marking-advisory")
        if m.scheme == "nato" and (m.noforn or m.eyes is not None):
            key = "NOFORN" if m.noforn else "EYES ONLY"
            self.add(key, f"NATO classification markings do not carry {key} (A-04, CAPCO08 2)", "marking-advisory")

    def cui(self) -> None:
        m = self.m
        if m.cui_categories and not m.cui:
            self.add(_first_category(self.a), 'CUI categories need the "CUI" control marking before them (U-14)')


def _first_category(a: Analysis) -> str:
    for item in a.items:
        if item.slot == "cuicat":
            return item.key
    return "level"


def _rank_desc(level: str) -> int:
    return -LEVEL_RANKS.get(level, 0)
