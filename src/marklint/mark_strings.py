"""What one marking string on a line is: the parse memo, banner lines (cable, side-column,
legacy-era and allied forms), legacy portion marks, and banners whose level is misspelt.

The recognizer (`marklint.recognize`) and the archive readings ask these questions of single
lines; they hold no page state.
"""

from __future__ import annotations

import re

from marklint.lineshapes import BANNER_CANDIDATE_RE
from marklint.values import FrozenValue

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from marklint.markings import Marking, MarkingError

_CABLE_RE = re.compile(r"((?:[A-Z] {1,3}){2,}[A-Z])((?://.*)?)")


class Parsed(FrozenValue):
    """The parse of one marking string (cached): a Marking, or the error that stopped it."""

    _fields = ("marking", "error")

    def __init__(self, marking: Marking | None, error: MarkingError | None) -> None:
        self.__dict__.update(marking=marking, error=error)



# Parses by (form, id(vocabulary)), then by marking text: the per-mark lookup is a plain
# string key into a table fetched once per document.
_cache: dict[tuple[str, int], dict[str, Parsed]] = {}


def parse_table(form: str, vocab: object | None) -> dict[str, Parsed]:
    """The cache of parses of one form under one vocabulary (marking text -> Parsed)."""
    key = (form, id(vocab))
    table = _cache.get(key)
    if table is None:
        table = _cache[key] = {}
    return table


def parse_cached(text: str, form: str, vocab: object | None = None) -> Parsed:
    """Parse a marking string once per (text, form, vocabulary); never raises MarkingError."""
    table = parse_table(form, vocab)
    hit = table.get(text)
    if hit is None:
        from marklint.markings import MarkingError, parse

        try:
            hit = Parsed(parse(text, form, vocab=vocab), None)
        except MarkingError as exc:
            hit = Parsed(None, exc)
        table[text] = hit
    return hit


_banners: dict[int, dict[str, tuple[str, Parsed, bool, tuple] | None]] = {}  # by id(vocabulary), then line
UNSEEN = object()  # not yet in _banners (None there means "not a banner")


def banner_table(vocab: object | None) -> dict[str, tuple[str, Parsed, bool, tuple] | None]:
    """The memo of `banner_of` under one vocabulary (line -> result)."""
    table = _banners.get(id(vocab))
    if table is None:
        table = _banners[id(vocab)] = {}
    return table


def banner_of(text: str, vocab: object | None = None) -> tuple[str, Parsed, bool, tuple] | None:
    """Whether a whole (stripped) line is a banner: (marking text, parse, is_cable, legacy forms)
    or None."""
    table = banner_table(vocab)
    found = table.get(text, UNSEEN)
    if found is UNSEEN:
        found = table[text] = _banner_of(text, vocab)
    return found


# A signature mark written between slashes (`//SIGNED//`, `//ORIGINAL SIGNED//`) is not a banner.
_SIGNED_RE = re.compile(r"//\s*(?:ORIGINAL )?SIGNED\s*//", re.IGNORECASE)


# A banner with a short column set far to its right on the same line: a document, copy or page
# number (`SECRET//NOFORN          SSCI-2025-0142`, `SECRET      Page 2`), which holds a digit;
# not a form's row of levels (`UNCLASSIFIED    CONFIDENTIAL    SECRET`).
_SIDE_COLUMN_RE = re.compile(r"(\S.*?\S)(?: {4,}|\t+)(?P<side>(?=[^\d\n]{0,38}\d)\S(?:.{0,38}\S)?)")
_LEVEL_WORD_RE = re.compile(r"SECRET|CONFIDENTIAL|UNCLASSIFIED|RESTRICTED|\bCUI\b", re.IGNORECASE)


def _banner_of(text: str, vocab: object | None) -> tuple[str, Parsed, bool, tuple] | None:
    if _SIGNED_RE.fullmatch(text) or not any(char.isalnum() for char in text):
        return None  # a signature mark, or a line of slashes and specks (a printout's `//`): no word, no banner
    side = _SIDE_COLUMN_RE.fullmatch(text)
    if side is not None and _LEVEL_WORD_RE.search(side["side"]) is None:
        found = _banner_of(side.group(1), vocab)
        if found is not None:
            return found
    allied = getattr(vocab, "banner_candidate", None)  # an allied scheme's own banner shape
    if allied is not None and not allied.match(text):
        return None
    if allied is None and not BANNER_CANDIDATE_RE.match(text):
        return _legacy_banner(text, vocab)
    cable = _CABLE_RE.fullmatch(text)
    if cable:
        words = re.split(r" {2,}", cable.group(1))
        collapsed = " ".join(w.replace(" ", "") for w in words) + cable.group(2)
        parsed = parse_cached(collapsed, "banner", vocab)
        if parsed.marking is None:
            return _legacy_banner(text, vocab)
        from marklint.legacy_forms import spaced_form

        return collapsed, parsed, True, (spaced_form(cable.group(1), collapsed),)
    parsed = parse_cached(text, "banner", vocab)
    if _spaced_mixed_case(text):
        if parsed.marking is not None and text.split("//", 1)[1].isupper():
            return text, parsed, False, ()
        return None
    if parsed.marking is None and "//" not in text:
        if getattr(vocab, "allied", None) and text.isupper() and parsed.error.suggestion:
            return text, parsed, False, ()  # an allied scheme's banners are words: one misspelt is still one
        return _legacy_banner(text, vocab) if allied is None else None
    return text, parsed, False, ()


def _legacy_banner(text: str, vocab: object | None) -> tuple[str, Parsed, bool, tuple] | None:
    """A banner written in an older era's form (`marklint.legacy_forms`), read as the modern
    marking it means; a control line without a level (`NO FOREIGN DISSEM`) is not a banner."""
    from marklint.legacy_forms import legacy_banner

    found = legacy_banner(text)
    if found is None or found.modern is None:
        return None
    parsed = parse_cached(found.modern, "banner", vocab)
    if parsed.marking is None:
        parsed = parse_cached(found.modern.split("//", 1)[0], "banner", vocab)
    return found.written, parsed, found.cable, found.forms


_legacy_portions: dict[str, tuple[Parsed, tuple] | None] = {}  # mark text -> (parse, forms), by vocabulary id


def legacy_portion_of(mark: str, vocab: object | None) -> tuple[Parsed, tuple] | None:
    """(parse of the modern mark, legacy forms) for a portion mark written in a legacy form
    (`(SBU)`, `(U/AIUO)`), else None."""
    key = f"{id(vocab)}:{mark}"
    found = _legacy_portions.get(key, UNSEEN)
    if found is UNSEEN:
        from marklint.legacy_forms import legacy_portion

        legacy = legacy_portion(mark)
        found = None
        if legacy is not None:
            parsed = parse_cached(legacy.modern, "portion", vocab)
            found = (parsed, legacy.forms) if parsed.marking is not None else None
        _legacy_portions[key] = found
    return found



def read_portion(mark: str, vocab: object | None) -> tuple[Parsed, tuple]:
    """(parse, legacy forms) of a portion mark, wherever it stands: an older era's form first
    (`(S/NF)`, `(SBU)`), then the modern one (a mark with `//` is modern)."""
    legacy = legacy_portion_of(mark, vocab) if "//" not in mark else None
    return legacy if legacy is not None else (parse_cached(mark, "portion", vocab), ())

def _spaced_mixed_case(text: str) -> bool:
    """`Secret // Service`: lower case and spaces around `//`. As prose can look like that, such
    a line is a banner only when it parses and has no lower case after the `//` (`Secret // NF`,
    not `secret // agent`)."""
    return ("// " in text or " //" in text) and not text.isupper()



_LEVEL_WORDS = ("TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED")
_NEAR_MISS_EDITS = 2


def near_miss_banner(text: str, vocab: object | None = None) -> Parsed | None:
    """The parse (with its error) of a line that is a banner but for a misspelt level: one line
    in capitals whose level is one or two edits (a transposition counts one) from a level
    word, with the parser's suggestion of that level; None for anything else (`SECRETARY`,
    prose, a line in lower case)."""
    scheme = getattr(vocab, "allied", None)  # an allied scheme's levels (`OFFCIAL-SENSITIVE PERSONAL DATA`)
    # in capitals, unless the scheme writes its levels in mixed case too (`Protectd A`, `OFFICIAL: Sensitve`)
    cased = scheme is not None and any(
        not spelled.isupper() for lv in scheme.levels.values() for spelled in (lv.banner, *lv.aliases))
    if "\n" in text or len(text) > 200 or (not cased and any(c.islower() for c in text)):
        return None
    levels = _LEVEL_WORDS if scheme is None else {lv.banner.upper() for lv in scheme.levels.values()}
    level = text.split("//", 1)[0].strip()
    if not level or level in levels or (scheme is None and len(level.split()) > 2):
        return None
    parsed = parse_cached(text, "banner", vocab)
    error = parsed.error
    written = level if scheme is None or error is None else (error.token or "").upper()
    if (parsed.marking is not None or error is None or error.column != 1
            or error.suggestion not in levels or _edits(written, error.suggestion) > _NEAR_MISS_EDITS):
        return None
    return parsed


def _edits(word: str, other: str) -> int:
    """The optimal string alignment distance: insertions, deletions, substitutions and
    transpositions of neighbouring letters, each one edit."""
    previous2: list[int] = []
    previous = list(range(len(other) + 1))
    for i, a in enumerate(word, 1):
        current = [i]
        for j, b in enumerate(other, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == other[j - 2] and word[i - 2] == b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]
