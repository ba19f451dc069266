"""Reading a marking string: structure (grammar), then meaning (vocabulary).

`analyse()` turns a string into a Marking plus the problems of how it was written (syntax,
form, order, duplicates, legacy forms), or raises MarkingError when the meaning cannot be
recovered. It is tolerant by design: out-of-order categories, long titles in portions, spaces
around `//`, lower case or `NF` in a banner are understood, so that fix mode can re-render the
marking canonically; check() reports how it was written.

Structure comes from marklint.markings.structure (the lark grammar); meaning from the vocabulary.
"""

from __future__ import annotations

import datetime
import os
import re
from functools import lru_cache

from marklint.markings import allied
from marklint.markings.model import Aea, Marking, MarkingError, Note, Problem, Tree, sort_key
from marklint.markings.render import render_tree
from marklint.markings.structure import Layout, Value, split
from marklint.markings.vocab import Token, Vocabulary, default_vocabulary


# Slots in register order (S-06): classification // SCI // SAP // AEA // FGI // CUI //
# CUI categories // IC dissem (and CUI LDCs) // non-IC dissem // legacy declassification.
SLOTS = ("level", "sci", "sap", "aea", "fgi", "cui", "cuicat", "dissem", "nonic", "decl")
SLOT_NAMES = {"level": "classification", "sci": "SCI control", "sap": "special access program",
              "aea": "AEA marking", "fgi": "FGI marking", "cui": "CUI marking", "cuicat": "CUI category",
              "dissem": "dissemination control", "nonic": "non-IC dissemination control",
              "decl": "declassification value"}
_COMMA_DISSEM_RETIRED = datetime.date(2005, 7, 1)  # S-05, L-07: comma-separated dissems
_BANNER_DECL_RETIRED = datetime.date(2008, 2, 1)  # L-07: declassification value in a banner
# Pattern strings, compiled by `re` at first use (its cache): simple markings never need them.
_DECL = r"OADR|MR|X[1-8]|25X[1-9](?:-HUMAN)?|50X1-HUM|50X2-WMD|(?:50|75)X[1-9]|\d{8}"
_WORD = r"[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*"
_LIST_PREFIXES = (("REL TO ", "REL TO"), ("RELEASABLE TO ", "REL TO"),
                  ("AUTHORIZED FOR RELEASE TO ", "REL TO"), ("DISPLAY ONLY ", "DISPLAY ONLY"))
_LIST_HEADS = frozenset(p.split()[0] for p, _ in _LIST_PREFIXES)
_AEA_HEADS = frozenset({"RD", "FRD", "RESTRICTED DATA", "FORMERLY RESTRICTED DATA"})
_LIST_PART = r"([A-Za-z0-9_]+)|[^A-Za-z0-9_]+"
_HYPHEN_BLANKS = r"\s*-\s*"
# EYES ONLY with its list written around it: "EYES ONLY USA, GBR", "GBR EYES ONLY" (F-12 forms
# other than "USA/GBR EYES ONLY", which read_eyes handles)
_EYES_LIST = r"EYES(?: ONLY)? ((?:[A-Z]{3,4}[ ,/]+)*[A-Z]{3,4})|((?:[A-Z]{3,4}[ ,/]+)*[A-Z]{3,4}) EYES(?: ONLY)?"


# --------------------------------------------------------------------------- meaning


# Plain classes rather than dataclasses: a dataclass costs milliseconds of start-up to define.
class Item:
    """One understood value: its slot, its key (for order/duplicates) and its span."""

    __slots__ = ("slot", "key", "start", "end", "cat", "order")

    def __init__(self, slot: str, key: str, start: int, end: int, cat: int, order: tuple = ()) -> None:
        self.slot = slot
        self.key = key
        self.start = start
        self.end = end
        self.cat = cat
        self.order = order


class Analysis:
    """A read marking: its meaning, its items with their spans, and (lazily) the notes."""

    def __init__(self, reader: _Reader, marking: Marking) -> None:
        self.marking = marking
        self.form = reader.form  # "banner" | "portion"
        self.items = reader.items
        self.spans = reader.spans
        self._reader: _Reader | None = reader
        self._notes = reader.notes

    @property
    def notes(self) -> list[Note]:
        """Every problem of how the marking is written (computed on first use: parse() skips it)."""
        if self._reader is not None:
            self._reader.check_separators()
            self._reader.check_order()
            self._notes = self._reader.notes
            self._reader = None
        return self._notes


class _Reader:
    """Reads the values of one marking into Marking fields, collecting notes."""

    def __init__(self, text: str, layout: Layout, form: str, vocab: Vocabulary) -> None:
        self.text = text
        self.layout = layout
        self.form = form
        self.v = vocab
        self.notes: list[Note] = []
        self.items: list[Item] = []
        self.spans: dict[str, tuple[int, int]] = {}
        self.f: dict = {"sci": [], "sap": [], "aea": {}, "fgi": None, "cui": False, "cuicat": [], "accm": [],
                        "dissem": set(), "rel_to": None, "display_only": None, "eyes": None,
                        "nonic": set(), "legacy_decl": None, "legacy": []}
        self.scheme = "us"
        self.level = ""
        self.owners: tuple[str, ...] = ()

    # -- helpers

    def note(self, rule: str, start: int, end: int, message: str, replacement: str | None = None,
             since: datetime.date | None = None) -> None:
        self.notes.append(Note(Problem(rule, start + 1, end + 1, message, replacement), since))

    def unknown(self, word: str, start: int, end: int, noun: str = "marking word",
                candidates: list[str] | None = None) -> MarkingError:
        import difflib

        pool = candidates if candidates is not None else self.v.known_words()
        target = word.upper()
        scored = [(difflib.SequenceMatcher(None, target, c).ratio(), c)
                  for c in difflib.get_close_matches(target, pool, n=50, cutoff=0.6)]
        # equally close: prefer the candidate that starts like the word (GBX -> GBR, not VGB)
        scored.sort(key=lambda rc: (-rc[0], -len(os.path.commonprefix([target, rc[1]])), rc[1]))
        close = [c for _, c in scored]
        suggestion = close[0] if close else None
        if suggestion and candidates is None:
            hit = self.v.token(suggestion)
            if hit:
                noun = {"dissem": "dissemination control", "nonic": "non-IC dissemination control",
                        "aea": "AEA marking"}[hit[0].category]
        message = f'unknown {noun} "{word}"' + (f'; did you mean "{suggestion}"?' if suggestion else "")
        error = MarkingError(message, start + 1, end + 1, "marking-unknown-token", word, suggestion)
        # a fix may apply the suggestion only when it is clearly the one meant
        ratio = [r for r, _ in scored]
        error.confident = bool(ratio) and ratio[0] >= 0.8 and (len(ratio) == 1 or ratio[1] < 0.8)
        return error

    def case(self, written: str, expected: str, start: int) -> None:
        if written != expected and written.upper() == expected.upper():
            self.note("marking-form", start, start + len(written),
                      f'"{written}" must be written "{expected}" (S-01)', expected)

    def add(self, slot: str, key: str, start: int, end: int, cat: int, order: tuple = ()) -> None:
        self.items.append(Item(slot, key, start, end, cat, order))
        self.spans.setdefault(key, (start, end))

    # -- classification

    def read_level(self, value: Value) -> None:
        v = self.v
        if not self.layout.leading:
            # the common case first: a US level spelled as one of its forms
            hit = v.us_spellings.get(" ".join(value.text.upper().split()))
            if hit is not None:
                self.scheme, self.level = "us", hit
                banner, portion = v.us_levels[hit]
                self._level_form(value, " ".join(value.text.upper().split()), banner, portion)
                return
        words = [(m.group(), m.start() + value.start, m.end() + value.start) for m in re.finditer(_WORD, value.text)]
        up = [w.upper() for w, _, _ in words]
        text = " ".join(up)
        if self.layout.leading or self._foreign_shape(up):
            if not self.layout.leading:
                self.note("marking-syntax", value.start, value.start,
                          "a non-US or JOINT marking begins with // (S-11)", "//")
            self.read_foreign(value, words, up)
            return
        for level, (banner, portion) in v.us_levels.items():
            if text == banner or text == portion:
                self.scheme, self.level = "us", level
                self._level_form(value, text, banner, portion)
                return
        if text in (v.cui_marker, *v.cui_banner_aliases):
            self.scheme, self.level = "cui", "CUI"
            self.f["cui"] = True
            self.spans["cui"] = (value.start, value.end)
            if text != v.cui_marker and self.form == "portion":
                self.note("marking-form", value.start, value.end,
                          f'portion marks use "{v.cui_marker}", not "{value.text}" (U-02)', v.cui_marker)
            self.case(value.text, text, value.start)
            return
        if text in ("RESTRICTED", "R"):
            self.scheme, self.level = "us", "R"
            self.spans["level"] = (value.start, value.end)
            return
        # A US level followed by stray words ("SECRET SENSITIVE", S-12) or a control written
        # in the first category: report the first word that is not part of a level.
        for level, (banner, portion) in v.us_levels.items():
            for spelled in (banner, portion):
                n = len(spelled.split())
                if up[:n] == spelled.split() and len(up) > n:
                    w, s, e = words[n]
                    raise self.unknown(w, s, e, "classification qualifier", candidates=[])
        raise self.unknown(value.text, value.start, value.end, "classification",
                           candidates=[b for b, _ in v.us_levels.values()] + [p for _, p in v.us_levels.values()]
                           + [v.cui_marker])

    def _foreign_shape(self, up: list[str]) -> bool:
        """Owner codes followed by a level, or a NATO level, written without the leading //."""
        if len(up) >= 2 and all(self.v.is_country(c) for c in up[:-1]) and \
                any(up[-1] in (b, p) for b, p in self.v.foreign_levels.values()):
            return True
        return " ".join(up) in self.v.nato_banners or (up and up[0] == "JOINT")

    def _level_form(self, value: Value, text: str, banner: str, portion: str) -> None:
        self.spans["level"] = (value.start, value.end)
        if self.form == "banner" and text == portion and portion != banner:
            self.note("marking-form", value.start, value.end,
                      f'the classification in a banner is spelled out: "{banner}" (S-02)', banner)
        elif self.form == "portion" and text == banner and portion != banner:
            self.note("marking-form", value.start, value.end,
                      f'a portion mark uses the abbreviation "{portion}" (S-02)', portion)
        else:
            self.case(value.text, " ".join(value.text.upper().split()), value.start)

    def read_foreign(self, value: Value, words: list[tuple[str, int, int]], up: list[str]) -> None:
        v = self.v
        self.spans["level"] = (value.start, value.end)
        text = " ".join(up)
        for level, (banner, portion) in v.nato_levels.items():
            if text in (banner, portion):
                self.scheme, self.level = "nato", level
                self._level_form(value, text, banner, portion)
                return
        if text in v.nato_legacy:
            self.read_nato_legacy(value, text)
            return
        if text in ("NATO TOP SECRET", "NATO TS", "NTS"):
            cts_banner, cts_portion = v.nato_levels["TS"]
            self.scheme, self.level = "nato", "TS"
            self.note("marking-form", value.start, value.end,
                      f'NATO\'s top level is "{cts_banner if self.form == "banner" else cts_portion}"; '
                      '"NATO TOP SECRET" is not used (A-01)',
                      cts_banner if self.form == "banner" else cts_portion)
            return
        if self.read_nato_nac(value, up):
            return
        joint = up[0] == "JOINT"
        fgi = up[0] == "FGI"
        rest = up[1:] if joint or fgi else up
        rest_words = words[1:] if joint or fgi else words
        # the level is the longest run of words that spells a level
        for level, (banner, portion) in v.foreign_levels.items():
            for spelled in (banner, portion):
                n = len(spelled.split())
                if joint:
                    head, codes = rest[:n], list(zip(rest[n:], rest_words[n:]))
                else:
                    head, codes = rest[len(rest) - n:], list(zip(rest[:len(rest) - n], rest_words[:len(rest) - n]))
                if head != spelled.split():
                    continue
                if fgi and codes:
                    continue
                self.level = level
                self.scheme = "joint" if joint else "fgi" if fgi else "foreign"
                span_words = rest_words[:n] if joint else rest_words[len(rest) - n:]
                s, e = span_words[0][1], span_words[-1][2]
                self._level_form(Value(value.text[s - value.start:e - value.start], s, e, 0),
                                 spelled, banner, portion)
                self.spans["level"] = (value.start, value.end)
                owners = []
                for code, (w, cs, ce) in codes:
                    if not v.is_country(code):
                        raise self.unknown(w, cs, ce, "country code", sorted(v.trigraphs) + sorted(v.tetragraphs))
                    owners.append(code)
                # a JOINT portion may leave its owners to the banner: "(//JOINT S//REL)" (K-22)
                if not fgi and not owners and not (joint and self.form == "portion"):
                    raise MarkingError("a non-US classification needs its owner country codes (S-11)",
                                       value.start + 1, value.end + 1)
                canonical = v.sort_codes(owners, usa_first=False)
                if owners != canonical:
                    self.note("marking-order", codes[0][1][1], codes[-1][1][2],
                              "owner codes go trigraphs alphabetically, then tetragraphs (K-20)",
                              " ".join(canonical))
                if len(set(owners)) != len(owners):
                    self.note("marking-duplicate", codes[0][1][1], codes[-1][1][2], "an owner code is repeated")
                self.owners = tuple(canonical)
                return
        raise self.unknown(value.text, value.start, value.end, "non-US classification",
                           candidates=[b for b, _ in v.foreign_levels.values()] + [b for b, _ in v.nato_levels.values()])

    def read_nato_legacy(self, value: Value, text: str) -> None:
        """A retired NATO form (`(//CTSA)`, `//NATO SECRET ATOMAL`, `(//CTS-B)`): legacy-marking
        with the current form (A2, CAPCO08 2 and 9, L-07)."""
        v = self.v
        level, control, retired = v.nato_legacy[text]
        self.scheme, self.level = "nato", level
        banner, portion = v.nato_levels[level]
        if control is None:
            current = f'"//{banner}" / "(//{portion})"; the control was rescinded'
        else:
            current = f'"//{banner}//{control}"' if self.form == "banner" else f'"(//{portion}//{control})"'
            if control in v.sci_systems:
                self.f["sci"].append((control, ()))
            else:
                self.f["aea"][control] = Aea(control)
        self.f["legacy"].append(text)
        self.note("legacy-marking", value.start, value.end, f'"{value.text.strip()}" is a retired NATO form; use {current}',
                  since=retired)

    def read_nato_nac(self, value: Value, up: list[str]) -> bool:
        """A NATO level of a North Atlantic Council activity: `//NATO ISAF RESTRICTED`, `(//NIR)`
        (A2; ISM22 nacs.xml). Returns False when `up` is not one."""
        v = self.v
        nacs = {name.upper(): name for name in v.nato_nac}
        level = None
        if len(up) >= 3 and up[0] == "NATO" and up[1] in nacs:
            name, spelled = nacs[up[1]], " ".join(up[2:])
            level = next((lv for lv, (b, _p) in v.foreign_levels.items() if b == spelled), None)
            if level is not None and self.form == "portion":
                self.note("marking-form", value.start, value.end,
                          f'a portion mark uses "N{v.nato_nac[name]}{v.foreign_levels[level][1]}" (S-02)')
        elif len(up) == 1 and up[0].startswith("N"):
            for name, short in v.nato_nac.items():
                for lv, (_b, p) in v.foreign_levels.items():
                    if up[0] == f"N{short}{p}".upper():
                        level = lv
                        break
                if level is not None:
                    if self.form == "banner":
                        self.note("marking-form", value.start, value.end,
                                  f'the classification in a banner is spelled out: "NATO {name} '
                                  f'{v.foreign_levels[level][0]}" (S-02)')
                    break
        if level is None:
            return False
        self.scheme, self.level, self.owners = "nato", level, (name,)
        return True

    # -- controls

    def read_controls(self, values: list[Value]) -> None:
        i = 0
        after_cui_cat = 1 if self.scheme == "cui" else -1  # category index right after the CUI marker
        sap_cat = accm_cat = -1
        while i < len(values):
            value = values[i]
            consumed = self.read_eyes(values, i)
            if consumed:
                i += consumed
                continue
            continues = "sap" if sap_cat == value.cat else "accm" if accm_cat == value.cat else None
            kind = self.read_value(value, after_cui_cat == value.cat, continues)
            if kind == "cui":
                after_cui_cat = value.cat + 1
            elif kind == "sap":
                sap_cat = value.cat
            elif kind == "accm":
                accm_cat = value.cat
            i += 1

    def read_eyes(self, values: list[Value], i: int) -> int:
        """`USA/CAN/GBR EYES ONLY` spans several "/" values; returns how many were read."""
        first = values[i]
        if first.text.upper() != "USA":
            return 0
        codes = ["USA"]
        for j in range(i + 1, len(values)):
            up = " ".join(values[j].text.upper().split())
            if values[j].cat != first.cat:
                return 0
            if up.endswith(" EYES ONLY"):
                codes.append(up[: -len(" EYES ONLY")])
                break
            codes.append(up)
        else:
            return 0
        last = values[j]
        for code in codes:
            if not self.v.is_country(code):
                raise self.unknown(code, first.start, last.end, "country code",
                                   sorted(self.v.trigraphs) + sorted(self.v.tetragraphs))
        token = self.v.tokens["EYES ONLY"]
        self.set_list("eyes", codes[1:], token, first.start, last.end, first.cat)
        return j - i + 1

    def read_eyes_list(self, value: Value, codes_text: str) -> None:
        """EYES ONLY written with its countries around it (a retired form, F-12): read as the
        EYES ONLY list it means and reported with the current form."""
        codes = [c for c in re.split(r"[ ,/]+", codes_text) if c]
        for code in codes:
            if not self.v.is_country(code):
                raise self.unknown(code, value.start, value.end, "country code",
                                   sorted(self.v.trigraphs) + sorted(self.v.tetragraphs))
        others = [c for c in codes if c != "USA"]
        self.set_list("eyes", self.v.sort_codes(others), self.v.tokens["EYES ONLY"], value.start, value.end, value.cat)

    def read_value(self, value: Value, cui_category_slot: bool, continues: str | None) -> str:
        """Read one value; returns what it was. `continues` names a list ("sap", "accm") whose
        further names may follow in the same category without their indicator."""
        v = self.v
        raw = value.text
        up = _normal(raw)
        if up in ("REL", "EYES"):
            token = v.tokens["REL TO" if up == "REL" else "EYES ONLY"]
            self.case(raw, up, value.start)
            if self.form == "banner":
                self.note("marking-form", value.start, value.end,
                          f'"{up}" is only a portion shorthand; a banner names the list (F-04)')
            self.set_list("rel_to" if up == "REL" else "eyes", [], token, value.start, value.end, value.cat)
            return "dissem"
        eyes = re.fullmatch(_EYES_LIST, up)
        if eyes:
            self.read_eyes_list(value, eyes.group(1) or eyes.group(2))
            return "dissem"
        hit = v.token(up)
        if hit is not None:  # a known control wins over a CUI category of the same spelling
            self.read_token(hit[0], hit[1], raw, value)
            return hit[0].category
        first = re.match(_WORD, up)
        first_word = first.group() if first else ""
        if first_word in _LIST_HEADS:
            for prefix, tid in _LIST_PREFIXES:
                if up.startswith(prefix):
                    self.read_list(v.tokens[tid], prefix, value)
                    return "dissem"
        if up in (v.cui_marker, *v.cui_banner_aliases):
            self.read_cui_marker(value, up)
            return "cui"
        head = up.split("-")[0]
        if first_word in ("FGI", "FOREIGN") and (
                head in ("FGI", "FOREIGN GOVERNMENT INFORMATION")
                or up.startswith(("FGI ", "FOREIGN GOVERNMENT INFORMATION "))):
            self.read_fgi(value, up)
            return "fgi"
        if head in ("SAR", v.sap_title) or up.startswith("SAR-"):
            self.read_sap(value, raw, repeated=bool(self.f["sap"]))
            return "sap"
        if head in _AEA_HEADS:
            self.read_aea(value, up)
            return "aea"
        if up.startswith("ACCM-") or continues == "accm":
            self.read_accm(value, up[5:] if up.startswith("ACCM-") else up)
            return "accm"
        if re.fullmatch(_DECL, up):
            self.read_decl(value, up)
            return "decl"
        if self.is_level(up):
            self.note("marking-conflict", value.start, value.end,
                      "only one classification per marking (S-03)")
            return "level"
        if cui_category_slot or up.startswith("SP-") or \
                self.f["cui"] and (up in v.cui_basic or up in v.cui_specified):
            self.read_cui_category(value, up)
            return "cuicat"
        if "," in raw and all(v.token(_normal(part)) for part in raw.split(",")):
            self.read_comma_list(value)
            return "dissem"
        if continues == "sap":
            self.read_sap(value, raw, repeated=False, continued=True)
            return "sap"
        parents = v.aea_subsets.get(up, {}).get("parents", ())
        if len(parents) == 1:
            # "CNWDI" alone is "RD-CNWDI" (K-11)
            self.note("marking-syntax", value.start, value.end,
                      f'"{up}" is written after its AEA marking: "{parents[0]}-{up}" (K-11)', f"{parents[0]}-{up}")
            self.read_aea(value, f"{parents[0]}-{up}")
            return "aea"
        if up in v.sci_forbidden:
            self.note("marking-syntax", value.start, value.end,
                      f'"{up}" type indicators are not used in SCI markings; name the compartment (K-02)')
            return "sci"
        self.read_sci(value, up)
        return "sci"

    def is_level(self, up: str) -> bool:
        v = self.v
        if up in v.level_spellings:
            return True
        words = up.split()
        return len(words) >= 2 and words[-1] in v.level_spellings and all(v.is_country(w) for w in words[:-1])

    def read_token(self, token: Token, form: str, raw: str, value: Value) -> None:
        expected = {"id": token.id, "title": token.title, "portion": token.portion}.get(form)
        spelled = expected or token.id
        if token.takes:
            # "REL TO" etc. written without a list
            self.note("marking-syntax", value.start, value.end, f'"{spelled}" needs a list of country codes')
        if self.form == "portion" and form in ("id", "title", "alias") and spelled != token.portion \
                or self.form == "banner" and form == "portion" and token.portion not in (token.id, token.title) \
                and not token.cui_only:
            self.other_form(token, raw, value)
        elif form == "alias":
            self.note("marking-form", value.start, value.end, f'write "{token.id}", not "{raw}"',
                      token.id if self.form == "banner" else token.portion)
        else:
            self.case(" ".join(raw.split()), spelled, value.start)
        self.add_token(token, value.start, value.end, value.cat)

    def other_form(self, token: Token, raw: str, value: Value) -> None:
        """`raw` spells `token` as the other form does (a banner's in a portion mark or the
        reverse): S-10 when the two differ only in a hyphen or a space, else S-09."""
        portion = self.form == "portion"
        wanted = token.portion if portion else token.id
        where = "a portion mark" if portion else "a banner"
        if _hyphen_form(token):
            joint = "a hyphen" if portion else "a space"
            self.note("marking-syntax", value.start, value.end,
                      f'{where} writes "{wanted}" with {joint}, not "{raw}" (S-10)', wanted)
        else:
            other = "" if portion else "the portion mark "
            self.note("marking-form", value.start, value.end, f'{where} uses "{wanted}", not {other}"{raw}" (S-09)', wanted)

    def add_token(self, token: Token, start: int, end: int, cat: int) -> None:
        slot = token.category
        target = self.f["nonic"] if slot == "nonic" else self.f["dissem"]
        if slot == "aea":
            if token.id in self.f["aea"]:
                self.note("marking-duplicate", start, end, f'"{token.id}" is repeated (S-08)')
            self.f["aea"][token.id] = Aea(token.id)
        else:
            if token.id in target:
                self.note("marking-duplicate", start, end, f'"{token.id}" is repeated (S-08)')
            target.add(token.id)
        if token.legacy:
            self.f["legacy"].append(token.id)
            self.note("legacy-marking", start, end,
                      f'"{token.id}" is retired' + (f"; use {token.replacement}" if token.replacement != "none" else ""),
                      since=token.retired)
        self.add(slot, token.id, start, end, cat, (token.order,))

    def set_list(self, field_name: str, codes: list[str], token: Token, start: int, end: int, cat: int) -> None:
        if self.f[field_name] is not None:
            self.note("marking-duplicate", start, end, f'"{token.id}" is repeated (S-08)')
            codes = sorted(set(codes) | set(self.f[field_name]))
        self.f[field_name] = tuple(codes)
        if token.legacy:
            self.f["legacy"].append(token.id)
            current = f'"REL TO {", ".join(["USA", *self.v.sort_codes(codes)])}"' \
                if token.id == "EYES ONLY" and codes else token.replacement
            self.note("legacy-marking", start, end, f'"{token.id}" is retired; use {current}', since=token.retired)
        self.add("dissem", token.id, start, end, cat, (token.order,))

    def read_list(self, token: Token, prefix: str, value: Value) -> None:
        """REL TO / DISPLAY ONLY lists (F-02, F-06)."""
        raw = value.text
        body_at = _prefix_end(raw, len(prefix.split()))
        head = raw[:body_at]
        if " ".join(head.upper().split()) != token.id:
            if prefix.strip() == token.id:
                self.case(" ".join(head.split()), token.id, value.start)
            else:
                self.note("marking-form", value.start, value.start + len(head.rstrip()),
                          f'write "{token.id}" (the long title "{head.strip()}" is not used with a list)',
                          token.id)
        codes: list[str] = []
        spans: list[tuple[int, int]] = []
        seps: list[str] = []
        for m in re.compile(_LIST_PART).finditer(raw, body_at):
            if m.group(1):
                codes.append(m.group(1))
                spans.append((value.start + m.start(), value.start + m.end()))
            else:
                seps.append(m.group())
        # "USA, AUS and GBR" (pre-2005); "AND" after a comma is Andorra
        if len(codes) >= 3 and codes[-2].upper() == "AND" and "," not in seps[-2]:
            i = len(codes) - 2
            self.note("marking-syntax", spans[i][0], spans[i][1],
                      'country lists are separated by ", " ("and" was retired in July 2005, L-07)', None,
                      since=_COMMA_DISSEM_RETIRED)
            del codes[i], spans[i]
            seps = seps[: i - 1] + [", "] + seps[i + 1:]
        for sep, (s, _e) in zip(seps, spans[1:]):
            if sep != ", ":
                self.note("marking-syntax", s - len(sep), s,
                          'codes in a list are separated by a comma and one space (F-02)', ", ")
                break
        upper = []
        for code, (s, e) in zip(codes, spans):
            cu = code.upper()
            if not self.v.is_country(cu):
                raise self.unknown(code, s, e, "country code", sorted(self.v.trigraphs) + sorted(self.v.tetragraphs))
            if cu != code:
                self.note("marking-form", s, e, f'"{code}" must be written "{cu}" (S-01)', cu)
            upper.append(cu)
        if len(set(upper)) != len(upper):
            self.note("marking-duplicate", spans[0][0], spans[-1][1], f"a country code is repeated in {token.id}")
        usa_first = token.id == "REL TO"
        canonical = self.v.sort_codes(upper if usa_first else [c for c in upper if c != "USA"], usa_first=usa_first)
        if usa_first:
            if "USA" not in upper:
                self.note("marking-order", spans[0][0], spans[-1][1], "a REL TO list starts with USA (F-02)",
                          ", ".join(["USA"] + canonical))
            elif len(set(upper)) < 2:
                self.note("marking-syntax", value.start, value.end,
                          '"REL TO USA" alone is not an authorized marking: name at least one other code (F-02)')
        elif "USA" in upper:
            self.note("marking-conflict", *spans[upper.index("USA")], "DISPLAY ONLY never lists USA (F-06)")
        if usa_first and "USA" in upper and upper != canonical or not usa_first and \
                [c for c in upper if c != "USA"] != canonical:
            self.note("marking-order", spans[0][0], spans[-1][1],
                      "list order: " + ("USA, then " if usa_first else "") +
                      "trigraphs alphabetically, then tetragraphs alphabetically (F-02)", ", ".join(canonical))
        field_name = "rel_to" if token.id == "REL TO" else "display_only"
        self.set_list(field_name, [c for c in canonical if c != "USA"], token, value.start, value.end, value.cat)

    def read_comma_list(self, value: Value) -> None:
        """Pre-July-2005 dissems separated by commas: `ORCON, NOFORN` (S-05, L-07)."""
        self.note("marking-syntax", value.start, value.end,
                  'controls are separated by "/" (commas were retired in July 2005, S-05)',
                  "/".join(_normal(p) for p in value.text.split(",")), since=_COMMA_DISSEM_RETIRED)
        pos = value.start
        for part in value.text.split(","):
            lead = len(part) - len(part.lstrip())
            hit = self.v.token(_normal(part))
            assert hit is not None
            self.add_token(hit[0], pos + lead, pos + len(part.rstrip()), value.cat)
            pos += len(part) + 1

    def read_cui_marker(self, value: Value, up: str) -> None:
        v = self.v
        if self.f["cui"]:
            self.note("marking-duplicate", value.start, value.end, '"CUI" is repeated (S-08)')
        self.f["cui"] = True
        self.spans["cui"] = (value.start, value.end)
        if up != v.cui_marker:
            self.note("marking-conflict" if self.scheme != "cui" else "marking-form", value.start, value.end,
                      f'"{value.text}" is only for pure CUI banners; use "{v.cui_marker}" (U-02)', v.cui_marker)
        else:
            self.case(value.text, v.cui_marker, value.start)
        self.add("cui", "CUI", value.start, value.end, value.cat)

    def read_cui_category(self, value: Value, up: str) -> None:
        v = self.v
        specified = up.startswith("SP-")
        code = up[3:] if specified else up
        if not re.fullmatch(r"[A-Z0-9]+(?:-[A-Z0-9]+)*", code):
            raise self.unknown(value.text, value.start, value.end, "CUI category")
        if code in v.cui_specified or code in v.cui_basic:
            if specified and code not in v.cui_specified:
                self.note("marking-form", value.start, value.end,
                          f'"{code}" is a Basic category: no "SP-" prefix (U-04)', code)
            elif not specified and code not in v.cui_basic:
                self.note("marking-form", value.start, value.end,
                          f'"{code}" is a Specified category: write "SP-{code}" (U-04)', f"SP-{code}")
        elif re.fullmatch(v.cui_notional, code):
            # the handbook's placeholders ("SP-SPECIFIED", "AAAA"): understood, not registered
            self.note("marking-unknown-token", value.start, value.end,
                      f'"{value.text}" is not a registered CUI category')
        else:
            raise self.unknown(value.text, value.start, value.end, "CUI category",
                               sorted({f"SP-{c}" for c in v.cui_specified} | set(v.cui_basic)))
        self.case(value.text, up, value.start)
        key = f"{'SP-' if specified else ''}{code}"
        if any(c == (code, specified) for c in self.f["cuicat"]):
            self.note("marking-duplicate", value.start, value.end, f'"{key}" is repeated (S-08)')
        else:
            self.f["cuicat"].append((code, specified))
        self.add("cuicat", key, value.start, value.end, value.cat, (0 if specified else 1, code))

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
            if not v.is_country(w.upper()):
                raise self.unknown(w, s, e, "country code", sorted(v.trigraphs) + sorted(v.tetragraphs))
            codes.append(w.upper())
        if "," in value.text:
            self.note("marking-syntax", value.start, value.end, "FGI codes are separated by single spaces (K-16)",
                      " ".join(["FGI"] + v.sort_codes(codes, usa_first=False)))
        canonical = v.sort_codes(codes, usa_first=False)
        if codes != canonical and "," not in value.text:
            self.note("marking-order", codes_w[0][1], codes_w[-1][2],
                      "FGI codes go trigraphs alphabetically, then tetragraphs (K-16)", " ".join(canonical))
        if len(set(codes)) != len(codes):
            self.note("marking-duplicate", value.start, value.end, "an FGI code is repeated (S-08)")
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
            if repeated:
                self.note("legacy-marking", value.start, value.start + len(indicator) + 1,
                          'repeating "SAR-" before each program is the pre-December 2011 (and DoD) form (K-08, L-07)',
                          "", since=v.sap_repeat_retired)
        segments = [s.strip() for s in up.split("-")]
        name = segments[0]
        abbr = v.sap_programs.get(name)
        if abbr is not None:
            if self.form == "portion":
                self.note("marking-form", value.start, value.end, f'a portion mark uses the program abbreviation "{abbr}" (K-08)')
            name = abbr
        elif not re.fullmatch(v.sap_identifier, name):
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
        elif system not in v.sci_systems:
            # an unpublished system is one alphanumeric word (S-13)
            shaped = re.fullmatch(v.sci_unpublished, system) is not None
            near = _close(system, v.known_words()) if len(system) >= 4 else []
            end = value.start + len(value.text.split("-")[0].rstrip())
            if not shaped or near:
                raise self.unknown(first_words[0] if extra else value.text.split("-")[0].strip(), value.start, end)
            if not re.fullmatch(v.sci_abbreviation, system):
                import difflib

                pool = sorted(set(v.sci_systems) | set(v.sci_titles))
                nearest = (difflib.get_close_matches(system, pool, n=1, cutoff=0.0) or ["none"])[0]
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
            if cname in v.sci_forbidden:
                self.note("marking-syntax", value.start, value.end,
                          f'"{cname}" type indicators are not used in SCI markings (K-02)')
                words = words[1:]
                if not words:
                    continue
            comps_long.append(" ".join(words))
        tree = _tree(system, comps_long)
        self.check_tree_order(tree, comps_long, value, "K-01")
        if any(t[0] == system for t in self.f["sci"]):
            self.note("marking-duplicate", value.start, value.end, f'"{system}" is repeated (S-08)')
        self.f["sci"].append(tree)
        self.add("sci", system, value.start, value.end, value.cat, v.sci_key(system))

    def check_tree_order(self, tree: Tree, written: list[str], value: Value, rule_id: str,
                         prefix: str = "") -> None:
        written_tree = [(w.split()[0], tuple(w.split()[1:])) for w in written]
        if written_tree != list(tree[1]):
            self.note("marking-syntax", value.start, value.end,
                      f"compartments and sub-compartments are sorted, numbers first ({rule_id})",
                      prefix + render_tree(tree))

    # -- the whole marking

    def read(self) -> Marking:
        values = self.layout.values
        self.read_level(values[0])
        self.read_controls(values[1:])
        f = self.f
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

    def check_separators(self) -> None:
        for kind, raw, start, end in self.layout.separators:
            if kind == "cat":
                if raw != "//" and raw.strip() == "//":
                    self.note("marking-syntax", start, end, 'no spaces around "//" (S-04)', "//")
                elif raw.strip() != "//":
                    self.note("marking-syntax", start, end,
                              'categories are separated by exactly "//"; no empty category (S-04)', "//")
            elif raw != "/":
                self.note("marking-syntax", start, end, 'no spaces around "/" (S-05)', "/")
        seps = self.layout.separators
        if seps and seps[-1][0] == "cat" and seps[-1][3] >= self.layout.values[-1].end and \
                seps[-1][2] >= self.layout.values[-1].end:
            _, raw, start, end = seps[-1]
            self.note("marking-syntax", start, end, 'a marking does not end with "//" (S-04)', "")

    def separator_before(self, start: int) -> tuple[int, int]:
        """The span of the separator that ends where a value starts, forgetting any earlier
        spacing note about it (the caller's note replaces the whole separator)."""
        span = max(start - 1, 0), start
        for _kind, _raw, s, e in self.layout.separators:
            if e == start:
                span = s, e
        self.notes = [n for n in self.notes if (n.problem.column - 1, n.problem.end_column - 1) != span]
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
                self.note("marking-order", it.start, it.end,
                          f"the {SLOT_NAMES[it.slot]} \"{it.key}\" goes before the {SLOT_NAMES[prev.slot]} "
                          f"\"{prev.key}\" (S-06)")
                break
        for slot in ("sci", "sap", "aea", "cuicat", "dissem", "nonic"):
            group = [it for it in items if it.slot == slot]
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
                                  f'"{b.key}" goes before "{a.key}" (register order, {rule_id})')
                        break

    def order_key(self, item: Item, pure_cui: bool, ism: bool = False) -> tuple:
        if item.slot == "dissem" and pure_cui:
            token = self.v.tokens[item.key]
            return ((token.portion if ism else token.id).upper(),)
        return item.order


def _hyphen_form(token: Token) -> bool:
    """S-10: "SBU NOFORN" / "SBU-NF": the portion joins with a hyphen what the banner spaces."""
    return "-" in token.portion and " " in token.id and \
        token.portion.split("-")[0] == token.id.split(" ")[0]


def _close(word: str, pool: tuple[str, ...]) -> list[str]:
    import difflib

    return difflib.get_close_matches(word, pool, n=1, cutoff=0.75)


def _normal(raw: str) -> str:
    """Upper case, single spaces, no spaces around hyphens: the lookup form of a value."""
    up = raw.upper().strip()
    if "  " in up or "\t" in up or " -" in up or "- " in up:
        up = re.sub(_HYPHEN_BLANKS, "-", " ".join(up.split()))
    return up


def _prefix_end(raw: str, words: int) -> int:
    """Offset in `raw` of the first character after its first `words` words and the blanks after them."""
    end = 0
    for i, m in enumerate(re.finditer(_WORD, raw)):
        if i == words:
            return m.start()
        end = m.end()
    return end


def _tree(name: str, compartments: list[str]) -> Tree:
    comps = []
    for comp in compartments:
        words = comp.split()
        comps.append((words[0], tuple(sorted(words[1:], key=sort_key))))
    # stable on the compartment name only: repeated names keep their written order
    return (name, tuple(sorted(comps, key=lambda c: sort_key(c[0]))))


def analyse_uncached(text: str, form: str, vocab: Vocabulary) -> Analysis:
    """Read one marking string; raise MarkingError when its meaning cannot be recovered."""
    if not isinstance(text, str):
        raise MarkingError("a marking must be a string", 1, 2)
    if form not in ("auto", "banner", "portion"):
        raise ValueError(f"form must be banner, portion or auto, not {form!r}")
    if vocab.allied is not None:
        return allied.analyse(text, form, vocab)  # type: ignore[return-value]
    layout = split(text)
    actual = "portion" if layout.portion else "banner"
    reader = _Reader(text, layout, actual, vocab)
    if form != "auto" and form != actual:
        start = len(text) - len(text.lstrip())
        reader.note("marking-syntax", start, start + 1,
                    "a portion mark is written in parentheses" if form == "portion"
                    else "a banner is not written in parentheses")
    return Analysis(reader, reader.read())


@lru_cache(maxsize=65536)
def _analyse_cached(text: str, form: str, vocab: Vocabulary | None) -> Analysis | MarkingError:
    try:
        return analyse_uncached(text, form, vocab or default_vocabulary())
    except MarkingError as exc:
        return exc


def analyse(text: str, form: str = "auto", vocab: Vocabulary | None = None) -> Analysis:
    """Memoised analyse_uncached (keyed on text, form and vocabulary identity)."""
    result = _analyse_cached(text, form, vocab)
    if type(result) is MarkingError:
        raise result.with_traceback(None)
    return result  # type: ignore[return-value]


@lru_cache(maxsize=65536)
def _parse_cached(text: str, form: str, vocab: Vocabulary | None) -> Marking | MarkingError:
    # Only the Marking is kept: memoising whole analyses for parse() would multiply the objects
    # the garbage collector has to scan on large runs.
    try:
        return analyse_uncached(text, form, vocab or default_vocabulary()).marking
    except MarkingError as exc:
        return exc


def parse(text: str, form: str = "auto", *, vocab: Vocabulary | None = None) -> Marking:
    """Understand one banner line or portion mark; raise MarkingError if it cannot be understood.

    `form` is "banner", "portion" or "auto" (a parenthesised string is a portion). Badly
    written but unambiguous markings are understood; check() reports how they are written.
    Results are memoised per (text, form, vocabulary).
    """
    if not isinstance(text, str):
        raise MarkingError("a marking must be a string", 1, 2)
    result = _parse_cached(text, form, vocab)
    if type(result) is MarkingError:
        raise result.with_traceback(None)
    return result  # type: ignore[return-value]
