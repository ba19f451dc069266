"""Fix mode from the command line: --fix, --diff, --unsafe-fixes, --exit-non-zero-on-fix, and
the safety guarantees (bytes kept, mode kept, concurrent changes refused)."""

import json
import os
import stat

import pytest

from marklint import fix as fixmod
from cli_support import run_cli

CAB = "Classified By: J. Smith, Director\nDerived From: Memo dated 20240101\nDeclassify On: 20491231\n"
MESSY = (
    "SECRET // NOFORN\n\n"
    "(S//NOFRON) The convoy left at dawn.\n\n"
    "(U) The weather was fair.\n\n"
    "(S//REL TO GBR, USA) The escort joined at noon.\n\n"
    + CAB + "\nSECRET//NF\n"
)
CLEAN = (
    "SECRET//NOFORN\n\n"
    "(S//NF) The convoy left at dawn.\n\n"
    "(U) The weather was fair.\n\n"
    "(S//REL TO USA, GBR) The escort joined at noon.\n\n"
    + CAB + "\nSECRET//NOFORN\n"
)
FIXED_LINES = (
    'memo.txt:1:7: fixed MK001 [marking-syntax] replace " // " with "//"\n'
    'memo.txt:3:5: fixed MK002 [marking-unknown-token] replace "NOFRON" with "NOFORN"\n'
    'memo.txt:7:12: fixed MK003 [marking-order] replace "GBR, USA" with "USA, GBR"\n'
    'memo.txt:13:9: fixed MK004 [marking-form] replace "NF" with "NOFORN"\n'
    'memo.txt:3:5: fixed MK004 [marking-form] replace "NOFORN" with "NF"\n'
)


def run(argv):
    return run_cli(argv)


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "memo.txt").write_bytes(MESSY.encode())
    return tmp_path


def test_fix_rewrites_only_markings_and_reports_each_fix(work):
    code, out, err = run(["--fix", "memo.txt"])
    assert (work / "memo.txt").read_bytes() == CLEAN.encode()
    assert out == FIXED_LINES + "fixed 5 findings in 1 file\nmemo.txt: 1 page, 0 errors, 0 warnings (rule set us-cnsi)\n"
    assert (code, err) == (0, "")


def test_second_fix_changes_nothing_and_finds_nothing_fixable(work):
    run(["--fix", "memo.txt"])
    before = os.stat(work / "memo.txt").st_mtime_ns
    code, out, err = run(["--fix", "--exit-non-zero-on-fix", "memo.txt"])
    assert out == "fixed 0 findings in 0 files\nmemo.txt: 1 page, 0 errors, 0 warnings (rule set us-cnsi)\n"
    assert code == 0
    assert os.stat(work / "memo.txt").st_mtime_ns == before
    code, out, _ = run(["--format", "json", "memo.txt"])
    assert json.loads(out) == [] and code == 0


def test_exit_non_zero_on_fix(work):
    code, out, _ = run(["--fix", "--exit-non-zero-on-fix", "--quiet", "memo.txt"])
    assert (code, out) == (1, "")
    assert (work / "memo.txt").read_bytes() == CLEAN.encode()



def test_diff_with_exit_zero_exits_zero_and_writes_nothing(work):
    code, out, err = run(["--diff", "--show-source", "--exit-zero", "memo.txt"])
    assert (code, err) == (0, "would fix 5 findings in 1 file\n")
    assert out.startswith("--- a/memo.txt\n+++ b/memo.txt\n")
    assert (work / "memo.txt").read_bytes() == MESSY.encode()

def test_diff_prints_a_unified_diff_and_writes_nothing(work):
    code, out, err = run(["--diff", "--show-source", "memo.txt"])
    assert out == (
        "--- a/memo.txt\n+++ b/memo.txt\n@@ -1,13 +1,13 @@\n"
        "-SECRET // NOFORN\n+SECRET//NOFORN\n \n"
        "-(S//NOFRON) The convoy left at dawn.\n+(S//NF) The convoy left at dawn.\n \n"
        " (U) The weather was fair.\n \n"
        "-(S//REL TO GBR, USA) The escort joined at noon.\n+(S//REL TO USA, GBR) The escort joined at noon.\n \n"
        " Classified By: J. Smith, Director\n Derived From: Memo dated 20240101\n Declassify On: 20491231\n \n"
        "-SECRET//NF\n+SECRET//NOFORN\n"
    )
    assert (code, err) == (1, "would fix 5 findings in 1 file\n")
    assert (work / "memo.txt").read_bytes() == MESSY.encode()
    run(["--fix", "memo.txt"])
    assert run(["--diff", "--show-source", "memo.txt"]) == (0, "", "would fix 0 findings in 0 files\n")


def test_crlf_bom_tabs_and_missing_final_newline_survive(work):
    messy = "\ufeff" + MESSY.replace("\n", "\r\n").replace("The weather", "The\tweather")[:-2]
    clean = "\ufeff" + CLEAN.replace("\n", "\r\n").replace("The weather", "The\tweather")[:-2]
    (work / "memo.txt").write_bytes(messy.encode())
    code, _, _ = run(["--fix", "memo.txt"])
    assert (work / "memo.txt").read_bytes() == clean.encode()
    assert code == 0


def test_file_mode_is_kept(work):
    os.chmod(work / "memo.txt", 0o600)
    run(["--fix", "memo.txt"])
    assert stat.S_IMODE(os.stat(work / "memo.txt").st_mode) == 0o600


UNDER = "CONFIDENTIAL\n\n(S) The convoy left at dawn.\n\n" + CAB + "\nCONFIDENTIAL\n"


def test_unsafe_fixes_are_reported_but_applied_only_when_asked(work):
    (work / "memo.txt").write_text(UNDER)
    code, out, _ = run(["--format", "json", "memo.txt"])
    [finding] = json.loads(out)
    assert finding["rule"] == "banner-under-classified"
    assert finding["fix"] == {
        "description": 'raise the banner to the roll-up of its portions: "SECRET"',
        "safety": "unsafe",
        "edits": [
            {"line": 1, "column": 1, "end_line": 1, "end_column": 13, "replacement": "SECRET"},
            {"line": 9, "column": 1, "end_line": 9, "end_column": 13, "replacement": "SECRET"},
        ],
    }
    code, out, _ = run(["--fix", "memo.txt"])
    assert code == 1 and out.startswith("fixed 0 findings in 0 files (1 more with --unsafe-fixes)\n")
    assert (work / "memo.txt").read_text() == UNDER
    code, out, _ = run(["--fix", "--unsafe-fixes", "memo.txt"])
    assert out.startswith("memo.txt:1:1: fixed MK104 [banner-under-classified] raise the banner")
    assert (work / "memo.txt").read_text() == UNDER.replace("CONFIDENTIAL", "SECRET")
    assert code == 0


def test_missing_bottom_banner_is_a_safe_fix_when_the_top_agrees(work):
    (work / "memo.txt").write_text("SECRET\n\n(S) The convoy left at dawn.\n\n" + CAB)
    code, out, _ = run(["--fix", "memo.txt"])
    assert out.startswith('memo.txt:7:1: fixed MK102 [banner-missing-bottom] copy the page\'s other banner: insert "SECRET"\n')
    assert (work / "memo.txt").read_text() == "SECRET\n\n(S) The convoy left at dawn.\n\n" + CAB + "\nSECRET\n"
    assert code == 0


def test_missing_banner_that_disagrees_with_the_rollup_is_unsafe(work):
    (work / "memo.txt").write_text("CONFIDENTIAL\n\n(S) The convoy left at dawn.\n\n" + CAB)
    code, out, _ = run(["--format", "json", "memo.txt"])
    fixes = {f["rule"]: f["fix"] for f in json.loads(out)}
    assert fixes["banner-missing-bottom"]["safety"] == "unsafe"
    assert fixes["banner-missing-bottom"]["description"] == (
        'copy the page\'s other banner, which disagrees with the roll-up: insert "CONFIDENTIAL"')


def test_unsafe_fixes_add_banners_and_an_authority_skeleton(work):
    (work / "memo.txt").write_text("(S) The convoy left at dawn.\n\n(C) The weather was fair.\n")
    code, out, _ = run(["--fix", "--unsafe-fixes", "memo.txt"])
    assert (work / "memo.txt").read_text() == (
        "SECRET\n\n(S) The convoy left at dawn.\n\n(C) The weather was fair.\n\n"
        "Classified By:\nDerived From:\nDeclassify On:\n\nSECRET\n"
    )
    assert out == (
        'memo.txt:1:1: fixed MK101 [banner-missing-top] add the banner the page\'s portions imply: insert "SECRET"\n'
        'memo.txt:3:1: fixed MK102 [banner-missing-bottom] add the banner the page\'s portions imply: insert "SECRET"\n'
        "memo.txt:1:1: fixed MK401 [cab-missing] insert an authority block skeleton (Classified By, Derived From, "
        "Declassify On) for the author to fill in\n"
        "fixed 3 findings in 1 file\n"
        "memo.txt:7:1: MK402 [cab-incomplete] Classified By: line is empty (C-02..C-05)\n"
        "memo.txt:8:1: MK402 [cab-incomplete] Derived From: line is empty (C-02..C-05)\n"
        "memo.txt:9:1: MK402 [cab-incomplete] Declassify On: line is empty (C-02..C-05)\n"
        "memo.txt: 1 page, 3 errors, 0 warnings (rule set us-cnsi)\n"
    )
    assert code == 1


def test_a_file_changed_while_being_fixed_is_not_overwritten(work, monkeypatch):
    real_fix_text = fixmod.fix_text

    def fix_text_then_someone_edits(text, lint, unsafe=False):
        outcome = real_fix_text(text, lint, unsafe)
        (work / "memo.txt").write_text("edited meanwhile\n")
        return outcome

    monkeypatch.setattr(fixmod, "fix_text", fix_text_then_someone_edits)
    code, out, err = run(["--fix", "memo.txt"])
    assert (work / "memo.txt").read_text() == "edited meanwhile\n"
    assert err == "marklint: memo.txt: not fixed: changed on disk while being fixed; not overwritten\n"
    assert out == "fixed 0 findings in 0 files\n"
    assert code == 2
    assert sorted(p.name for p in work.iterdir()) == ["memo.txt"]


def test_other_files_are_still_fixed_when_one_fails(work):
    (work / "bad.txt").write_bytes(b"binary\x00\xff\xfe")
    (work / "memo2.txt").write_bytes(MESSY.encode())
    code, _, err = run(["--fix", "bad.txt", "memo.txt"])
    assert err == "marklint: bad.txt: not a text file (contains NUL bytes)\n"
    assert code == 2
    assert (work / "memo.txt").read_bytes() == CLEAN.encode()


def test_stdin_cannot_be_fixed(work):
    assert run(["--fix", "-"]) == (2, "", "marklint: --fix and --diff need files, not stdin (-)\n")


SUPPRESSED = (
    "# marklint: disable-next-line marking-syntax -- as received from the originator\n"
    "SECRET // NOFORN\n\n(S//NF/OC) The convoy left at dawn.\n\n" + CAB + "\nSECRET//ORCON/NOFORN\n"
)


def test_suppressed_and_deselected_findings_are_not_fixed(work):
    (work / "memo.txt").write_text(SUPPRESSED)
    more = " (1 more with --unsafe-fixes)\n"  # banner-rollup: the banner lacks ORCON
    assert run(["--diff", "--show-source", "--ignore", "MK003", "memo.txt"]) == (0, "", "would fix 0 findings in 0 files" + more)
    assert run(["--diff", "--show-source", "--select", "marking-syntax", "memo.txt"]) == (0, "", "would fix 0 findings in 0 files\n")
    code, out, _ = run(["--fix", "memo.txt"])
    assert out.startswith('memo.txt:4:8: fixed MK003 [marking-order] replace "(S//NF/OC)" with "(S//OC/NF)"\n')
    assert (work / "memo.txt").read_text() == SUPPRESSED.replace("(S//NF/OC)", "(S//OC/NF)")


def test_an_inserted_top_banner_goes_above_a_leading_directive(work):
    directive = "# marklint: disable-next-line portion-missing -- routing line\nFor the Director only\n\n"
    (work / "memo.txt").write_text(directive + "(S) The convoy left at dawn.\n\n" + CAB + "\nSECRET\n")
    code, out, _ = run(["--fix", "memo.txt"])
    assert (work / "memo.txt").read_text() == "SECRET\n\n" + directive + "(S) The convoy left at dawn.\n\n" + CAB + "\nSECRET\n"
    assert out.endswith("fixed 1 finding in 1 file\nmemo.txt: 1 page, 0 errors, 0 warnings (rule set us-cnsi)\n")
    assert code == 0


def test_a_malformed_configuration_is_a_clear_error(work):
    (work / "d").mkdir()
    (work / "d" / ".marklint.yaml").write_text("rules: [1\n")
    (work / "d" / "a.txt").write_text(MESSY)
    code, out, err = run(["--fix", "d"])
    assert (code, out) == (2, "")
    assert err.startswith("marklint: ") and ".marklint.yaml:2:1: YAML syntax error" in err and err.count("\n") == 1
    assert (work / "d" / "a.txt").read_text() == MESSY
