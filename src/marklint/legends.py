"""A form's classification check-box legend: the level boxes a form prints for its sender to
tick (CIA's routing and record sheet, Form 610: `UNCLASSIFIED / INTERNAL USE ONLY /
CONFIDENTIAL / SECRET` at its top and bottom). Its lines name levels but state none: they are
not banners (B-01), and a bottom and top banner pair among them is no page break
(`marklint.pages`, `marklint.recognize`)."""

from __future__ import annotations

import re

from marklint.document import Block, BlockKind
from marklint.levels import LEVEL_NAMES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

LEGEND_LEVELS = 3  # distinct levels that make a run of bare level lines a form's legend
LEGEND_GAP = 6  # how many blocks may stand between two lines of one legend (OCR splits its labels)


def legend_lines(banners: list[tuple[int, str | None]], portions: Callable[[int, int], bool] | None = None) -> set[int]:
    """The block indices of a form's classification check-box legend among a page's banner
    lines (`(block index, level)` in block order): a run of them, each within a few blocks of
    the last and naming a level no other line of the run names, with three or more levels (CIA's routing sheet prints
    `UNCLASSIFIED / INTERNAL USE ONLY / CONFIDENTIAL / SECRET` at its top and bottom for the
    sender to tick). A legend states no level of the page: its lines are not banners (B-01).
    A run does not cross a marked portion (`portions(after, before)`: whether a block between
    two indices opens with a portion mark): banners with a portion between them are pages'
    banners (an UNCLASSIFIED page's bottom, the next page's SECRET top, its CONFIDENTIAL bottom)."""
    runs: list[list[tuple[int, str | None]]] = []
    for index, level in banners:
        run = runs[-1] if runs else []
        if run and index - run[-1][0] <= LEGEND_GAP and level not in {seen for _, seen in run} \
                and (portions is None or not portions(run[-1][0], index)):
            run.append((index, level))
        else:
            runs.append([(index, level)])
    return {index for run in runs if len({level for _, level in run if level}) >= LEGEND_LEVELS
            for index, _ in run}


# The routing sheet's box between CONFIDENTIAL and UNCLASSIFIED, its words on one line or two
# (`INTERNAL` over `USE ONLY`).
_LEGEND_LABEL_RE = re.compile(r"INTERNAL(?:\s+USE\s+ONLY)?")


# A box's level with the scan's speck after it (`UNCLASSIFIED®`), which no banner reading takes.
_SPECKLED_RE = re.compile(r"(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)[^\w\s]{1,2}")


def legend_labels(blocks: list[Block]) -> list[tuple[int, str]]:
    """(block index, label) of each line naming a box of a form's legend that no banner
    reading takes: the INTERNAL USE ONLY box of a CIA routing sheet ("INTERNAL USE ONLY"), and
    a level box with the scan's speck after it (`UNCLASSIFIED®` on CIA's official routing slip,
    Form 237: its level code). Each is one more level of a legend (`legend_lines`), so that a
    legend the scan left with two readable levels (`SECRET` / `CONFIDENTIAL` / `INTERNAL` /
    `USE ONLY`) is still one. Never a banner."""
    found: list[tuple[int, str]] = []
    for n, block in enumerate(blocks):
        if block.kind is BlockKind.COMMENT:
            continue
        text = block.text.strip()
        if "INTERNAL" in text and _LEGEND_LABEL_RE.fullmatch(text):
            found.append((n, "INTERNAL USE ONLY"))
        elif (speckled := _SPECKLED_RE.fullmatch(text)) is not None:
            found.append((n, LEVEL_NAMES[speckled[1]]))
    return found


def legend_candidates(banners: list[tuple[int, str | None]], blocks: list[Block]) -> list[tuple[int, str | None]]:
    """A page's banner lines (`(block index, level)`) and its legend labels (`legend_labels`)
    in block order, one per block (a banner reading of a block wins), for `legend_lines`."""
    return sorted({**dict(legend_labels(blocks)), **dict(banners)}.items())
