"""Throughput per input format: the same generated documents written as text, Markdown, reST,
AsciiDoc, HTML, DOCX, PDF and e-mail, then read and linted in this process.

    python benchmarks/bench_formats.py [--files 200] [--pages 3]

For each format prints the corpus size, the files/s and MB/s of reading alone (file bytes ->
Document) and of the whole lint (reader, recognizer, checks). The documents carry banners,
portion marks, one unmarked paragraph per page and an authority block, so every check runs.
DOCX are written with python-docx and PDFs with fpdf2 (the test extras).
"""

from __future__ import annotations

import argparse
import io
import random
import time
from email.message import EmailMessage

WORDS = ("convoy route bridge escort schedule report site north south team supply depot signal "
         "review weekly staff plan officer station relay crossing valley harbor").split()
CAB = ["Classified By: J. Smith, Director", "Derived From: Multiple Sources", "Declassify On: 20501231"]


def _pages(rng: random.Random, pages: int) -> list[list[str]]:
    """Paragraphs of each page (banners excluded); the last page ends with the authority block."""
    result = []
    for number in range(pages):
        paragraphs = []
        for index in range(rng.randint(5, 9)):
            mark = "" if index == 3 else rng.choice(["(U) ", "(S) ", "(C) ", "(S//NF) "])
            sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 60)))
            paragraphs.append(mark + sentence.capitalize() + ".")
        result.append(paragraphs + (CAB if number == pages - 1 else []))
    return result


def _plain(pages: list[list[str]], separator: str, banner=lambda b: b) -> str:
    return separator.join(
        f"{banner('SECRET//NOFORN')}\n\n" + "\n\n".join(p for p in page if p not in CAB)
        + ("\n\n" + "\n".join(CAB) if CAB[0] in page else "") + f"\n\n{banner('SECRET//NOFORN')}\n"
        for page in pages
    )


def _html(pages: list[list[str]]) -> str:
    parts = []
    for page in pages:
        body = "".join(f"<p>{p}</p>\n" for p in page)
        parts.append(f'<div style="page-break-after: always">\n<p align="center">SECRET//NOFORN</p>\n'
                     f'{body}<p align="center">SECRET//NOFORN</p>\n</div>\n')
    return "<html><body>\n" + "".join(parts) + "</body></html>\n"


def _docx(pages: list[list[str]]) -> bytes:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "SECRET//NOFORN"
    section.footer.paragraphs[0].text = "SECRET//NOFORN"
    for number, page in enumerate(pages):
        if number:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for paragraph in page:
            document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(pages: list[list[str]]) -> bytes:
    import fpdf

    pdf = fpdf.FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=9)
    for page in pages:
        pdf.add_page()
        for paragraph in ["SECRET//NOFORN", *page, "SECRET//NOFORN"]:
            pdf.multi_cell(0, 4, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    return bytes(pdf.output())


def _eml(pages: list[list[str]]) -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@example.mil", "b@example.mil", "(U) Weekly report"
    message.set_content(_plain(pages, "\n"))
    return bytes(message)


WRITERS = {
    "txt": lambda pages: _plain(pages, "\f").encode(),
    "md": lambda pages: _plain(pages, "\n\\newpage\n\n", lambda b: f"**{b}**").encode(),
    "rst": lambda pages: _plain(pages, "\n.. raw:: pdf\n\n   PageBreak\n\n").encode(),
    "adoc": lambda pages: _plain(pages, "\n<<<\n\n").encode(),
    "html": lambda pages: _html(pages).encode(),
    "docx": _docx,
    "pdf": _pdf,
    "eml": _eml,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200, help="documents per format (default 200)")
    parser.add_argument("--pages", type=int, default=3, help="pages per document (default 3)")
    args = parser.parse_args()

    from marklint.document import ReaderOptions
    from marklint.lint import Settings, lint_bytes
    from marklint.readers import read_document

    rng = random.Random(5)
    documents = [_pages(rng, args.pages) for _ in range(args.files)]
    settings = Settings(use_config=False)
    lint_bytes("warm.txt", WRITERS["txt"](documents[0]), settings)  # load the rule set and parser once
    print(f"{args.files} documents of {args.pages} pages per format")
    print(f"{'format':<7}{'MB':>8}{'read files/s':>14}{'read MB/s':>11}{'lint files/s':>14}{'lint MB/s':>11}")
    for ext, write in WRITERS.items():
        corpus = [(f"doc{i}.{ext}", write(pages)) for i, pages in enumerate(documents)]
        size = sum(len(data) for _, data in corpus) / 1e6
        start = time.perf_counter()
        for name, data in corpus:
            read_document(name, data, options=ReaderOptions())
        read_time = time.perf_counter() - start
        start = time.perf_counter()
        for name, data in corpus:
            result = lint_bytes(name, data, settings)
            assert result.error is None, (name, result.error)
        lint_time = time.perf_counter() - start
        print(f"{ext:<7}{size:>8.2f}{len(corpus) / read_time:>14.0f}{size / read_time:>11.2f}"
              f"{len(corpus) / lint_time:>14.0f}{size / lint_time:>11.2f}")


if __name__ == "__main__":
    main()
