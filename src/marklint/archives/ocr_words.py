"""How an OCR'd word is read as a banner word or a portion mark's level (`marklint.archives.ocr`).

A weighted edit distance whose substitutions cost less where a confusion table of OCR
misreadings knows them (C/G, S/5, I/l/1, O/0/D, T/L/I, E/F, R/K, U/V, ...): `SEGRET` is read as
SECRET (0.90) with more confidence than `SECRES` (0.80); at most one edit per `MIN_FUZZY`
letters; shorter words are never guessed. A table rather than an edit-distance library such as
rapidfuzz: it knows which slips OCR makes, and it needs no dependency. A banner the scan left
specks beside (`ae i SECRET NOFORN SENSITIVE`) is read once they are dropped (`without_specks`).
"""

from __future__ import annotations

import re

BANNER_WORDS = ("SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "NOFORN", "WNINTEL", "NOCONTRACT", "PROPIN")
_EXACT_WORDS = frozenset({"TOP", "ORCON", "NF", "FOUO", "SBU", "LIMDIS", "EXDIS", "NODIS", "NOFORN", "SENSITIVE"})
MIN_FUZZY = 6  # shorter words are never guessed
LONE_SLIPS = 2  # substitutions read on a banner word alone on its line
# Words of the era's documents that stand within LONE_SLIPS of a banner word and are no slip of
# it: the Secretary of Defense in a dissemination list (`SECDEF`).
NO_SLIPS = frozenset({"SECDEF"})
# What OCR reads in place of a letter of a banner word (upper case; lower-case forms are folded).
CONFUSIONS: dict[str, str] = {
    "A": "4@", "B": "8ER", "C": "G(EO0", "D": "O0", "E": "FB3C", "F": "EP", "G": "C6",
    "I": "1L|!JT", "L": "I1T|", "N": "HMW", "O": "0DQC", "R": "KBP", "S": "5$8", "T": "I7L1Y", "U": "V",
    "V": "U", "W": "VN",
}
TABLE_COST, OTHER_COST = 0.5, 1.0
INSIDE_A_LINE = 0.9  # the confidence of an exact banner found as a column of a longer line
_JUNK_RE = re.compile(r"^[^A-Za-z0-9(]+|[^A-Za-z0-9)]+$")


def _substitution(expected: str, seen: str) -> float:
    if expected == seen.upper():
        return 0.0
    return TABLE_COST if seen.upper() in CONFUSIONS.get(expected, "") or seen in CONFUSIONS.get(expected, "") \
        else OTHER_COST


def edit_cost(expected: str, seen: str) -> float:
    """The weighted edit distance from a banner word to what OCR wrote (insertions and
    deletions cost OTHER_COST, substitutions TABLE_COST when the confusion table knows them)."""
    previous = [i * OTHER_COST for i in range(len(seen) + 1)]
    for i, letter in enumerate(expected, 1):
        current = [i * OTHER_COST]
        for j, char in enumerate(seen, 1):
            current.append(min(previous[j] + OTHER_COST, current[j - 1] + OTHER_COST,
                               previous[j - 1] + _substitution(letter, char)))
        previous = current
    return previous[-1]


def read_word(word: str) -> tuple[str, float] | None:
    """(banner word, confidence) for an OCR'd word, or None when it is none. An exact word
    (in capitals) has confidence 1; a tolerant reading loses 0.1 per confusion-table
    substitution and 0.2 per other edit."""
    upper = word.upper()
    if upper in _EXACT_WORDS or upper in BANNER_WORDS:
        return upper, 1.0 if word.isupper() else 0.95
    best: tuple[str, float] | None = None
    for target in BANNER_WORDS:
        if abs(len(target) - len(word)) > 1 or len(target) < MIN_FUZZY:
            continue
        cost = edit_cost(target, word)
        if cost <= len(target) / MIN_FUZZY and (best is None or cost < best[1]):
            best = (target, cost)
    if best is None:
        return None
    return best[0], round(1 - 0.2 * best[1], 2)


def read_lone_word(word: str) -> tuple[str, float] | None:
    """(banner word, confidence) for a word standing alone on its line: as `read_word`, or
    through up to LONE_SLIPS substitutions (no letter inserted or dropped) after its first two
    letters, which must be intact, when its first and last letters are capitals (`SECRIK`,
    `SEtbeT`; not `Sacred`, `DECREE` nor `REGRET`), losing 0.1 or 0.2 per slip as `read_word`
    does; or a long level word the scan's crop cut at its ends (`_read_cropped`)."""
    reading = read_word(word) or _read_cropped(word)
    if reading is not None or not (word[:1].isupper() and word[-1:].isupper()) or word.upper() in NO_SLIPS:
        return reading
    for target in BANNER_WORDS:
        slips = sum(1 for expected, seen in zip(target, word.upper()) if expected != seen)
        if len(target) == len(word) >= MIN_FUZZY and slips <= LONE_SLIPS and word[:2].upper() == target[:2]:
            return target, round(1 - 0.2 * edit_cost(target, word), 2)
    return None


CROPPED_LEVELS = ("CONFIDENTIAL", "UNCLASSIFIED")
CROPPED_SHARE = 3 / 4  # of a long level word's letters, in one run, that a crop must leave


def _read_cropped(word: str) -> tuple[str, float] | None:
    """(level, confidence) for capitals that are one run from inside a long level word, at
    least CROPPED_SHARE of its letters, both its first and its last letters cut off by the
    edges of the scan (`ONFIDENTI`, `NCLASSIFIE`): 0.2 less per letter lost. A run that keeps
    either end is a word of the language or a slip `read_word` judges (`CONFIDENT`,
    `CLASSIFIED`)."""
    if not word.isupper():
        return None
    for target in CROPPED_LEVELS:
        at = target.find(word, 1)
        if 0 < at and at + len(word) < len(target) and len(word) >= len(target) * CROPPED_SHARE:
            return target, round(max(0.1, 1 - 0.2 * (len(target) - len(word))), 2)
    return None


# A level typed one letter at a time, the letters joined by a hyphen or a blank (`S-E-C-R-E-T`,
# `S E C R E T`): the scan misreads each letter on its own (`5-I-C-R-E-T`, `S-E-C-R-I-I`).
_SPACED_RE = re.compile(r"[A-Z0-9](?P<joiner>[- ])[A-Z0-9](?:(?P=joiner)[A-Z0-9]){2,}")
SPACED_LEVELS = ("SECRET", "CONFIDENTIAL", "UNCLASSIFIED")
SPACED_SHARE = 2 / 3  # of a level's letters the scan must leave readable, each in its place


def _read_spaced(core: str) -> tuple[str, float] | None:
    """(the level in spaced letters, confidence) for letters typed apart, as many as a level
    word has, at least SPACED_SHARE of them that letter or a confusion-table slip of it in
    its place; the confidence as `read_word` counts it. None for no level or an exact one."""
    match = _SPACED_RE.fullmatch(core)
    if match is None:
        return None
    letters, joiner = core[::2], match["joiner"]
    for target in SPACED_LEVELS:
        if len(target) != len(letters) or letters == target:
            continue
        readable = sum(1 for expected, seen in zip(target, letters) if _substitution(expected, seen) < OTHER_COST)
        if readable >= len(target) * SPACED_SHARE:
            cost = sum(_substitution(expected, seen) for expected, seen in zip(target, letters))
            return joiner.join(target), round(max(0.1, 1 - 0.2 * cost), 2)
    return None


OVERPRINT_MAX = 4  # characters of a stamp the scan fused to the front of a banner word


def _read_overprinted(word: str) -> tuple[str, float] | None:
    """(banner word, confidence) of a word in capitals that a stamp's fragment in mixed case
    fused to at its front (`DoRISEGRET`: `DoRI` over `SEGRET`), read as `read_word` reads it,
    with at most the confidence of junk dropped; None when there is none."""
    for cut in range(1, OVERPRINT_MAX + 1):
        head, tail = word[:cut], word[cut:]
        if head.isupper() or not head.isalpha() or not tail.isupper():
            continue
        reading = read_word(tail)
        if reading is not None:
            return reading[0], min(reading[1], INSIDE_A_LINE)
    return None


_TOP_LIKE = re.compile(r"[TFIJL17]OP")  # TOP, its T read as a letter of the same bar or stem


def _read_top_before(word: str, parts: list[str]) -> tuple[str, float] | None:
    """(TOP, 0.9) for the first word of a line when it is TOP with its T misread (`FOP
    SECRET`, `IOP SECRET`) and SECRET follows: TOP is the one word a level's SECRET is ever
    preceded by; None otherwise."""
    words = [part for part in parts if part and not part.isspace() and part not in ("/", "//")]
    if word == "TOP" or not _TOP_LIKE.fullmatch(word) or len(words) < 2 or words[0] != word:
        return None
    following = read_word(words[1])
    return ("TOP", 0.9) if following is not None and following[0] == "SECRET" else None


AFTER_TOP_KEPT = 3  # of SECRET's letters in place, its last two among them, a word after TOP keeps


def _read_after_top(word: str) -> tuple[str, float] | None:
    """(SECRET, confidence) for the word after TOP, the one word a level's TOP is ever followed
    by, when it is six capitals that keep at least AFTER_TOP_KEPT of SECRET's letters in place,
    its closing ET among them (`TOP CZARET`); the confidence as `read_word` counts it."""
    if len(word) != len("SECRET") or not word.isupper() or not word.endswith("ET"):
        return None
    kept = sum(1 for expected, seen in zip("SECRET", word) if expected == seen)
    return ("SECRET", round(max(0.1, 1 - 0.2 * edit_cost("SECRET", word)), 2)) if kept >= AFTER_TOP_KEPT else None


def read_banner(text: str, vocab: object | None) -> tuple[str, float] | None:
    """(banner, confidence) for a line that is a banner once its OCR slips are read, or None.
    The line's words are read one by one (`read_word`; `/` and `//` are kept; the word after
    TOP through more slips, `_read_after_top`; a later word in capitals that no banner word is
    close to is kept as written, for the parse to judge); junk at its ends is dropped. Only a reading below confidence 1 is returned: an exact banner
    needs none."""
    from marklint.mark_strings import banner_of

    core = _JUNK_RE.sub("", text)
    if not core or len(core) > 80:
        return None
    spaced = _read_spaced(core)
    if spaced is not None:
        return (spaced[0], min(spaced[1], 0.9 if core != text.strip() else 0.99)) \
            if banner_of(spaced[0], vocab) is not None else None
    parts = re.split(r"(\s+|//|/)", core)
    read, confidence = [], 1.0
    for part in parts:
        if not part or part.isspace() or part in ("/", "//"):
            read.append(" " if part and part.isspace() else part)
            continue
        word = read_lone_word(part) if part == core else read_word(part)
        if word is None and "".join(read).strip() == "TOP":
            word = _read_after_top(part)
        if word is None and not read:
            word = _read_overprinted(part) or _read_top_before(part, parts)
        if word is None and part.isupper() and read:
            word = (part, 1.0)  # a codeword or control beyond the table (`SABRE`): the parse decides
        if word is None:
            return None
        read.append(word[0])
        confidence = min(confidence, word[1])
    banner = "".join(read).strip()
    if core != text.strip():
        confidence = min(confidence, 0.9)  # junk dropped at an end
    if (confidence >= 1.0 and banner == text.strip()) or banner_of(banner, vocab) is None:
        return None
    return banner, min(confidence, 0.99)


_MARK_LEVELS = ("TS", "S", "C", "U")


def read_mark(inner: str) -> tuple[str, float] | None:
    """(level, confidence) of the inside of a portion mark written with OCR slips: S read from
    the confusion table (`5`, `8`, `$`), a letter doubled in the other case dropped (`Cc`); an
    exact level gives confidence 1. None when it is no level (a `0` is as likely O or D as C:
    not read)."""
    letters = ""
    confidence = 1.0
    for char in inner:
        upper = char.upper()
        if upper in "TSCU":
            read = upper
        else:
            read = "S" if char in CONFUSIONS["S"] else None  # C, U have no slip a mark survives
            if read is None:
                return None
            confidence -= 0.1
        if char != upper:
            confidence -= 0.05
        if not letters.endswith(read):
            letters += read
        else:
            confidence -= 0.05
    return (letters, round(confidence, 2)) if letters in _MARK_LEVELS else None


_SPECK_MAX = 3  # letters of a speck the scan left beside a banner (`i`, `ae`, `Poe`)
_SPECKS_MAX = 2  # how many specks on one side of it
_PUNCTUATION = " .:;,-_*\u2022"


def _speck(word: str) -> bool:
    """Whether a word beside a banner is a speck the scan left: a few letters (`ae`, `Poe`) or
    no letter at all (a stamp's number or date: `2/24492,`); never a banner word."""
    return (len(word) <= _SPECK_MAX or not re.search("[A-Za-z]", word)) and read_word(word) is None


def without_specks(text: str, vocab: object | None) -> tuple[int, str, str, float] | None:
    """(offset, written, banner, confidence) of a column that is a banner, read with its OCR slips
    (`read_banner`), once up to two specks are dropped at its ends (`ae i SECRET NOFORN
    SENSITIVE`, `SECRET NOFORN SENSITIVE Poe`, `2/24492, SEXRET`), or None."""
    from marklint.mark_strings import banner_of

    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    for lead in range(_SPECKS_MAX + 1):
        for trail in range(_SPECKS_MAX + 1):
            if lead + trail == 0 or lead + trail >= len(words):
                continue
            specks = words[:lead] + (words[len(words) - trail:] if trail else [])
            if not all(_speck(word) for _, word in specks):
                continue
            start, end = words[lead][0], words[len(words) - trail - 1][0] + len(words[len(words) - trail - 1][1])
            banner = text[start:end].lstrip(_PUNCTUATION)
            if banner and banner_of(banner, vocab) is not None:
                return end - len(banner), banner, banner, INSIDE_A_LINE
            reading = read_banner(banner, vocab) if banner else None
            if reading is not None:
                return end - len(banner), banner, reading[0], min(reading[1], INSIDE_A_LINE)
    return None
