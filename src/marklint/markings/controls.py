"""Reading the controls of a marking: dissemination controls and their lists (REL TO, DISPLAY
ONLY, EYES ONLY: F-02, F-04, F-06, F-12), non-IC controls, the CUI marker and categories (U-02,
U-04), and where each control value goes (S-06, S-09, S-10).
"""

from __future__ import annotations

import datetime
import re

from marklint.markings.model import Aea, MarkingError
from marklint.markings.reading import ReadState, Value, _hyphen_form, _normal, _prefix_end
from marklint.markings.vocab import Token

_COMMA_DISSEM_RETIRED = datetime.date(2005, 7, 1)  # S-05, L-07: comma-separated dissems
_LIST_PREFIXES = (("REL TO ", "REL TO"), ("RELEASABLE TO ", "REL TO"),
                  ("AUTHORIZED FOR RELEASE TO ", "REL TO"), ("DISPLAY ONLY ", "DISPLAY ONLY"))
_USA_ALONE = '"REL TO USA" alone is not an authorized marking: name at least one other code (F-02)'
# The list controls of the grammar: the Marking field of their codes, their separator and its rule
_LISTS = {"rel_to": ("rel_to", ", ", "F-02"), "display_only": ("display_only", ", ", "F-06"),
          "fgi": ("fgi", " ", "K-16")}
# Indicators joined to what follows them by a hyphen, with the rule that says so
_HYPHENED = {"SAR": "K-08", "RD": "K-11", "FRD": "K-11", "SP": "U-04", "ACCM": "ISM-ID-00462"}
_LIST_PART = r"([A-Za-z0-9_]+)|[^A-Za-z0-9_]+"
# EYES ONLY with its list written around it: "EYES ONLY USA, GBR", "GBR EYES ONLY" (F-12 forms
# other than "USA/GBR EYES ONLY", which read_eyes handles)
_EYES_LIST = r"EYES(?: ONLY)? (?!ONLY$)((?:[A-Z]{3,4}[ ,/]+)*[A-Z]{3,4})|((?:[A-Z]{3,4}[ ,/]+)*[A-Z]{3,4}) EYES(?: ONLY)?"


class ControlReader(ReadState):
    """The control rules of the grammar (`list_shorthand`, `rel_to`, `display_only`, `words`...):
    each control value, in order, into the Marking fields."""

    def read_controls(self, values: list[Value]) -> None:
        i = 0
        after_cui_cat = 1 if self.scheme == "cui" else -1  # category index right after the CUI marker
        sap_cat = accm_cat = -1
        listed: Value | None = None  # the last REL TO, DISPLAY ONLY or FGI value read
        while i < len(values):
            value = values[i]
            if listed is not None and listed.cat == value.cat and value.kind == "by_vocabulary" \
                    and self.continue_list(listed.kind, value):
                i += 1
                continue
            consumed = self.read_eyes(values, i)
            if consumed:
                i += consumed
                continue
            continues = "sap" if sap_cat == value.cat else "accm" if accm_cat == value.cat else None
            kind = self.read_value(value, after_cui_cat == value.cat, continues)
            if value.kind in _LISTS:
                listed = value
            if kind == "cui":
                after_cui_cat = value.cat + 1
            elif kind == "sap":
                sap_cat = value.cat
            elif kind == "accm":
                accm_cat = value.cat
            i += 1

    def continue_list(self, kind: str, value: Value) -> bool:
        """`REL TO USA/GBR`, `FGI GBR/DEU`: country codes written after a list with "/" for its
        own separator (F-02, K-16) are read into that list, and the separator reported."""
        codes = [c for c in re.split(r"[ ,]+", value.text.upper()) if c]
        if not codes or not all(self.v.is_country(c) for c in codes):
            return False
        field_name, separator, rule_id = _LISTS[kind]
        start = next((s for _k, _r, s, e in self.separators if e == value.start), value.start - 1)
        self.note("marking-syntax", start, value.start,
                  f'codes in the list are separated by "{separator}", not "/" ({rule_id})', separator)
        others = [c for c in codes if c != "USA"]
        if others:  # the list goes on: it is not USA alone
            self.found = [n for n in self.found if n.problem.message != _USA_ALONE]
        self.f[field_name] = tuple(self.v.sort_codes([*(self.f[field_name] or ()), *others]))
        return True

    def read_stray_hyphen(self, value: Value, up: str) -> str | None:
        """`REL-TO USA, GBR`, `NO-FORN`: a hyphen inside a list keyword or a control word is a slip,
        reported and read as the control; returns its slot, None when it is no such slip."""
        at = value.start + value.text.index("-")
        spaced = value.text.replace("-", " ", 1)  # same length: the columns of the list stay
        keyword = next(((p, t) for p, t in _LIST_PREFIXES if _normal(spaced).startswith(p)), None)
        if keyword is not None:
            self.note("marking-syntax", at, at + 1, f'"{keyword[1]}" is written with a blank, not "-"', " ")
            self.read_list(self.v.tokens[keyword[1]], keyword[0], Value(value.kind, spaced, value.start, value.end,
                                                                       value.cat))
            return "dissem"
        hit = self.v.token(up.replace("-", ""))
        if hit is None or hit[0].takes:
            return None
        token = hit[0]
        wanted = token.portion if self.form == "portion" else token.id
        self.note("marking-syntax", value.start, value.end, f'"{value.text}" is written "{wanted}"', wanted)
        self.add_token(token, value.start, value.end, value.cat)
        return token.category

    def read_eyes(self, values: list[Value], i: int) -> int:
        """`USA/CAN/GBR EYES ONLY` spans several "/" values; returns how many were read. Written
        with USA after another code (`GBR/USA EYES ONLY`), the list is read and its order reported."""
        first = values[i]
        up = first.text.upper()
        if up != "USA" and not self.v.is_country(up):
            return 0
        codes = [up]
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
        if "USA" not in codes:
            return 0
        others = [c for c in codes if c != "USA"]
        if codes[0] != "USA":
            self.note("marking-order", first.start, last.end, "an EYES ONLY list names USA first (F-12)",
                      "/".join(["USA", *others]) + " EYES ONLY")
        self.set_list("eyes", others, self.v.tokens["EYES ONLY"], first.start, last.end, first.cat)
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
        """Read one control value; returns its slot. The grammar rule that read the value
        (`value.kind`) places it when a keyword opens it; plain words are placed by the vocabulary.
        `continues` names a list ("sap", "accm") whose further names may follow in the same
        category without their indicator."""
        v = self.v
        raw = value.text
        up = _normal(raw)
        kind = value.kind
        if kind == "list_shorthand":
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
        # a known control wins over a CUI category of the same spelling, but in the category's
        # own place in a pure CUI marking (`CUI//PROPIN`: the registry's category); after a
        # classification (`TOP SECRET//CUI//PROPIN`) it stays the IC control the roll-up writes there
        if hit is not None and not (cui_category_slot and self.scheme == "cui"
                                    and (up in v.cui_basic or up in v.cui_specified)):
            self.read_token(hit[0], hit[1], raw, value)
            return hit[0].category
        if kind in ("rel_to", "display_only"):
            prefix, tid = next((p, t) for p, t in _LIST_PREFIXES if up.startswith(p))
            self.read_list(v.tokens[tid], prefix, value)
            return "dissem"
        if up in (v.cui_marker, *v.cui_banner_aliases):
            self.read_cui_marker(value, up)
            return "cui"
        if kind == "fgi":
            self.read_fgi(value, up)
            return "fgi"
        if kind == "sap" or up.split("-")[0] == v.sap_title:
            self.read_sap(value, raw, repeated=bool(self.f["sap"]))
            return "sap"
        if kind == "aea":
            self.read_aea(value, up)
            return "aea"
        if kind == "accm" or continues == "accm":
            self.read_accm(value, up[5:] if kind == "accm" else up)
            return "accm"
        if kind == "declassification":
            self.read_decl(value, up)
            return "decl"
        if self.is_level(up):
            self.read_late_level(value, up)
            return "level"
        head, _, rest = up.partition(" ")
        if rest and head in _HYPHENED:
            return self.read_unhyphened(value, head, rest)
        # a registered SCI system right after CUI is out of place (S-06), not a misspelt category
        misplaced_sci = up.split("-")[0] in v.sci_systems and up not in v.cui_basic
        if kind == "cui_specified" or cui_category_slot and not misplaced_sci or \
                self.f["cui"] and (up in v.cui_basic or up in v.cui_specified):
            self.read_cui_category(value, up)
            return "cuicat"
        if "," in raw and self.read_comma_list(value):
            return "dissem"
        if continues == "sap":
            self.read_sap(value, raw, repeated=False, continued=True)
            return "sap"
        # "FED-ONLY", "ORCON USGOV": a hyphen for the blank of a known control, or the reverse
        swapped = up.translate(str.maketrans("- ", " -"))
        spaced = v.token(swapped) if swapped.count("-") + swapped.count(" ") == 1 else None
        if spaced is not None:
            token = spaced[0]
            wanted = token.portion if self.form == "portion" else token.id
            joint = '"-"' if "-" in up else "a blank"
            self.note("marking-syntax", value.start, value.end,
                      f'"{value.text}" joins with {joint} what is written "{wanted}"', wanted)
            self.add_token(token, value.start, value.end, value.cat)
            return token.category
        if "-" in up:
            hyphened = self.read_stray_hyphen(value, up)
            if hyphened:
                return hyphened
        joined = self.joined_tokens(raw, value.start)
        if joined:
            self.read_joined(value, joined)
            return joined[0][0].category
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
        written = " ".join(head.upper().split())
        if written != token.id:
            if prefix.strip() == token.id:
                self.case(" ".join(head.split()), token.id, value.start)
            elif written == token.title and self.form == "banner":
                # S-09: a banner may spell out the marking title ("AUTHORIZED FOR RELEASE TO USA, GBR")
                self.case(" ".join(head.split()), token.title, value.start)
            else:
                why = f'a portion mark uses "{token.id}" (S-09)' if written == token.title else \
                    f'write "{token.id}" (the long title "{head.strip()}" is not used with a list)'
                self.note("marking-form", value.start, value.start + len(head.rstrip()), why, token.id)
        codes: list[str] = []
        spans: list[tuple[int, int]] = []
        seps: list[str] = []
        for m in re.compile(_LIST_PART).finditer(raw, body_at):
            if m.group(1):
                codes.append(m.group(1))
                spans.append((value.start + m.start(), value.start + m.end()))
            else:
                seps.append(m.group())
        # "USA, AUS and GBR", "USA, AUS, and GBR" (pre-2005); "AND" after a comma is Andorra
        if len(codes) >= 3 and (codes[-2] == "and" or codes[-2] == "AND" and "," not in seps[-2]):
            i = len(codes) - 2
            self.note("marking-syntax", spans[i][0], spans[i][1],
                      'country lists are separated by ", " ("and" was retired in July 2005, L-07)', None,
                      since=_COMMA_DISSEM_RETIRED)
            del codes[i], spans[i]
            seps = seps[: i - 1] + [", "] + seps[i + 1:]
        self.join_nato_groups(codes, spans, seps)
        for sep, (s, _e) in zip(seps, spans[1:]):
            if sep != ", ":
                self.note("marking-syntax", s - len(sep), s,
                          'codes in a list are separated by a comma and one space (F-02)', ", ")
                break
        upper = []
        nac = {name.upper(): name for name in self.v.nato_nac}
        tail = None
        for k, (code, (s, e)) in enumerate(zip(codes, spans)):
            cu = code.upper()
            if cu.startswith("NATO "):  # a NATO sub-group keeps its registered spelling (NATO PfP)
                cu = "NATO " + nac.get(cu[5:], cu[5:])
            elif not self.v.is_country(cu):
                tail = self.control_after_list(value, spans, k)
                if tail is None:
                    raise self.unknown(code, s, e, "country code",
                                       sorted(self.v.trigraphs) + sorted(self.v.tetragraphs))
                spans = spans[:k]
                break
            if cu != code:
                self.note("marking-form", s, e, f'"{code}" must be written "{cu}" (S-01)', cu)
            upper.append(cu)
        usa_first = token.id == "REL TO"
        canonical = self.v.sort_codes(upper if usa_first else [c for c in upper if c != "USA"], usa_first=usa_first)
        if len(set(upper)) != len(upper):
            self.note("marking-duplicate", spans[0][0], spans[-1][1], f"a country code is repeated in {token.id}",
                      ", ".join(canonical))
        unique = list(dict.fromkeys(upper))  # a repeated code is dropped (S-08), not moved
        if usa_first:
            if "USA" not in upper:
                self.note("marking-order", spans[0][0], spans[-1][1], "a REL TO list starts with USA (F-02)",
                          ", ".join(["USA"] + canonical))
            elif len(set(upper)) < 2:
                self.note("marking-syntax", value.start, value.end, _USA_ALONE)
        elif "USA" in upper:
            self.note("marking-conflict", *spans[upper.index("USA")], "DISPLAY ONLY never lists USA (F-06)")
        if usa_first and "USA" in upper and unique != canonical or not usa_first and \
                [c for c in unique if c != "USA"] != canonical:
            self.note("marking-order", spans[0][0], spans[-1][1],
                      "list order: " + ("USA, then " if usa_first else "") +
                      "trigraphs alphabetically, then tetragraphs alphabetically (F-02)", ", ".join(canonical))
        field_name = "rel_to" if token.id == "REL TO" else "display_only"
        end = spans[-1][1] if tail is not None else value.end
        self.set_list(field_name, [c for c in canonical if c != "USA"], token, value.start, end, value.cat)
        if tail is not None:
            self.read_value(tail, False, None)

    def control_after_list(self, value: Value, spans: list[tuple[int, int]], k: int) -> Value | None:
        """`REL TO USA, GBR, RELIDO`: the value of the control that follows a list's code `k`,
        written with a comma or a blank for "/" (S-05; commas before July 2005); None if none does."""
        rest = value.text[spans[k][0] - value.start:]
        up = _normal(rest)
        listed = next((t for p, t in _LIST_PREFIXES if up.startswith(p)), None)
        if k == 0 or listed is None and self.v.token(up) is None:
            return None
        gap = value.text[spans[k - 1][1] - value.start: spans[k][0] - value.start]
        # what the list's reading said from there on was about the list's separators: no longer a list
        self.found = [n for n in self.found if n.problem.column - 1 < spans[k - 1][1]]
        self.note("marking-syntax", spans[k - 1][1], spans[k][0], 'controls are separated by "/" (S-05)', "/",
                  since=_COMMA_DISSEM_RETIRED if gap.strip() == "," else None)
        kind = {"REL TO": "rel_to", "DISPLAY ONLY": "display_only"}.get(listed or "", "by_vocabulary")
        return Value(kind, rest, spans[k][0], value.end, value.cat)

    def join_nato_groups(self, codes: list[str], spans: list[tuple[int, int]], seps: list[str]) -> None:
        """`NATO ABC`: a NATO or NAC sub-group (ISM `NATO:[name]`, rendered with a space, A11) is
        one code of a list, when the word after NATO is not itself a country code."""
        i = 0
        while i < len(codes) - 1:
            if codes[i].upper() == "NATO" and seps[i] == " " and not self.v.is_country(codes[i + 1].upper()):
                codes[i:i + 2] = [f"{codes[i]} {codes[i + 1]}"]
                spans[i:i + 2] = [(spans[i][0], spans[i + 1][1])]
                del seps[i]
            else:
                i += 1

    def read_comma_list(self, value: Value) -> bool:
        """Pre-July-2005 dissems separated by commas, a list control last with its own commas:
        `ORCON, NOFORN`, `ORCON, REL TO USA, GBR` (S-05, L-07); False when the value is no such list."""
        parts = value.text.split(",")
        hits = []
        for part in parts:
            listed = next((t for p, t in _LIST_PREFIXES if _normal(part).startswith(p)), None)
            if listed is not None and hits:
                break
            hit = self.v.token(_normal(part))
            if hit is None:
                return False
            hits.append(hit[0])
        controls = parts[: len(hits)]
        at = value.start + len(",".join(controls)) + 1  # where the list control's part starts
        rest = value.text[at - value.start:]
        self.note("marking-syntax", value.start, value.end,
                  'controls are separated by "/" (commas were retired in July 2005, S-05)',
                  "/".join([*(_normal(p) for p in controls), *([rest.strip()] if rest else [])]),
                  since=_COMMA_DISSEM_RETIRED)
        pos = value.start
        for token, part in zip(hits, controls):
            lead = len(part) - len(part.lstrip())
            self.add_token(token, pos + lead, pos + len(part.rstrip()), value.cat)
            pos += len(part) + 1
        if rest:
            lead = len(rest) - len(rest.lstrip())
            kind = "rel_to" if _normal(rest).startswith(("REL", "AUTHORIZED")) else "display_only"
            self.read_value(Value(kind, rest.strip(), at + lead, value.end, value.cat), False, None)
        return True

    def read_joined(self, value: Value, joined: list[tuple[Token, int, int]]) -> None:
        """Controls joined by blanks: read each one, and report the separator (S-05)."""
        self.note("marking-syntax", joined[0][2], joined[1][1],
                  'controls are separated by "/", not blanks (S-05)', "/")
        for token, s, e in joined:
            self.add_token(token, s, e, value.cat)

    def read_unhyphened(self, value: Value, head: str, rest: str) -> str:
        """`SAR BP`, `RD SIGMA 14`, `SP PRVCY`, `ACCM NAME`: the indicator and what follows it
        are joined by a hyphen (K-08, K-11, U-04); read as meant and reported."""
        end = value.start + len(value.text) - len(value.text.lstrip()) + len(head)
        gap = len(value.text[end - value.start:]) - len(value.text[end - value.start:].lstrip())
        self.note("marking-syntax", end, end + gap,
                  f'"{head}" is joined to what follows by "-": "{head}-{rest}" ({_HYPHENED[head]})', "-")
        hyphened = Value(value.kind, f"{head}-{rest}", value.start, value.end, value.cat)
        if head == "SAR":
            self.read_sap(hyphened, hyphened.text, repeated=bool(self.f["sap"]))
            return "sap"
        if head == "ACCM":
            self.read_accm(hyphened, rest)
            return "nonic"
        if head == "SP":
            self.read_cui_category(hyphened, hyphened.text)
            return "cuicat"
        self.read_aea(hyphened, hyphened.text)
        return "aea"

    def read_late_level(self, value: Value, up: str) -> None:
        """A classification after the first part. After a leading CUI (`(CUI//SP-CTI//S)`) it is
        the commingled marking written in the wrong order (U-14): reported, and read with that
        classification; anywhere else it is a second classification (S-03)."""
        level = self.v.us_spellings.get(up)
        if self.scheme == "cui" and level is not None and level != "U":
            self.note("marking-order", value.start, value.end,
                      f'the classification "{value.text}" goes before "CUI" (U-14)')
            self.scheme, self.level = "us", level
            self.spans["level"] = (value.start, value.end)
            return
        self.note("marking-conflict", value.start, value.end, "only one classification per marking (S-03)")

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
        if code in v.cui_administrative:
            raise MarkingError(f'"{value.text}" is an administrative marking: it goes on a line of its own, '
                               "never inside a CUI marking (U-12)", value.start + 1, value.end + 1,
                               "marking-conflict", value.text)
        if not re.fullmatch(r"[A-Z0-9]+(?:-[A-Z0-9]+)*", code):
            raise self.unknown(value.text, value.start, value.end, "CUI category")
        if code in v.cui_specified or code in v.cui_basic:
            # a prefix written wrong is reported, and the category read as the one it names,
            # so the roll-up does not report it a second time
            if specified and code not in v.cui_specified:
                self.note("marking-form", value.start, value.end,
                          f'"{code}" is a Basic category: no "SP-" prefix (U-04)', code)
                specified = False
            elif not specified and code not in v.cui_basic:
                self.note("marking-form", value.start, value.end,
                          f'"{code}" is a Specified category: write "SP-{code}" (U-04)', f"SP-{code}")
                specified = True
        elif re.fullmatch(v.cui_notional, code):
            # the handbook's placeholders ("SP-SPECIFIED", "AAAA"): understood, not registered
            self.note("marking-unknown-token", value.start, value.end,
                      f'"{value.text}" is not a registered CUI category')
        else:
            categories = {f"SP-{c}" for c in v.cui_specified} | set(v.cui_basic)
            if specified:
                raise self.unknown(value.text, value.start, value.end, "CUI category", sorted(categories))
            # the first part after CUI may also be a misspelt limited dissemination control (CUI//FEDCOM)
            raise self.unknown(value.text, value.start, value.end, "CUI category or limited dissemination control",
                               sorted(categories | v.ldcs))
        self.case(value.text, up, value.start)
        key = f"{'SP-' if specified else ''}{code}"
        if any(c == (code, specified) for c in self.f["cuicat"]):
            self.note("marking-duplicate", value.start, value.end, f'"{key}" is repeated (S-08)')
        else:
            self.f["cuicat"].append((code, specified))
        self.add("cuicat", key, value.start, value.end, value.cat, (0 if specified else 1, code))
