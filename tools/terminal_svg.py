"""Draw docs/images/terminal-run.svg: the README's first run (`marklint draft.txt` on its draft),
as a terminal window. The output is marklint's own, taken from a real run; tests/test_docs_site.py
checks the committed picture against a fresh one. Run `python tools/terminal_svg.py` after a
change to the first run's output."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PICTURE = ROOT / "docs" / "images" / "terminal-run.svg"
CHAR_WIDTH, LINE_HEIGHT, PAD = 8.0, 19, 16
COLORS = {"MK": "#f38ba8"}  # finding codes are errors in the draft: red, as `--color always` prints them


def first_run() -> tuple[str, str]:
    """(the draft of the README's first run, marklint's output on it)."""
    from marklint.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## A first run"):]
    draft = re.search(r"```\n(.*?)```", section, re.S).group(1)
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "draft.txt").write_text(draft, encoding="utf-8")
        old_cwd, old_out = os.getcwd(), sys.stdout
        os.chdir(folder)
        sys.stdout = captured = __import__("io").StringIO()
        try:
            main(["--no-cache", "--color", "never", "draft.txt"])
        finally:
            sys.stdout = old_out
            os.chdir(old_cwd)
    return draft, captured.getvalue()


def _line(text: str, y: float) -> str:
    """One output line; the `CODE [slug]` label coloured as the text format colours it."""
    match = re.match(r"^(.*?: )(MK\d{3} \[[a-z-]+\])(.*)$", text)
    if not match:
        return f'<text x="{PAD}" y="{y}">{escape(text)}</text>'
    head, label, tail = match.groups()
    return (f'<text x="{PAD}" y="{y}">{escape(head)}<tspan fill="{COLORS["MK"]}">{escape(label)}</tspan>'
            f"{escape(tail)}</text>")


def terminal_svg(command: str, output: str, exit_code: int = 1) -> str:
    """An SVG terminal window showing `$ command`, its output and `$ echo $?`."""
    lines = [f"$ {command}", *output.rstrip("\n").split("\n"), "$ echo $?", str(exit_code)]
    width = round(max(len(line) for line in lines) * CHAR_WIDTH + 2 * PAD)
    height = 36 + len(lines) * LINE_HEIGHT + PAD
    body = "\n".join(_line(line, 36 + PAD + i * LINE_HEIGHT) for i, line in enumerate(lines))
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="A terminal running {escape(command)}">
<title>A terminal running {escape(command)}</title>
<rect width="{width}" height="{height}" rx="8" fill="#1e1e2e"/>
<rect width="{width}" height="28" rx="8" fill="#313244"/>
<circle cx="18" cy="14" r="6" fill="#f38ba8"/><circle cx="38" cy="14" r="6" fill="#f9e2af"/><circle cx="58" cy="14" r="6" fill="#a6e3a1"/>
<g font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="13" fill="#cdd6f4" xml:space="preserve">
{body}
</g>
</svg>
"""


def picture() -> str:
    """The terminal picture of the README's first run, as it should be committed."""
    _, output = first_run()
    return terminal_svg("marklint draft.txt", output)


if __name__ == "__main__":
    PICTURE.parent.mkdir(parents=True, exist_ok=True)
    PICTURE.write_text(picture(), encoding="utf-8")
