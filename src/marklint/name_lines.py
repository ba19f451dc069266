"""What a line written as a name, title or office looks like (`Chief, Convoy Analysis Division`,
`ROBERT T. HALE`, `Commander, 3d Battalion`): the shape the structure model (`marklint.layout`)
and the archive readings weigh for letterheads, addressees and signatures.
"""

from __future__ import annotations

import re

# Words that stay lower case in names, titles and office names.
_CONNECTORS = frozenset(
    "of for the and to at in on de del la le van von der den da y a an by via per with & und".split())
# Words of a sentence, never of a name, title or office: in a text in capitals (a cable) they
# tell a line of prose (`EMBASSY WILL REPORT FURTHER`) from a signature. `WILL` opening a line
# may be a first name.
_SENTENCE_WORDS = frozenset(
    "we they our us has have had are was were would should shall must not been did does which that this these "
    "there their will".split())
_LETTER_RE = re.compile(r"[^\W\d_]")
_ASIDE_RE = re.compile(r"\([^()]{0,40}\)")
NAME_MAX_WORDS = 12  # a title line such as "Deputy Director for Maritime Analysis, Office of ..."
NAME_MAX_CHARS = 90
_ORDINAL_RE = re.compile(r"\d{1,4}(?:st|nd|rd|th|d|ST|ND|RD|TH|D)")  # `3rd`, and the Army's `2d`, `3d`


def is_name_like(line: str) -> bool:
    """A short line written as names, titles and offices are: every word capitalised (or in
    capitals, or without letters) but small connecting words and asides in parentheses, not
    ending a sentence, and no word of a sentence in capitals (`WILL`, `HAS`, `WE`)."""
    if len(line) > NAME_MAX_CHARS:
        return False
    line = _ASIDE_RE.sub(" ", line).strip() or line  # "(on detail from DIA)", "(unclass)"
    words = line.split()
    if not words or len(words) > NAME_MAX_WORDS:
        return False
    if line.endswith(("?", "!", ":", ";")):
        return False
    if line.isupper() and all(word.lower() in _CONNECTORS for word in words):
        return True  # the capital word joining a paper's kind to its topic (`BULLET BACKGROUND PAPER` / `ON`)
    if line.endswith(".") and not (words[-1][:1].isupper() and len(words[-1]) <= 5):
        return False  # "Jr.", "Inc.", "T." end a name; "dawn." ends a sentence
    connectors = lettered = 0
    for index, word in enumerate(words):
        letter = _LETTER_RE.search(word)
        if letter is None or _ORDINAL_RE.fullmatch(word.strip("(),.;:'\"")):
            continue  # no letter, or a unit's ordinal (`3rd Battalion, 7th Infantry`)
        lettered += 1
        bare = word.strip("(),.;:'\"")
        if bare.lower() in _CONNECTORS:
            connectors += 1
        elif not letter.group().isupper():
            return False
        elif bare.isupper() and bare.lower() in _SENTENCE_WORDS and (index or bare != "WILL"):
            return False
    return lettered > 0 and connectors * 2 < lettered + 1


DISTRIBUTION_ENTRY_MAX_WORDS = 6
DISTRIBUTION_GROUP_MAX_WORDS = 3  # a group's label (`Internal:`, `External - Action:`)


def is_distribution_entry(lines: list[str]) -> bool:
    """Every line a short entry of a distribution list: a copy number or dash, an addressee or
    office, an enclosure note (`(w/atts)`); not a sentence; the first line may label a group."""
    grouped = bool(lines) and lines[0].endswith(":") and len(lines[0].split()) <= DISTRIBUTION_GROUP_MAX_WORDS
    return all(len(line.split()) <= DISTRIBUTION_ENTRY_MAX_WORDS and not line.endswith((".", "?", "!", ":"))
               for line in lines[grouped:])
