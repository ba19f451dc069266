"""Correctness gaps found in review: each test failed before its fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from marklint.cli import main
from marklint.document import ReaderOptions
from marklint.markings import default_vocabulary, parse, rollup
from marklint.readers import EXTENSIONS, read_document
from marklint.mark_strings import banner_of
from marklint.userpattern import INPUT_LIMIT

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
    # Both hooks read Markdown, Word, PDF, PowerPoint and Excel drafts, so both install the optional readers.
    assert hooks[hook_id]["additional_dependencies"] == [
        "markdown-it-py>=3.0", "python-docx>=1.1", "pypdf>=4.0", "python-pptx>=1.0", "openpyxl>=3.1"]


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


QUOTED_MD = ("SECRET\n\n(S) The convoy left at dawn.\n\n> A quoted paragraph.\n\nClassified By: J. Smith, Director\n"
             "Derived From: Memo dated 20240101\nDeclassify On: 20491231\n\nSECRET\n")


@pytest.mark.parametrize(("config", "expected"), [
    (None, (1, "draft.md:5:3: MK301 [portion-missing] paragraph has no portion mark\n"
               "draft.md: 1 page, 1 error, 0 warnings (rule set us-cnsi)\n", "")),
    ("include-quotes: false\n", (0, "draft.md: 1 page, 0 errors, 0 warnings (rule set us-cnsi, configuration "
                                    ".marklint.yaml)\n", "")),
    ("include-quotes: true\n", (1, "draft.md:5:3: MK301 [portion-missing] paragraph has no portion mark\n"
                                   "draft.md: 1 page, 1 error, 0 warnings (rule set us-cnsi, configuration "
                                   ".marklint.yaml)\n", "")),
    ("rules: us-cnsi\ninclude-quotes: yes please\n",
     (2, "", "marklint: draft.md: {root}/.marklint.yaml:2:1: 'include-quotes' must be true or false, not a string\n")),
])
def test_include_quotes_configuration_key(tmp_path, monkeypatch, capsys, config, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text(QUOTED_MD)
    if config is not None:
        (tmp_path / ".marklint.yaml").write_text(config)
    code, out, err = expected
    assert run(["--color", "never", "draft.md"], capsys) == (code, out, err.format(root=tmp_path))


AAA_DRAFT = "SECRET\n\n(S) " + "a" * 40 + "b\n\nSECRET\n"


def test_overlapping_alternations_run_on_re2(tmp_path, monkeypatch, capsys):
    """`(a|aa)+$`, refused by the old backtracking screen, now loads and runs in linear time
    as a page-break pattern and as a generic text rule."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".marklint.yaml").write_text('page-break-patterns:\n  - "^Page"\n  - "(a|aa)+$"\n')
    (tmp_path / "office.yaml").write_text(
        "name: office\nextends: us-cnsi\ngeneric:\n  - id: no-aaa\n    code: OFC001\n    type: forbidden-token\n"
        "    pattern: '(a|aa)+b$'\n    scope: [text]\n    message: no runs of a\n")
    (tmp_path / "d.txt").write_text(AAA_DRAFT)
    code, out, err = run(["--rules", "office.yaml", "--select", "OFC001", "--quiet", "d.txt"], capsys)
    assert (code, out, err) == (1, "d.txt:3:5: OFC001 [no-aaa] no runs of a\n", "")


def page_numbers(name: str, text: str, pattern: str) -> list[int]:
    doc = read_document(name, text.encode(), options=ReaderOptions(page_break_patterns=(pattern,)))
    return [page.number for page in doc.pages]


@pytest.mark.parametrize("name", ["d.txt", "d.md"])
def test_page_break_lines_longer_than_the_input_limit_are_not_breaks(name):
    assert INPUT_LIMIT == 500
    short = "=" * 493 + " Page 2"
    assert len(short) == 500
    text = "(S) One.\n\n{}\n\n(S) Two.\n"
    assert page_numbers(name, text.format(short), r"^=+ Page \d+") == [1, 2]
    assert page_numbers(name, text.format("=" + short), r"^=+ Page \d+") == [1]


def test_generic_text_rule_sees_the_first_500_characters_of_a_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "office.yaml").write_text(
        "name: office\nextends: us-cnsi\ngeneric:\n  - id: no-draft\n    code: OFC001\n    type: forbidden-token\n"
        "    pattern: 'DRAFT'\n    scope: [text]\n    message: no drafts\n")
    cab = "Classified By: J. Smith, Director\nDerived From: Memo dated 20240101\nDeclassify On: 20491231\n"
    inside = "(S) " + "x" * 491 + "DRAFT"      # ends at column 500
    beyond = "(S) " + "x" * 492 + "DRAFT"      # ends at column 501
    (tmp_path / "d.txt").write_text(f"SECRET\n\n{inside}\n\n{beyond}\n\n{cab}\nSECRET\n")
    assert run(["--rules", "office.yaml", "--quiet", "d.txt"], capsys) == (
        1, "d.txt:3:496: OFC001 [no-draft] no drafts\n", "")


MIXED = ("Secret // NF\n\n(S//NF) The convoy left at dawn.\n\nClassified By: J. Smith, Director\n"
         "Derived From: Memo dated 20240101\nDeclassify On: 20491231\n\nSECRET//NOFORN\n")


def test_mixed_case_spaced_banner_is_a_banner_and_gets_fixed(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.txt").write_text(MIXED)
    assert run(["--quiet", "d.txt"], capsys) == (1, (
        'd.txt:1:1: MK004 [marking-form] "Secret" must be written "SECRET" (S-01)\n'
        'd.txt:1:7: MK001 [marking-syntax] no spaces around "//" (S-04)\n'
        'd.txt:1:11: MK004 [marking-form] a banner uses "NOFORN", not the portion mark "NF" (S-09)\n'), "")
    assert run(["--quiet", "--fix", "d.txt"], capsys)[0] == 0
    assert (tmp_path / "d.txt").read_text() == MIXED.replace("Secret // NF", "SECRET//NOFORN")
    assert run(["--quiet", "d.txt"], capsys) == (0, "", "")


@pytest.mark.parametrize(("line", "banner"), [
    ("Secret // NF", True),
    ("Top Secret // SI // NF", True),
    ("Secret // Service agents escorted the delegation.", False),
    ("secret // agent", False),
    ("Top secret // do not share the recipe.", False),
    ("CUI // Basic training starts Monday.", False),
])
def test_spaced_mixed_case_line_is_a_banner_only_when_it_parses_in_capitals(line, banner):
    assert (banner_of(line) is not None) is banner


def test_email_without_a_blank_line_after_the_headers_keeps_its_line_numbers(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.eml").write_text("Reason: 1.4(c)\nTOP SECRET//SI//NOFORN\nSECRET//NOFORN")
    assert run(["--quiet", "m.eml"], capsys) == (1, (
        "m.eml:2:1: MK401 [cab-missing] classified document has no classification authority block "
        "(Classified By / Derived From / Declassify On) (C-01)\n"
        "m.eml:3:1: MK103 [banner-mismatch] page 1 bottom banner SECRET//NOFORN differs from its top banner "
        "TOP SECRET//SI//NOFORN\n"), "")
