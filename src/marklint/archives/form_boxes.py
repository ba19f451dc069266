"""A form's classification and dissemination boxes that the scan set on one line (OCR
tolerance, `marklint.archives.ocr`).

A message form (CIA's outgoing and restricted handling message forms of the 1960s and 1970s)
prints its classification box among its header boxes, over or under a `(CLASSIFICATION)`
caption: a level beside that caption (`beside_caption`) is the page's top banner however many
header boxes the scan put before it.

CIA's information report forms of the 1960s print, at the head and foot of every page, a
`CLASSIFICATION - DISSEMINATION CONTROLS` legend over two boxes: the level (`SECRET`) and the
dissemination controls (`NO FOREIGN DISSEM/NO DISSEM ABROAD`). The OCR usually gives each box a
line; now and then it runs them together (`SECRET NO FOREIGN DISSEM/NO DISSEM ABROAD`). Next
to the legend (within `NEAR_LEGEND` blocks), a line that is a level followed by dissemination
controls is the two boxes: the level is the page's banner, the controls the other box's text.
"""

from __future__ import annotations

import re

from marklint.document import Block

NEAR_LEGEND = 2  # blocks between the legend and the boxes
# The legend, with the slips the scan leaves in it (`CLASSLICATION - DISSIMINATION CONTROLS`).
_LEGEND_RE = re.compile(r"CLASS[A-Z]{3,10}\s*-\s*DISS?[A-Z]{4,10}\s+CONTROLS", re.IGNORECASE)
_LEVEL = r"TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED"
# What a dissemination box holds (CIA's control phrases of the 1950s to 1970s).
_CONTROLS = (r"NO FOREIGN DISSEM|NO DISSEM ABROAD|BACKGROUND USE ONLY|CONTROLLED DISSEM|NOT RELEASABLE"
             r"|LIMITED DISTRIBUTION|WARNING NOTICE")
_MERGED_RE = re.compile(rf"(?P<level>{_LEVEL})[:.]?[ \t]+(?P<controls>(?:{_CONTROLS})\b[^a-z]*)")


def near_legend(blocks: list[Block]) -> set[int]:
    """The indexes of the blocks within NEAR_LEGEND blocks of a form's classification and
    dissemination legend."""
    near: set[int] = set()
    for index, block in enumerate(blocks):
        if _LEGEND_RE.search(block.text):
            near.update(range(max(0, index - NEAR_LEGEND), index + NEAR_LEGEND + 1))
    return near


# The caption a message form prints under or over its classification box (`(CLASSIFICATION)`),
# as the scan leaves it (`CLASSIPICATION`, `FUSSIFICATION`, `CATION`).
_CAPTION_RE = re.compile(r"\(?[A-Z]{0,5}(?:SIFI|SIPI|SSIF|SSIP)?CATION\)?")
NEAR_CAPTION = 2  # blocks between the caption and the box


def beside_caption(texts: list[str], index: int) -> bool:
    """Whether `texts[index]` is within NEAR_CAPTION blocks of a message form's classification
    caption: the form's classification box."""
    near = texts[max(0, index - NEAR_CAPTION):index + NEAR_CAPTION + 1]
    return any(_CAPTION_RE.fullmatch(line.strip()) for text in near for line in text.split("\n"))


def merged_boxes(text: str) -> tuple[str, int] | None:
    """(level, offset of the controls) of a line that is a form's level box and dissemination
    box run together (`SECRET NO FOREIGN DISSEM/NO DISSEM ABROAD`), or None."""
    match = _MERGED_RE.fullmatch(text.strip())
    if match is None:
        return None
    return match["level"], len(text) - len(text.lstrip()) + match.start("controls")
