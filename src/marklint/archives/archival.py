"""The archival step of the lint pipeline: find a document's wrapper, set it aside, and say
what it records and whether the document's collection is an OCR one."""

from __future__ import annotations

from marklint.archives.collections import Collection, load_collections
from marklint.archives.metadata import declassification_metadata
from marklint.archives.setaside import set_aside
from marklint.archives.wrappers import Wrappers, find_wrappers
from marklint.document import Document
from marklint.values import Value


class Archive(Value):
    """What the archival step found: the wrappers (empty for a draft), the declassification
    metadata (None without a wrapper) and whether a recognised collection is OCR'd text."""

    _fields = ("wrappers", "metadata", "ocr")

    def __init__(self, wrappers: Wrappers, metadata: dict[str, object] | None, ocr: bool) -> None:
        self.wrappers, self.metadata, self.ocr = wrappers, metadata, ocr

    @property
    def wrappers_found(self) -> bool:
        """Whether any wrapper page or line was set aside."""
        return bool(self.wrappers)


def set_wrappers_aside(doc: Document, extra: tuple[str, ...] = ()) -> Archive:
    """Find `doc`'s archival wrapper under the shipped collections and the files in `extra`,
    remove it from `doc`, and return what it records. Raises CollectionError for a bad
    collection file."""
    text = doc.full_text()
    hinted: tuple[Collection, ...] = tuple(c for c in load_collections(extra) if c.hinted(text))
    if not hinted:
        return Archive(Wrappers(), None, False)
    wrappers = find_wrappers(doc, hinted)
    if not wrappers:
        return Archive(wrappers, None, False)
    set_aside(doc, wrappers)
    ocr = any(c.ocr for c in hinted if c.name in wrappers.collections)
    return Archive(wrappers, declassification_metadata(wrappers), ocr)


def facts(archive: Archive, ocr) -> dict[str, object]:
    """The archival facts of a document: its declassification metadata (None without a
    wrapper), whether OCR tolerance was on, how many tolerant readings it made and the
    illegible pages (`ocr` is a `marklint.archives.ocr.OcrResult`, or None when it was off)."""
    return {
        "declassification": archive.metadata,
        "ocr": ocr is not None,
        "ocr_readings": len(ocr.corrections) if ocr is not None else 0,
        "illegible_pages": sorted(ocr.illegible) if ocr is not None else [],
    }
