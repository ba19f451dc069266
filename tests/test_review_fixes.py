"""Correctness gaps found in review: each test failed before its fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from marklint.cli import main
from marklint.markings import default_vocabulary, parse, rollup
from marklint.readers import EXTENSIONS

REPO = Path(__file__).resolve().parents[1]
UTF16_MESSAGE = "the file is UTF-16 (byte-order mark); marklint reads UTF-8: convert it, e.g. iconv -f UTF-16 -t UTF-8"


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(["--no-cache", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("hook_id", ["marklint", "marklint-fix"])
def test_hook_files_pattern_is_exactly_the_reader_extensions(hook_id):
    hooks = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    pattern = hooks[hook_id]["files"]
    prefix, suffix = r"(?i)\.(", ")$"
    assert pattern.startswith(prefix) and pattern.endswith(suffix)
    assert set(pattern[len(prefix):-len(suffix)].split("|")) == {ext[1:] for ext in EXTENSIONS}
    files = re.compile(pattern)
    for ext in EXTENSIONS:
        assert files.search(f"dir/draft{ext}") and files.search(f"DRAFT{ext.upper()}"), ext
    assert not files.search("draft.txt.bak")


@pytest.mark.parametrize("name", ["draft.txt", "draft.md", "draft.rst", "draft.eml"])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_file_is_named_as_utf16(tmp_path, monkeypatch, capsys, name, encoding):
    monkeypatch.chdir(tmp_path)
    data = "SECRET\n\n(S) text.\n\nSECRET\n".encode(encoding)
    (tmp_path / name).write_bytes(data if encoding == "utf-16" else b"\xfe\xff" + data)
    assert run([name], capsys) == (2, "", f"marklint: {name}: {UTF16_MESSAGE}\n")


def test_wn_portion_rolls_up_to_the_wnintel_banner():
    assert rollup([parse("(S//WN)", "portion")]).banner() == "SECRET//WNINTEL"
    assert parse("SECRET//WNINTEL", "banner").portion() == "(S//WN)"


RETIRED_TOKENS = sorted((t.id, t.portion) for t in default_vocabulary().tokens.values()
                        if t.retired is not None and not t.takes)


@pytest.mark.parametrize(("token", "portion"), RETIRED_TOKENS)
def test_every_retired_token_rolls_up_to_its_banner_form(token, portion):
    assert rollup([parse(f"(S//{portion})", "portion")]).banner() == f"SECRET//{token}"


@pytest.mark.parametrize(("written", "banner"), [
    ("(TS//BYE)", "TOP SECRET//BYEMAN"),
    ("(TS//BYE-XYZ)", "TOP SECRET//BYEMAN-XYZ"),
    ("(TS//KLONDIKE)", "TOP SECRET//KDK"),
    ("(TS//HUMINT)", "TOP SECRET//HUMINT"),
])
def test_retired_sci_spellings_roll_up_to_the_vocabulary_id(written, banner):
    assert rollup([parse(written, "portion")]).banner() == banner
