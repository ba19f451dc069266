"""Reading the compartmented parts of a marking: FGI (K-16), ACCM (N-04), a legacy
declassification value (L-07), AEA markings and their subsets (K-11), special access programs
(K-08) and SCI control systems with compartments and sub-compartments (K-01..K-03, S-13).
"""

from __future__ import annotations

import datetime
import re

from marklint.markings.model import Aea, MarkingError, Tree, sort_key
from marklint.markings.reading import _WORD, ReadState, Value, _close, _normal, _tree
from marklint.markings.render import render_tree
from marklint.markings.vocab import Compartment

_BANNER_DECL_RETIRED = datetime.date(2008, 2, 1)  # L-07: declassification value in a banner


class CompartmentReader(ReadState):
    """The `fgi`, `accm`, `declassification`, `aea` and `sap` rules of the grammar, and SCI."""

    def read_fgi(self, value: Value, up: str) -> None:
        v = self.v
        head = "FOREIGN GOVERNMENT INFORMATION" if up.startswith("FOREIGN GOVERNMENT INFORMATION") else "FGI"
        words = [(m.group(), m.start() + value.start, m.end() + value.start) for m in re.finditer(_WORD, value.text)]
        codes_w = words[len(head.split()):]
        if self.form == "portion" and head != "FGI":
            self.note("marking-form", value.start, words[len(head.split()) - 1][2],
                      'a portion mark uses "FGI"', "FGI")
        codes = []
        for w, s, e in codes_w:
            if not v.is_owner(w.upper()):
                raise self.unknown(w, s, e, "country code", sorted(v.trigraphs) + sorted(v.tetragraphs))
            codes.append(w.upper())
        joined = re.search(r"[,-]", value.text) is not None
        if joined:
            self.note("marking-syntax", value.start, value.end, "FGI codes are separated by single spaces (K-16)",
                      " ".join(["FGI"] + v.sort_codes(codes, usa_first=False)))
        canonical = v.sort_codes(codes, usa_first=False)
        # a repeated code is dropped (S-08), not moved: only the first of each is in order or not
        if list(dict.fromkeys(codes)) != canonical and not joined:
            self.note("marking-order", codes_w[0][1], codes_w[-1][2],
                      "FGI codes go trigraphs alphabetically, then tetragraphs (K-16)", " ".join(canonical))
        if len(set(codes)) != len(codes):
            self.note("marking-duplicate", value.start, value.end, "an FGI code is repeated (S-08)",
                      None if joined else " ".join(["FGI", *canonical]))
        if self.f["fgi"] is not None:
            self.note("marking-duplicate", value.start, value.end, '"FGI" is repeated (S-08)')
            codes = list(set(codes) | set(self.f["fgi"]))
        self.f["fgi"] = tuple(v.sort_codes(codes, usa_first=False))
        self.add("fgi", "FGI", value.start, value.end, value.cat)

    def read_accm(self, value: Value, name: str) -> None:
        if not re.fullmatch(r"[A-Z0-9]+(?: [A-Z0-9]+)*", name):
            raise MarkingError('an ACCM needs a name: "ACCM-NAME"', value.start + 1, value.end + 1)
        if name in self.f["accm"]:
            self.note("marking-duplicate", value.start, value.end, f'"ACCM-{name}" is repeated (S-08)')
        else:
            self.f["accm"].append(name)
        self.add("nonic", f"ACCM-{name}", value.start, value.end, value.cat, (len(self.v.tokens), name))

    def read_decl(self, value: Value, up: str) -> None:
        self.f["legacy_decl"] = up
        self.f["legacy"].append(up)
        self.note("legacy-marking", value.start, value.end,
                  "a declassification value in the banner is a pre-2008 form (L-07); it belongs in the "
                  "classification authority block", since=_BANNER_DECL_RETIRED)
        self.add("decl", up, value.start, value.end, value.cat)

    def read_aea(self, value: Value, up: str) -> None:
        v = self.v
        parts = [p.strip() for p in up.split("-")]
        head = {"RESTRICTED DATA": "RD", "FORMERLY RESTRICTED DATA": "FRD"}.get(parts[0], parts[0])
        token = v.tokens[head]
        if parts[0] != head and self.form == "portion":
            self.note("marking-form", value.start, value.end, f'a portion mark uses "{head}" (S-09)')
        cnwdi = False
        sigma: list[int] = []
        for part in parts[1:]:
            words = part.split()
            sub = words[0] if words else ""
            cnwdi_names = ("CNWDI", v.aea_subsets.get("CNWDI", {}).get("title"))
            if part in cnwdi_names:
                if head not in v.aea_subsets["CNWDI"]["parents"]:
                    self.note("marking-conflict", value.start, value.end, "CNWDI is a subset of RD only (K-11)")
                if part != "CNWDI" and self.form == "portion":
                    self.note("marking-form", value.start, value.end, 'a portion mark uses "CNWDI" (S-09)')
                cnwdi = True
            elif sub in ("SIGMA", v.aea_subsets["SIGMA"]["portion"]):
                spelled = "SIGMA" if self.form == "banner" else v.aea_subsets["SIGMA"]["portion"]
                if sub != spelled:
                    self.note("marking-form", value.start, value.end,
                              f'{"a portion" if self.form == "portion" else "a banner"} writes "{spelled}" (K-11)')
                nums = []
                for n in words[1:]:
                    if not n.isdigit() or int(n) not in v.aea_subsets["SIGMA"]["numbers"]:
                        raise self.unknown(n, value.start, value.end, "SIGMA number",
                                           [str(x) for x in v.aea_subsets["SIGMA"]["numbers"]])
                    nums.append(int(n))
                if nums != sorted(nums):
                    self.note("marking-syntax", value.start, value.end, "SIGMA numbers are in ascending order (K-11)")
                if len(set(nums)) != len(nums):
                    self.note("marking-duplicate", value.start, value.end, "a SIGMA number is repeated (S-08)")
                if not nums:
                    self.note("marking-syntax", value.start, value.end, "SIGMA needs its numbers (K-11)")
                sigma.extend(nums)
            else:
                raise self.unknown(part, value.start, value.end, "AEA subset", ["CNWDI", "SIGMA", "SG"])
        item = Aea(head, cnwdi, tuple(sorted(set(sigma))))
        if head in self.f["aea"]:
            self.note("marking-duplicate", value.start, value.end, f'"{head}" is repeated (S-08)')
            old = self.f["aea"][head]
            item = Aea(head, old.cnwdi or cnwdi, tuple(sorted(set(old.sigma) | set(sigma))))
        self.f["aea"][head] = item
        self.add("aea", head, value.start, value.end, value.cat, (token.order,))

    def read_sap(self, value: Value, raw: str, repeated: bool, continued: bool = False) -> None:
        v = self.v
        up = _normal(raw)
        if not continued:
            indicator = "SAR" if up.startswith("SAR-") else v.sap_title
            if indicator != "SAR" and self.form == "portion":
                self.note("marking-form", value.start, value.end, 'a portion mark uses "SAR-" (S-09)')
            if not up.startswith(indicator + "-") or len(up) <= len(indicator) + 1:
                raise MarkingError(f'"{indicator}" needs a program identifier: "{indicator}-XXX"',
                                   value.start + 1, value.end + 1)
            up = up[len(indicator) + 1:]
            if repeated and v.sap_dod_multiple is None:
                self.note("legacy-marking", value.start, value.start + len(indicator) + 1,
                          'repeating "SAR-" before each program is the pre-December 2011 (and DoD) form (K-08, L-07)',
                          "", since=v.sap_repeat_retired)
        segments = [s.strip() for s in up.split("-")]
        if v.sap_dod_multiple is not None:  # DoD: a dash is part of the program's name, not hierarchy (K-10)
            segments = [up.strip()] if up.strip() == v.sap_multiple_name or all(
                re.fullmatch(v.sap_identifier, s) for s in segments) else segments
        name = segments[0]
        abbr = v.sap_programs.get(name)
        if abbr is not None:
            if self.form == "portion":
                self.note("marking-form", value.start, value.end, f'a portion mark uses the program abbreviation "{abbr}" (K-08)')
            name = abbr
        elif up.strip() == v.sap_multiple_name and v.sap_dod_multiple is None:
            raise MarkingError(f'"SAR-{v.sap_multiple_name}" is the DoD form for several programs (K-10); under '
                               "IC rules each program is listed; lint with --rules us-dod",
                               value.start + 1, value.end + 1, "marking-unknown-token", up.strip())
        elif not (re.fullmatch(v.sap_identifier, name) or v.sap_dod_multiple is not None and (
                name == v.sap_multiple_name or all(re.fullmatch(v.sap_identifier, s) for s in name.split("-")))):
            raise self.unknown(name, value.start, value.end, "special access program",
                               sorted(v.sap_programs.values()))
        tree = _tree(name, segments[1:])
        self.check_tree_order(tree, segments[1:], value, "K-08", "" if continued else "SAR-")
        if any(t[0] == name for t in self.f["sap"]):
            self.note("marking-duplicate", value.start, value.end, f'"SAR-{name}" is repeated (S-08)')
        self.f["sap"].append(tree)
        self.add("sap", f"SAR-{name}", value.start, value.end, value.cat, sort_key(name))

    def read_sci(self, value: Value, up: str) -> None:
        v = self.v
        raw_segments = up.split("-")
        segments = [s.strip() for s in raw_segments]
        first_words = segments[0].split()
        system = segments[0]
        extra: list[str] = []
        if system in v.sci_titles:
            if self.form == "portion":
                self.note("marking-form", value.start, value.end,
                          f'a portion mark uses "{v.sci_titles[system]}" (S-09)')
            system = v.sci_titles[system]
        elif first_words[0] not in v.sci_systems and first_words[0] in v.sci_compartments:
            # "G ABCD": a compartment without its control system (K-03)
            parent = v.sci_compartments[first_words[0]]
            if any(t[0] == parent for t in self.f["sci"]):  # "SI/G": "/" written for "-"
                start = next((s for _k, _r, s, e in self.separators if e == value.start), value.start)
                self.note("marking-syntax", start, value.end,
                          f'a compartment follows its control system after "-": "{parent}-{first_words[0]}" (K-01)')
            else:
                self.note("marking-conflict", value.start, value.end,
                          f'the compartment "{first_words[0]}" needs its control system: "{parent}-{first_words[0]}" (K-03)')
            system, extra = parent, first_words
        elif len(first_words) > 1 and first_words[0] in v.sci_systems:
            # "SI G ABCD": a compartment written without its hyphen (K-01)
            system, extra = first_words[0], first_words[1:]
            self.note("marking-syntax", value.start, value.end,
                      "a compartment follows its control system after a hyphen (K-01)")
        if system in v.sci_legacy:
            word = v.sci_legacy[system]
            self.f["legacy"].append(word.id)
            self.note("legacy-marking", value.start, value.end,
                      f'"{system}" is retired; use {word.replacement}', since=word.retired)
            system = word.current or word.id
        elif system in v.sci_elsewhere:  # a word of another rule set's vocabulary
            end = value.start + len(value.text.split("-")[0].rstrip())
            raise MarkingError(f'"{system}" is {v.sci_elsewhere[system]}', value.start + 1, end + 1,
                               "marking-unknown-token", system)
        elif system in v.cui_administrative:  # `SECRET//DRAFT`: an administrative marking (U-12)
            raise MarkingError(f'"{system}" is an administrative marking: it goes on a line of its own, never '
                               "inside a banner or portion mark (U-12)", value.start + 1, value.start + len(system) + 1,
                               "marking-conflict", system)
        elif system not in v.sci_systems:
            # an unpublished system is one alphanumeric word (S-13)
            shaped = re.fullmatch(v.sci_unpublished, system) is not None
            near = _close(system, v.known_words()) if len(system) >= 4 else []
            end = value.start + len(value.text.split("-")[0].rstrip())
            # SCI never shares a category with other controls, nor stands in a pure CUI marking:
            # there an unknown word is a misspelt control, not an unpublished system
            misplaced = self.scheme == "cui" or any(it.cat == value.cat and it.slot != "sci" for it in self.items)
            if not shaped or near or misplaced:
                raise self.unknown(first_words[0] if extra else value.text.split("-")[0].strip(), value.start, end)
            if not re.fullmatch(v.sci_abbreviation, system):
                import difflib

                pool = sorted(set(v.sci_systems) | set(v.sci_titles))
                # a clearly close control of another kind is the likelier meaning (NOFROM: NOFORN)
                nearest = (difflib.get_close_matches(system, v.known_words(), n=1, cutoff=0.6)
                           or difflib.get_close_matches(system, pool, n=1, cutoff=0.0) or ["none"])[0]
                self.note("marking-unregistered", value.start, end,
                          f'"{system}" is not a registered SCI control system (nearest: "{v.sci_titles.get(nearest, nearest)}"); '
                          "an unpublished system, or a mistake? (S-13)")
        if any(s != s.strip() for s in raw_segments[1:]) or " -" in value.text or "- " in value.text:
            self.note("marking-syntax", value.start, value.end, 'no spaces around "-" in SCI markings (K-01)')
        comps = ([" ".join(extra)] if extra else []) + segments[1:]
        comps_long = []
        sysdef = v.sci_systems.get(system)
        for comp in comps:
            words = comp.split()
            if not words:
                raise MarkingError("empty SCI compartment", value.start + 1, value.end + 1)
            cname = words[0]
            if sysdef is not None:
                by_title = {c.title.upper(): c.id for c in sysdef.compartments.values() if c.title}
                long_title = " ".join(words[: len(words)])
                if long_title in by_title or cname in by_title:
                    cid = by_title.get(long_title) or by_title[cname]
                    if self.form == "portion":
                        self.note("marking-form", value.start, value.end, f'a portion mark uses "{cid}" (S-09)', None)
                    words = [cid] + (words[1:] if cname in by_title else [])
                elif cname not in sysdef.compartments and len(cname) >= 4:
                    # like a system word (S-13): an unregistered compartment close to a registered
                    # one of its system is a misspelling of it (SI-GAMA), not an unpublished one
                    known = tuple(c for c in (*sysdef.compartments, *by_title) if c != "*")
                    if _close(cname, known):
                        at = value.start + value.text.upper().find(cname, len(raw_segments[0]))
                        raise self.unknown(cname, at, at + len(cname), f"{system} compartment", list(known))
            if cname in v.sci_forbidden:
                self.note("marking-syntax", value.start, value.end,
                          f'"{cname}" type indicators are not used in SCI markings (K-02)')
                words = words[1:]
                if not words:
                    continue
            if sysdef is not None:
                self.check_shapes(value, system, sysdef.compartments, words, len(raw_segments[0]))
            comps_long.append(" ".join(words))
        tree = _tree(system, comps_long)
        self.check_tree_order(tree, comps_long, value, "K-01")
        same = [t for t in self.f["sci"] if t[0] == system]
        if same and extra and first_words[0] in v.sci_compartments and system != first_words[0]:
            # the stray compartment joins its system's tree (reported above)
            self.f["sci"].remove(same[0])
            tree = _tree(system, [" ".join((c, *subs)) for c, subs in same[0][1]] + comps_long)
        elif same:
            self.note("marking-duplicate", value.start, value.end, f'"{system}" is repeated (S-08)')
        self.f["sci"].append(tree)
        self.add("sci", system, value.start, value.end, value.cat, v.sci_key(system))

    def check_shapes(self, value: Value, system: str, compartments: dict[str, Compartment], words: list[str],
                     after: int) -> None:
        """An unregistered compartment word and the sub-compartment words after a compartment take
        the shapes A3 gives them (`SI-ABC`, `SI-G ABCD`, `HCS-P JJJ`): else marking-syntax at the word."""
        comp = compartments.get(words[0])
        checks = []
        if comp is None:
            comp = compartments.get("*")
            checks.append((words[0], comp.shape if comp else None, f"unregistered {system} compartments"))
        checks += [(sub, comp.sub_shape if comp else None, f"{system}-{words[0]} sub-compartments") for sub in words[1:]]
        text = value.text.upper()
        for word, shape, what in checks:
            found = re.compile(rf"(?<![A-Z0-9]){re.escape(word)}(?![A-Z0-9])").search(text, after)
            if found is None:  # a title written for the compartment (SI-GAMMA ABCD)
                continue
            after = found.end()
            if shape is not None and not re.fullmatch(shape.pattern, word):
                self.note("marking-syntax", value.start + found.start(), value.start + after,
                          f'{what} are {shape.says}, not "{word}" (A3, K-01)')

    def check_tree_order(self, tree: Tree, written: list[str], value: Value, rule_id: str,
                         prefix: str = "") -> None:
        written_tree = [(w.split()[0], tuple(w.split()[1:])) for w in written]
        unique = [(c, tuple(dict.fromkeys(subs))) for c, subs in dict.fromkeys(written_tree)]
        ordered = unique == list(tree[1])
        if unique != written_tree:  # the order note, if any, carries the one replacement
            self.note("marking-duplicate", value.start, value.end,
                      f'a compartment or sub-compartment of "{tree[0]}" is repeated (S-08)',
                      prefix + render_tree(tree) if ordered else None)
        if not ordered:
            self.note("marking-syntax", value.start, value.end,
                      f"compartments and sub-compartments are sorted, numbers first ({rule_id})",
                      prefix + render_tree(tree))
