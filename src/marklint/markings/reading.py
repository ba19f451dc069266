"""What reading one marking shares: its values as written, the items read, the notes, and the
lookup helpers of the reader modules (levels, controls, compartments, order).
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass

from marklint.markings.model import MarkingError, Note, Problem, Tree, sort_key
from marklint.markings.vocab import Token, Vocabulary

_WORD = r"[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*"
_HYPHEN_BLANKS = r"\s*-\s*"


@dataclass(slots=True, eq=False)
class Value:
    """One value of a marking as written: its grammar rule, text, span and category."""

    kind: str  # the grammar rule that read it: "classification", "by_vocabulary", "sap", ...
    text: str
    start: int  # 0-based offset in the original string
    end: int
    cat: int = 0  # index of the category it was written in


@dataclass(slots=True, eq=False)
class Item:
    """One understood value: its slot, its key (for order/duplicates) and its span."""

    slot: str
    key: str
    start: int
    end: int
    cat: int
    order: tuple = ()


class ReadState:
    """The state of reading one marking: Marking fields found so far (`f`), items and notes."""

    form: str  # "banner" | "portion"
    values: list[Value]
    leading: bool  # a "//" before the first category
    separators: list[tuple[str, str, int, int]]  # (kind, raw, start, end): kind "cat" or "val"

    def __init__(self, vocab: Vocabulary) -> None:
        self.v = vocab
        self.found: list[Note] = []  # notes so far (`notes` adds those of order.py)
        self.items: list[Item] = []
        self.spans: dict[str, tuple[int, int]] = {}
        self.f: dict = {"sci": [], "sap": [], "aea": {}, "fgi": None, "cui": False, "cuicat": [], "accm": [],
                        "dissem": set(), "rel_to": None, "display_only": None, "eyes": None,
                        "nonic": set(), "legacy_decl": None, "legacy": []}
        self.scheme = "us"
        self.level = ""
        self.owners: tuple[str, ...] = ()

    def note(self, rule: str, start: int, end: int, message: str, replacement: str | None = None,
             since: datetime.date | None = None, moves: bool = False) -> None:
        self.found.append(Note(Problem(rule, start + 1, end + 1, message, replacement), since, moves))

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
        # the words of a known spelling in another order say more than a close spelling
        suggestion = _transposed(target, pool) or (close[0] if close else None)
        if suggestion and candidates is None:
            hit = self.v.token(suggestion)
            if hit:
                noun = {"dissem": "dissemination control", "nonic": "non-IC dissemination control",
                        "aea": "AEA marking"}[hit[0].category]
        message = f'unknown {noun} "{word}"' + (f'; did you mean "{suggestion}"?' if suggestion else "")
        error = MarkingError(message, start + 1, end + 1, "marking-unknown-token", word, suggestion)
        # a fix may apply the suggestion only when it is clearly the one meant
        ratio = [r for r, _ in scored]
        error.confident = bool(ratio) and ratio[0] >= 0.8 and (len(ratio) == 1 or ratio[1] < 0.8) \
            and suggestion == close[0]
        return error

    def joined_tokens(self, raw: str, start: int) -> list[tuple[Token, int, int]]:
        """Two or more known controls written with blanks between them (`NOFORN ORCON`), each
        with its span (longest spelling first: `SBU NOFORN` is one control); [] otherwise."""
        words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", raw)]
        found: list[tuple[Token, int, int]] = []
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                hit = self.v.token(" ".join(w for w, _, _ in words[i:j]))
                if hit is not None and not hit[0].takes:
                    found.append((hit[0], start + words[i][1], start + words[j - 1][2]))
                    i = j
                    break
            else:
                return []
        return found if len(found) > 1 else []

    def case(self, written: str, expected: str, start: int) -> None:
        if written != expected and written.upper() == expected.upper():
            self.note("marking-form", start, start + len(written),
                      f'"{written}" must be written "{expected}" (S-01)', expected)

    def add(self, slot: str, key: str, start: int, end: int, cat: int, order: tuple = ()) -> None:
        self.items.append(Item(slot, key, start, end, cat, order))
        self.spans.setdefault(key, (start, end))


def _transposed(target: str, pool: tuple[str, ...] | list[str]) -> str | None:
    """A known spelling of several words written in another order at the start of `target`
    (`SECRET TOP`, `TO REL USA, GBR`, `ONLY DISPLAY AFG`): that spelling and the rest, or None."""
    words = target.split(" ")
    for known in pool:
        spelled = known.split(" ")
        n = len(spelled)
        if 1 < n <= len(words) and words[:n] != spelled and sorted(w.rstrip(",") for w in words[:n]) == sorted(spelled):
            return " ".join([known, *words[n:]])
    return None


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
        entry = (words[0], tuple(sorted(dict.fromkeys(words[1:]), key=sort_key)))
        if entry not in comps:  # a repeated word is S-08; the register's "HCS-P JJJ-P DDDD" is not
            comps.append(entry)
    # stable on the compartment name only: repeated names keep their written order
    return (name, tuple(sorted(comps, key=lambda c: sort_key(c[0]))))
