"""The bad-input catalogue (issue 7): each bad file gets one clear line on stderr naming it and
exit code 2 (or is linted normally), and the other files in the run are still linted."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import pytest

import marklint.lint
from marklint.cli import main

CONTROL = "SECRET\n\nA paragraph without a portion mark.\n\nSECRET\n"
CONTROL_OUT = "control.txt:3:1: MK301 [portion-missing] paragraph has no portion mark\n"
ARGS = ["--no-cache", "--quiet", "--select", "portion-missing"]


def truncated_docx() -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("(S) A portion.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()[: len(out.getvalue()) // 2]


CORRUPT_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ngarbage\n%%EOF"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))

# name -> (content, the error line's reason, or None when the file is linted normally)
CATALOGUE = {
    "binary.txt": (PNG, "not a text file (contains NUL bytes)"),
    "nul.txt": (b"SECRET\n\n(S) text\x00more\n\nSECRET\n", "not a text file (contains NUL bytes)"),
    "latin1.txt": (b"SECRET\n\n(S) caf\xe9 au lait.\n\nSECRET\n", "not a text file (invalid UTF-8 at byte 15)"),
    "utf16.txt": ("SECRET\n\n(S) text.\n\nSECRET\n".encode("utf-16"),
                  "the file is UTF-16 (byte-order mark); marklint reads UTF-8: convert it, e.g. iconv -f UTF-16 -t UTF-8"),
    "oneline.txt": (b"the convoy leaves at dawn " * 400_000, None),
    "dense.txt": (b"(S//NF) SECRET//NOFORN " * 450_000, None),
    "empty.txt": (b"", None),
    "blank.txt": (b"  \n\t\n \r\n\f\n   ", None),
    "corrupt.pdf": (CORRUPT_PDF, "not a readable PDF (corrupt or truncated: PdfReadError)"),
}


def lint(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(ARGS + args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "control.txt").write_text(CONTROL)
    return tmp_path


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_catalogue_entry(workdir, capsys, name):
    content, reason = CATALOGUE[name]
    (workdir / name).write_bytes(content)
    code, out, err = lint([name, "control.txt"], capsys)
    assert out == CONTROL_OUT
    if reason is None:
        assert (code, err) == (1, "")
    else:
        assert (code, err) == (2, f"marklint: {name}: {reason}\n")


def test_truncated_docx(workdir, capsys):
    (workdir / "cut.docx").write_bytes(truncated_docx())
    code, out, err = lint(["cut.docx", "control.txt"], capsys)
    assert (code, out, err) == (2, CONTROL_OUT, "marklint: cut.docx: not a readable .docx file (corrupt or truncated: BadZipFile)\n")


def test_missing_path(workdir, capsys):
    code, out, err = lint(["missing.txt", "control.txt"], capsys)
    assert (code, out, err) == (2, CONTROL_OUT, "marklint: missing.txt: no such file or directory\n")


def test_symlink_loop(workdir, capsys):
    os.symlink("loop.txt", workdir / "loop.txt")
    code, out, err = lint(["loop.txt", "control.txt"], capsys)
    assert (code, out, err) == (2, CONTROL_OUT, "marklint: loop.txt: cannot read (Too many levels of symbolic links)\n")


def test_directory_with_a_symlink_loop_is_walked_once(workdir, capsys):
    tree = workdir / "tree"
    (tree / "sub").mkdir(parents=True)
    shutil.copy(workdir / "control.txt", tree / "sub" / "control.txt")
    os.symlink("..", tree / "sub" / "up")  # a directory loop: never followed
    os.symlink("loop.txt", tree / "loop.txt")
    (tree / "folder.txt").mkdir()  # a directory with a lintable name: walked, not read
    code, out, err = lint(["tree"], capsys)
    assert out == "tree/sub/control.txt:3:1: MK301 [portion-missing] paragraph has no portion mark\n"
    assert (code, err) == (2, "marklint: tree/loop.txt: cannot read (Too many levels of symbolic links)\n")


def test_named_pipe_is_refused_without_blocking(workdir, capsys):
    os.mkfifo(workdir / "pipe.txt")
    code, out, err = lint(["pipe.txt", "control.txt"], capsys)
    assert (code, out, err) == (2, CONTROL_OUT, "marklint: pipe.txt: not a regular file (a pipe, socket or device)\n")


def test_permission_denied_in_process(workdir, capsys, monkeypatch):
    (workdir / "secret.txt").write_text(CONTROL)
    real_open = open

    def guarded_open(path, *args, **kwargs):
        if os.path.basename(str(path)) == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(marklint.lint, "open", guarded_open, raising=False)
    code, out, err = lint(["--jobs", "1", "secret.txt", "control.txt"], capsys)
    assert (code, out, err) == (2, CONTROL_OUT, "marklint: secret.txt: permission denied\n")


def _unprivileged() -> list[str] | None:
    """A command prefix under which chmod 000 really denies reading, or None."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    probe = subprocess.run(prefix + ["true"], capture_output=True)
    return prefix if probe.returncode == 0 else None


def test_permission_denied_through_the_cli(workdir):
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: chmod 000 cannot deny root")
    (workdir / "secret.txt").write_text(CONTROL)
    os.chmod(workdir / "secret.txt", 0)
    proc = subprocess.run(
        prefix + [sys.executable, "-m", "marklint", *ARGS, "secret.txt", "control.txt"],
        cwd=workdir, capture_output=True, text=True, timeout=120,
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, CONTROL_OUT, "marklint: secret.txt: permission denied\n")


def test_file_deleted_while_being_linted(workdir, capsys, monkeypatch):
    (workdir / "doomed.txt").write_text(CONTROL)
    expand = marklint.lint.expand_paths

    def expand_then_delete(paths, settings, walked=None, **options):
        files = expand(paths, settings, walked, **options)
        os.remove("doomed.txt")  # gone after the walk, before it is read
        return files

    monkeypatch.setattr(marklint.lint, "expand_paths", expand_then_delete)
    code, out, err = lint(["doomed.txt", "control.txt"], capsys)
    assert (code, out, err) == (2, CONTROL_OUT, "marklint: doomed.txt: no such file or directory\n")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_whole_catalogue_in_one_run(workdir, jobs):
    """Every bad input at once, in a real process: one line each, the good file still linted,
    and no traceback."""
    names = []
    for name, (content, _) in CATALOGUE.items():
        (workdir / name).write_bytes(content)
        names.append(name)
    (workdir / "cut.docx").write_bytes(truncated_docx())
    os.symlink("loop.txt", workdir / "loop.txt")
    names += ["cut.docx", "loop.txt", "missing.txt", "control.txt"]
    proc = subprocess.run(
        [sys.executable, "-m", "marklint", *ARGS, "--jobs", jobs, *names],
        cwd=workdir, capture_output=True, text=True, timeout=300,
    )
    expected_errors = [f"marklint: {name}: {reason}" for name, (_, reason) in CATALOGUE.items() if reason]
    expected_errors += [
        "marklint: cut.docx: not a readable .docx file (corrupt or truncated: BadZipFile)",
        "marklint: loop.txt: cannot read (Too many levels of symbolic links)",
        "marklint: missing.txt: no such file or directory",
    ]
    assert (proc.returncode, proc.stdout) == (2, CONTROL_OUT)
    assert proc.stderr.splitlines() == expected_errors
