"""Archival releases: the wrappers an archive puts around a released document (identification
forms, release stamps and headers, page stamps, review blocks), OCR tolerance, and the
collection report.

- `collections`: the wrapper patterns, as data, one YAML file per collection (rules/archives/)
- `wrappers`: finds the wrapper lines and pages of a Document and the facts they state
- `setaside`: removes them from the Document, so that no check sees them
- `metadata`: the declassification metadata a document's wrappers record
- `ocr`: tolerant banner recognition (one-character OCR slips, banners inside a line)
- `report`: `marklint report DIR` (CSV and a self-contained HTML page)
"""
