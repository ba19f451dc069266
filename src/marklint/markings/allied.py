"""Reading a marking of an allied scheme (UK, Australia, New Zealand, Canada, NATO's own
documents): an optional owner prefix, a level, then the scheme's words (handling instructions,
descriptors, caveats, markers, codewords) in any punctuation.

The scheme is data (`marklint.markings.scheme`, rules/vocab/<scheme>.yaml). Separators between
the parts are not enforced (A-06: the UK formats are shown only as images in GSCP24, UNSURE);
spelling, case, order, duplicates, retired levels and what each word allows are.
"""

from __future__ import annotations

import difflib
import re

from marklint.markings.allied_render import order_key
from marklint.markings.model import Marking, MarkingError, Note, Problem
from marklint.markings.scheme import Scheme
from marklint.markings.vocab import Vocabulary
from marklint.markings.vocab_loader import default_vocabulary

# an en or em dash too: a word processor turns " - " into " – " (`SECRET – CANADIAN EYES ONLY`)
_SEPARATORS = re.compile(r"[\s/,;:|\-\u2013\u2014]+")
_WORD = re.compile(r"[A-Za-z0-9_'&.:]+(?:-[A-Za-z0-9_'&.:]+)*")


class AlliedAnalysis:
    """A read allied marking: its meaning, notes and spans (the shape of reader.Reader)."""

    allied = True

    def __init__(self, marking: Marking, form: str, notes: list[Note], spans: dict[str, tuple[int, int]]) -> None:
        self.marking = marking
        self.form = form
        self.notes = notes
        self.spans = spans
        self.items: list = []


_CODE_RE = re.compile(r"\b[A-Z][A-Z_]+\b")
_LIST_WORDS = frozenset({"REL", "RELEASABLE", "TO"})  # the words that open a releasability list


class _Reader:
    def __init__(self, text: str, form: str, vocab: Vocabulary) -> None:
        self.s: Scheme = vocab.allied
        self.v = vocab
        self.text = text
        self.notes: list[Note] = []
        self.spans: dict[str, tuple[int, int]] = {}
        stripped = text.strip()
        self.start = len(text) - len(text.lstrip())
        self.portion = stripped.startswith("(") and stripped.endswith(")")
        self.form = "portion" if self.portion else "banner"
        if form not in ("auto", self.form):
            self.note("marking-syntax", self.start, self.start + 1,
                      "a portion mark is written in parentheses" if form == "portion"
                      else "a banner is not written in parentheses")

    def note(self, rule: str, start: int, end: int, message: str, replacement: str | None = None,
             since=None) -> None:
        self.notes.append(Note(Problem(rule, start + 1, max(end, start + 1) + 1, message, replacement), since))

    def fail(self, message: str, start: int, end: int, rule: str = "marking-unknown-token",
             word: str | None = None, pool: list[str] | None = None) -> MarkingError:
        close = difflib.get_close_matches(word.upper(), pool, n=1, cutoff=0.6) if word and pool else []
        if close:
            message += f'; did you mean "{close[0]}"?'
        error = MarkingError(message, start + 1, end + 1, rule, word, close[0] if close else None)
        error.confident = bool(close)
        return error

    def near_miss(self, what: str, start: int, stop: int, spelled: str) -> MarkingError:
        """The error for words at `start`..`stop` that misspell `spelled`, with that suggestion."""
        shown = self.text[start:stop]
        error = MarkingError(f'unknown {what} "{shown}"; did you mean "{spelled}"?', start + 1, stop + 1,
                             "marking-unknown-token", shown, spelled)
        error.confident = True
        return error

    # -- the parts

    def read(self) -> Marking:
        s = self.s
        text = self.text
        pos = self.start + (1 if self.portion else 0)
        end = len(text.rstrip()) - (1 if self.portion else 0)
        if text.startswith("//", pos):  # NATO in IC syntax: //NATO SECRET
            pos += 2
        owners: tuple[str, ...] = ()
        for prefix in s.prefixes:
            if text[pos:pos + len(prefix) + 1].upper() == prefix + " ":
                owners, pos = (prefix,), pos + len(prefix) + 1
        leading = self.read_leading(pos, end)
        if leading:
            pos = leading[-1][2] + 1
        level, pos = self.read_level(pos, end)
        found: list[tuple[str, int, int]] = []
        codewords: list[str] = []
        while True:
            sep = _SEPARATORS.match(text, pos, end)
            if sep:
                pos = sep.end()
            if pos >= end:
                break
            if s.bilingual and self.other_language(level, pos, end):
                pos = self.spans["translation"][1]
                continue
            hit = self.element_at(pos, end)
            if hit is not None:
                found.append(hit)
                pos = hit[2]
                continue
            word = _WORD.match(text, pos, end)
            if word is None:
                raise MarkingError(f'unexpected "{text[pos]}" in a {s.name} marking', pos + 1, pos + 2)
            self.other_word(word.group(), word.start(), word.end(), end, level, codewords)
            pos = word.end()
        self.check_elements(level, leading)
        self.check_elements(level, found)
        found += leading
        retired = (s.levels[level].banner,) if s.levels[level].retired is not None else ()  # judged by the date
        marking = Marking(scheme=s.id, level=level, owners=owners, sci=tuple((c, ()) for c in sorted(set(codewords))),
                          dissem=frozenset(e for e, _, _ in found) | set(s.levels[level].implies), legacy=retired,
                          vocab=self.v)
        return marking

    def read_leading(self, pos: int, end: int) -> list[tuple[str, int, int]]:
        """The scheme's `leading` elements written before the level, each followed by a space
        (`MEDICAL IN-CONFIDENCE`, NZ-PSR p.13)."""
        found: list[tuple[str, int, int]] = []
        while self.s.leading:
            hit = self.element_at(pos, end)
            if hit is None or hit[0] not in self.s.leading or not self.text.startswith(" ", hit[2]):
                return found
            found.append(hit)
            pos = hit[2] + 1
        return found

    def read_level(self, pos: int, end: int) -> tuple[str, int]:
        s = self.s
        text = self.text
        best = _longest(s.spellings, text[pos:end].upper())
        if best is None:
            near = _nearest(text, pos, end, sorted({lv.banner.upper() for lv in s.levels.values()}))
            if near is not None:  # `PROTECTD B`: the level of as many words
                raise self.near_miss(f"{s.name} classification", pos, *near)
            word = _WORD.match(text, pos, end)
            shown = word.group() if word else text[pos:end]
            raise self.fail(f'unknown {s.name} classification "{shown}"', pos, pos + len(shown),
                            word=shown, pool=sorted({lv.banner for lv in s.levels.values()}))
        spelled, level_id, how = best
        stop = pos + len(spelled)
        written = text[pos:stop]
        level = s.levels[level_id]
        self.spans["level"] = (pos, stop)
        canonical = level.portion if self.portion and s.portion_marks else level.banner
        if how == "wrong":
            self.note("marking-form", pos, stop, f'write "{canonical}", not "{written}" ({s.citation})', canonical)
        elif not self.portion and how == "portion" and level.portion != level.banner:
            self.note("marking-form", pos, stop, f'the classification in a banner is spelled out: "{level.banner}"',
                      level.banner)
        elif self.portion and s.portion_marks and how == "banner" and level.portion != level.banner:
            self.note("marking-form", pos, stop, f'a paragraph mark uses "{level.portion}"', level.portion)
        elif how in ("banner", "portion") and written not in level.aliases \
                and written != (level.banner if how == "banner" else level.portion):
            right = level.banner if how == "banner" else level.portion
            self.note("marking-form", pos, stop, f'"{written}" must be written "{right}" ({s.citation})', right)
        if level.retired is not None:
            self.note("legacy-marking", pos, stop,
                      f'"{level.banner}" was retired on {level.retired.isoformat()}; use {level.replacement}',
                      since=level.retired)
        return level_id, stop

    def other_language(self, level: str, pos: int, end: int) -> bool:
        """A bilingual marking's level in its other language (`PROTECTED B / PROTÉGÉ B`): read
        when it is the same level written another way, a conflict when it is another level."""
        best = _longest(self.s.spellings, self.text[pos:end].upper())
        if best is None or best[2] == "wrong":
            return False
        spelled, other, _ = best
        start, stop = self.spans["level"]
        if other == level and spelled.upper() == self.text[start:stop].upper() and "/" not in self.text[stop:pos]:
            return False  # the same words again, not after a "/": a duplicate, not a translation
        if other != level:
            self.note("marking-conflict", pos, pos + len(spelled),
                      f'the two languages name different levels: "{self.s.levels[level].banner}" and '
                      f'"{self.s.levels[other].banner}" ({self.s.citation})')
        self.spans["translation"] = (pos, pos + len(spelled))
        return True

    def element_at(self, pos: int, end: int) -> tuple[str, int, int] | None:
        s = self.s
        text = self.text
        best = _longest(s.element_spellings, text[pos:end].upper())
        for element in s.elements.values() if best is None else ():  # a known word wins over a pattern
            if element.pattern:
                m = re.compile(element.pattern).match(text, pos, end)
                if m and (best is None or m.end() - pos > len(best[0])):  # the longest pattern match
                    best = (m.group(), element.id, "pattern")
        if best is None:
            return None
        spelled, element_id, how = best
        stop = pos + len(spelled)
        element = s.elements[element_id]
        if how == "pattern" and "<codes>" in element_id:
            self.check_codes(pos, stop)
        written = text[pos:stop]
        if how in ("banner", "portion") and written != (element.id if how == "banner" else element.portion) \
                and written not in element.aliases:
            right = element.id if how == "banner" else element.portion
            self.note("marking-form", pos, stop, f'"{written}" must be written "{right}" ({element.rule or s.citation})',
                      right)
        self.spans.setdefault(element_id, (pos, stop))
        return element_id, pos, stop

    def check_codes(self, pos: int, stop: int) -> None:
        """Each code of a releasability list (`REL AUS/GBR`, `REL TO USA, EU`) is a country or
        organisation code of the register (A11): `GRB` is a misspelling, not a country."""
        known = default_vocabulary()
        for m in _CODE_RE.finditer(self.text, pos, stop):
            code = m.group()
            if code not in _LIST_WORDS and code not in known.trigraphs and code not in known.tetragraphs:
                pool = sorted(known.trigraphs) + sorted(known.tetragraphs)
                swapped = [c for c in pool if sorted(c) == sorted(code)]  # two letters swapped: `GRB` for `GBR`
                raise self.fail(f'unknown country code "{code}"', m.start(), m.end(), word=code, pool=swapped or pool)

    def other_word(self, word: str, start: int, stop: int, end: int, level: str, codewords: list[str]) -> None:
        """A word that is no element: a "-SUFFIX" that belongs to another level, a codeword, or unknown."""
        s = self.s
        joined = [lv for lv in s.levels.values() if lv.banner.upper().endswith("-" + word.upper())]
        if joined:
            owner = joined[0].banner[: -len(word) - 1]
            self.note("marking-conflict", start - 1, stop,
                      f'"-{word.upper()}" is used only after {owner} ({s.citation})')
            return
        pool = sorted(s.element_spellings)
        if self.text[start - 1] == "-":  # `OFFICIAL-SENSATIVE`: the end of a level written with a dash
            pool += sorted({lv.banner.upper().split("-", 1)[1] for lv in s.levels.values() if "-" in lv.banner})
        near = _nearest(self.text, start, end, pool)
        if near is not None:  # `PERSONEL DATA`: a misspelt word, not a codeword
            raise self.near_miss(f"{s.name} marking word", start, *near)
        if s.codeword_levels and re.fullmatch(r"[A-Z][A-Z0-9]{2,19}", word):
            if codewords:  # a codeword is one word (GSCP24): more is prose, not a marking
                raise self.fail(f'unknown {s.name} marking word "{word}"', start, stop)
            if level not in s.codeword_levels:
                self.note("marking-conflict", start, stop,
                          f'a codeword ("{word}") is used only with {" or ".join(sorted(s.codeword_levels))} '
                          f"({s.citation})")
            codewords.append(word)
            self.spans.setdefault(word, (start, stop))
            return
        raise self.fail(f'unknown {s.name} marking word "{word}"', start, stop, word=word,
                        pool=sorted(s.element_spellings))

    def check_elements(self, level: str, found: list[tuple[str, int, int]]) -> None:
        s = self.s
        present = {e for e, _, _ in found}
        seen: set[str] = set()
        for element_id, start, stop in found:
            element = s.elements[element_id]
            cite = element.rule or s.citation
            if element_id in seen:
                self.note("marking-duplicate", start, stop, f'"{element_id}" is repeated')
            seen.add(element_id)
            if element.kind == "forbidden":
                self.note("marking-conflict", start, stop, f'"{element_id}" is not used in {s.name} markings ({cite})')
            elif element.levels and level not in element.levels:
                allowed = ", ".join(s.levels[lv].banner for lv in sorted(element.levels, key=s.rank))
                self.note("marking-conflict", start, stop,
                          f'"{element_id}" is not used with {s.levels[level].banner} (allowed: {allowed}) ({cite})')
            for other in element.excludes:
                if other in present and (other, element_id) not in _pairs(found):
                    self.note("marking-conflict", start, stop, f'"{element_id}" and "{other}" are never used together ({cite})')
            for needed in element.requires:
                if needed not in present:
                    self.note("marking-conflict", start, stop, f'"{element_id}" requires "{needed}" ({cite})')
        keys = [order_key(s, s.elements[e]) for e, _, _ in found]
        for i in range(1, len(found)):
            if keys[i] < keys[i - 1]:
                element_id, start, stop = found[i]
                before = found[i - 1][0]
                self.note("marking-order", start, stop, f'"{element_id}" goes before "{before}" ({s.citation})')
                break


NEAR_MISS_RATIO = 0.85  # `PERSONEL DATA` for PERSONAL DATA, `PROTECTD B` for PROTECTED B; not a codeword


def _nearest(text: str, pos: int, end: int, spellings: list[str]) -> tuple[int, str] | None:
    """(end, spelling) of the spelling that the words at `pos`, as many as it has, misspell:
    the closest one above NEAR_MISS_RATIO, or None."""
    best: tuple[float, int, str] | None = None
    for spelled in spellings:
        run = re.compile(r"\S+" + r"[\s/-]+\S+" * spelled.count(" ")).match(text, pos, end)
        if run is None or run.group().upper() == spelled:
            continue
        ratio = difflib.SequenceMatcher(None, run.group().upper(), spelled).ratio()
        if ratio >= NEAR_MISS_RATIO and (best is None or ratio > best[0]):
            best = (ratio, run.end(), spelled)
    return None if best is None else (best[1], best[2])


def _longest(spellings: dict[str, tuple[str, str]], upper: str) -> tuple[str, str, str] | None:
    """(spelling, id, form) of the longest spelling that starts `upper` as whole words, or None."""
    best = None
    for spelled, (ident, how) in spellings.items():
        if upper.startswith(spelled) and (len(upper) == len(spelled) or not upper[len(spelled)].isalnum()) \
                and (best is None or len(spelled) > len(best[0])):
            best = (spelled, ident, how)
    return best


def _pairs(found: list[tuple[str, int, int]]) -> set[tuple[str, str]]:
    """(earlier, later) pairs of the elements found: an exclusion is reported once, at the later one."""
    ids = [e for e, _, _ in found]
    return {(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]}


def analyse(text: str, form: str, vocab: Vocabulary) -> AlliedAnalysis:
    """Read one marking of the vocabulary's allied scheme; raise MarkingError when it cannot be understood."""
    reader = _Reader(text, form, vocab)
    marking = reader.read()
    return AlliedAnalysis(marking, reader.form, reader.notes, reader.spans)


def misplaced(m: Marking) -> frozenset[str]:
    """The elements of an allied marking that it may not carry: forbidden in the scheme, or not
    allowed with its level (each is reported as marking-conflict where it is written, so the
    roll-up neither asks for it nor counts it, A-02, A-04, A-06, A-09). Empty for a US marking."""
    s: Scheme | None = m.vocab.allied if m.vocab is not None else None
    if s is None or m.scheme != s.id:
        return frozenset()
    implied = set(s.levels[m.level].implies)
    return frozenset(e for e in m.dissem if e not in implied and (
        s.elements[e].kind == "forbidden" or (s.elements[e].levels and m.level not in s.elements[e].levels)))


def _takes_part(s: Scheme, m: Marking, element: str, commons: set[str]) -> bool:
    """Whether portion `m` takes part in the roll-up of the releasability element `element`:
    not when its level cannot carry it (an OFFICIAL paragraph in a PROTECTED REL AUS/GBR
    brief), nor when it is below the security-classified levels and carries no releasability
    at all (R-06: uncaveated unclassified portions do not take part in the FD&R roll-up)."""
    allowed = s.elements[element].levels
    if allowed and m.level not in allowed:
        return False
    return s.rank(m.level) >= 1 or bool(commons)


def rollup(portions: list[Marking]) -> Marking:
    """The document marking implied by allied portions: the highest level, every "always"
    element (handling words, eyes-only caveats) and codeword, and the "common" elements
    (releasability lists) every portion taking part carries (`_takes_part`); elements a
    portion may not carry (`misplaced`) are left out."""
    s: Scheme = portions[0].vocab.allied
    top = max(portions, key=lambda m: m.rank)
    valid = [(m, m.dissem - misplaced(m)) for m in portions]
    always = {e for _, dissem in valid for e in dissem if s.elements[e].rollup == "always"}
    commons = [(m, {e for e in dissem if s.elements[e].rollup == "common"}) for m, dissem in valid]
    common = {e for _, found in commons for e in found
              if all(e in found_there for m, found_there in commons if _takes_part(s, m, e, found_there))}
    owners = top.owners if all(m.owners == top.owners for m in portions) else ()
    codewords = tuple(sorted({t for m in portions for t in m.sci}))
    return Marking(scheme=s.id, level=top.level, owners=owners, sci=codewords, dissem=frozenset(always | common),
                   vocab=top.vocab)
