"""Reading the classification of a marking (marking-rules.md S-02, S-11, S-12, A-01, A2):
a US level, owner codes and a level, a NATO level, JOINT, concealed FGI or the CUI marker.
"""

from __future__ import annotations

import re

from marklint.markings.model import Aea, MarkingError
from marklint.markings.reading import _WORD, ReadState, Value, _transposed


# The older foreign portion style: an owner, a dash and a level letter (L-08); the Navy wrote
# UK for GBR.
_DASHED_OWNER = re.compile(r"(NATO|FGI|UK|[A-Z]{3})\s*-\s*(TS|S|C|R|U)")
_OLD_OWNERS = {"UK": "GBR"}


class LevelReader(ReadState):
    """The `classification` rule of the grammar: the first value of a marking."""

    def read_level(self, value: Value) -> None:
        v = self.v
        if not self.leading:
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
        if not self.leading and "-" in value.text and self.read_dashed_owner(value):
            return
        if self.leading or self._foreign_shape(up):
            if not self.leading:
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
            self.f["legacy"].append("RESTRICTED")  # a US level until EO 10501: judged by the document's date
            return
        if len(words) > 1 and up[0] in (v.cui_marker, *v.cui_banner_aliases):  # "CUI SP-PRVCY"
            self.check_run_on(value, words[0][2], words[1][1])
        turned = _transposed(text, [b for b, _ in v.us_levels.values()])  # "SECRET TOP"
        if turned:
            raise self.unknown(value.text, value.start, value.end, "classification", candidates=[turned])
        # A US level followed by stray words ("SECRET SENSITIVE", S-12) or a control written
        # in the first category: report the first word that is not part of a level.
        for level, (banner, portion) in v.us_levels.items():
            for spelled in (banner, portion):
                n = len(spelled.split())
                if up[:n] == spelled.split() and len(up) > n:
                    w, s, e = words[n]
                    self.check_run_on(value, words[n - 1][2], s)
                    raise self.unknown(w, s, e, "classification qualifier", candidates=[])
        raise self.unknown(value.text, value.start, value.end, "classification",
                           candidates=[b for b, _ in v.us_levels.values()] + [p for _, p in v.us_levels.values()]
                           + [v.cui_marker] + [f"//{b}" for b, _ in v.nato_levels.values()])

    def check_run_on(self, value: Value, level_end: int, start: int) -> None:
        """A level run on into its controls without "//" (`SECRET NOFORN`, `(S,NF)`, `(S-NF)`):
        raise the syntax error that puts the separator back (S-04)."""
        v = self.v
        rest = value.text[start - value.start:]
        word = rest.split()[0].upper()
        category = word[3:] if word.startswith("SP-") else word
        if v.token(" ".join(rest.upper().split())) or self.joined_tokens(rest, start) \
                or word.split("-")[0] in v.sci_systems or category in v.cui_specified or category in v.cui_basic:
            error = MarkingError('categories are separated by "//" (S-04)', level_end + 1, start + 1,
                                 "marking-syntax", self.text[level_end:start], "//")
            error.confident = True
            raise error

    def read_dashed_owner(self, value: Value) -> bool:
        """The older foreign portion style, owner and level joined by a dash (`(NATO-S)`,
        `(UK-C)`, `(FGI-C)`, `(DEU-S)`): legacy-marking with the current form (L-08). Returns
        False when `value` is not one."""
        v = self.v
        m = _DASHED_OWNER.fullmatch(value.text.strip().upper())
        if m is None:
            return False
        owner, level = m.groups()
        owner = _OLD_OWNERS.get(owner, owner)
        form = 1 if self.form == "portion" else 0  # (banner, portion) pairs of the level tables
        if owner == "NATO":
            self.scheme, self.owners = "nato", ()
            current = v.nato_levels[level][form]
        elif owner == "FGI":
            self.scheme, self.owners = "fgi", ()
            current = f"FGI {v.foreign_levels[level][form]}"
        elif v.is_country(owner):
            self.scheme, self.owners = "foreign", (owner,)
            current = f"{owner} {v.foreign_levels[level][form]}"
        else:
            return False
        self.level = level
        self.spans["level"] = (value.start, value.end)
        self.f["legacy"].append(value.text.strip())
        shown = f"(//{current})" if self.form == "portion" else f"//{current}"
        self.note("legacy-marking", value.start, value.end,
                  f'"{value.text.strip()}" is the older foreign marking style; use "{shown}" (L-08)')
        return True

    def _foreign_shape(self, up: list[str]) -> bool:
        """Owner codes followed by a level, or a NATO level, written without the leading //."""
        if len(up) >= 2 and all(self.v.is_owner(c) for c in up[:-1]) and \
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
                self._level_form(Value(value.kind, value.text[s - value.start:e - value.start], s, e),
                                 spelled, banner, portion)
                self.spans["level"] = (value.start, value.end)
                owners = []
                for code, (w, cs, ce) in codes:
                    if not v.is_owner(code) or code in v.organisations and level not in v.organisations[code]:
                        raise self.unknown(w, cs, ce, "country code", sorted(v.trigraphs) + sorted(v.tetragraphs))
                    owners.append(code)
                # a JOINT portion may leave its owners to the banner: "(//JOINT S//REL)" (K-22)
                if not fgi and not owners and not (joint and self.form == "portion"):
                    raise MarkingError("a non-US classification needs its owner country codes (S-11)",
                                       value.start + 1, value.end + 1)
                canonical = v.sort_codes(owners, usa_first=False)
                if list(dict.fromkeys(owners)) != canonical:  # a repeated code is dropped (S-08), not moved
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
