"""The structure model and what issue 14 asks around it: `marklint explain`, the `exempt:`
setting, block kinds in messages, `(s)` in the wrong case, quotes in the roll-up, `--rules auto`
for CUI, the CUI designation indicator naming an agency, a CUI banner over an (S) portion."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import run_cli
from marklint.lint import Settings, lint_bytes

CAB = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"

DOC = (Path(__file__).parent.parent / "docs" / "structure.md").read_text()
# docs/structure.md's example: the document, and what `marklint explain` prints for it
REPLY = DOC.split("With this `reply.txt`:\n\n```\n", 1)[1].split("```", 1)[0]
EXPLAINED = DOC.split("$ marklint explain reply.txt\n", 1)[1].split("$ echo $?", 1)[0]


def findings(text: str, name: str = "d.txt", **settings) -> list[tuple[str, int, int, str]]:
    result = lint_bytes(name, text.encode(), Settings(use_config=False, **settings))
    assert result.error is None, result.error
    return [(f.rule, f.line, f.column, f.message) for f in result.findings]


def test_explain_prints_kinds_spans_and_marks_without_text_as_documented(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reply.txt").write_text(REPLY)
    assert run_cli(["explain", "reply.txt"]) == (1, EXPLAINED, "")
    assert run_cli(["--no-cache", "reply.txt"])[1] in DOC
    assert "Norfolk" not in EXPLAINED and "HALE" not in EXPLAINED


def test_explain_shows_block_text_only_with_show_source(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reply.txt").write_text(REPLY)
    code, out, err = run_cli(["explain", "--show-source", "reply.txt"])
    assert (code, err) == (1, "")
    assert "  14        paragraph                  NEEDS A PORTION MARK: none found\n" \
           "            | The escort joins at noon.\n" in out
    assert "            | ROBERT T. HALE\n            | Chief, Convoy Analysis Division\n" in out


def test_explain_exit_codes_and_bad_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.txt").write_text(f"SECRET\n\n(S) The convoy.\n\n{CAB}\nSECRET\n")
    (tmp_path / "binary.txt").write_bytes(b"SECRET\0")
    code, out, err = run_cli(["explain", "good.txt"])
    assert (code, err) == (0, "") and "  3         paragraph                  marked (S)\n" in out
    code, out, err = run_cli(["explain", "binary.txt", "missing.txt", "good.txt"])
    assert code == 2
    assert err == ("marklint: binary.txt: not a text file (contains NUL bytes)\n"
                   "marklint: missing.txt: no such file or directory\n")
    assert out.startswith("good.txt: rule set us-cnsi\n")
    assert run_cli(["explain", "--rules", "nope", "good.txt"])[0] == 2
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(f"SECRET\n\n(S) The convoy.\n\n{CAB}\nSECRET\n")
    code, out, err = run_cli(["explain", "sub"])
    assert (code, err) == (0, "") and out.startswith("sub/a.md: rule set us-cnsi\npage 1\n")
    assert run_cli(["explain"])[0] == 2  # usage error: no file


ROUTED = f"SECRET\n\n(S) The convoy.\n\nRouting slip 4471-B\n\n{CAB}\nSECRET\n"


@pytest.mark.parametrize(("config", "expected"), [
    (None, (1, "d.txt:5:1: MK301 [portion-missing] paragraph has no portion mark\n", "")),
    ('exempt:\n  - "^Routing slip \\\\d"\n', (0, "", "")),
    ('exempt:\n  - "^Routing"\n  - "(a)\\\\1"\n', (2, "", "marklint: d.txt: {root}/.marklint.yaml:3:5: 'exempt': invalid "
     "regular expression (invalid escape sequence (RE2 has no look-around and no backreferences))\n")),
    ("exempt: '^Routing slip'\n", (0, "", "")),  # one pattern may stand alone
    ("exempt: 3\n", (2, "", "marklint: d.txt: {root}/.marklint.yaml:1:1: 'exempt' must be a list of strings, "
                           "not a number\n")),
])
def test_exempt_setting_adds_administrative_lines_and_refuses_bad_patterns(tmp_path, monkeypatch, config, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.txt").write_text(ROUTED)
    if config is not None:
        (tmp_path / ".marklint.yaml").write_text(config)
    code, out, err = expected
    assert run_cli(["--no-cache", "--quiet", "d.txt"]) == (code, out, err.format(root=tmp_path))
    if code == 0:
        assert "  5         administrative (configured) no mark needed: matches a pattern of the configuration's " \
               "exempt: list\n" in run_cli(["explain", "d.txt"])[1]


@pytest.mark.parametrize(("greeting", "closing", "signature"), [
    ("All,", "v/r", "J. Smith"),
    ("Good afternoon Sir,", "Very respectfully,", "//SIGNED//\nCAPT Lisa Moreno, USN\nChief, Plans Division"),
    ("Hello all,", "With best regards,", "Tom Becker | Analyst | Watch Desk\n(703) 555-0102 | www.example.gov"),
    ("Team,", "Cheers,", "DSN 944-0142\njsmith@example.gov"),
])
def test_messages_greetings_closings_and_signatures_need_no_mark(greeting, closing, signature):
    text = (f"SECRET\n\nSubject: FW: (U) Schedule\n\n{greeting}\n\n(S) The convoy leaves at dawn.\n\n"
            f"{closing}\n\n{signature}\n\n{CAB}\nSECRET\n")
    assert findings(text) == []
    damaged = text.replace(f"{closing}\n", f"The escort joins at noon today.\n\n{closing}\n")
    assert findings(damaged) == [("portion-missing", 9, 1, "paragraph has no portion mark")]


def test_messages_name_the_block_kind_only_when_it_is_right():
    text = (f"SECRET\n\n(S) The convoy.\n\n(703) 555-0142 and more of the plan here.\n\nROBERT HALE SAYS\n\n"
            f"The end.\n\n{CAB}\nSECRET\n")
    assert [(line, message) for _, line, _, message in findings(text)] == [
        (5, "line has no portion mark"), (7, "line has no portion mark"), (9, "paragraph has no portion mark")]
    md = f"SECRET\n\n# Plans\n\n(S) The convoy.\n\n{CAB}\nSECRET\n"
    assert findings(md, "d.md")[0][3] == "heading has no portion mark"


def test_lower_case_portion_mark_is_the_wrong_case_and_fixed(tmp_path):
    text = f"SECRET\n\n(s) The convoy leaves at dawn.\n\n1. (S//nf) The route.\n\n{CAB}\nSECRET//NOFORN\n"
    assert [f for f in findings(text) if f[0] == "marking-form"] == [
        ("marking-form", 3, 1, "portion mark (s) is in the wrong case; write (S)"),
        ("marking-form", 5, 4, "portion mark (S//nf) is in the wrong case; write (S//NF)")]
    path = tmp_path / "d.txt"
    path.write_text(text)
    run_cli(["--no-cache", "--fix", str(path)])
    assert path.read_text().split("\n")[2:5] == ["(S) The convoy leaves at dawn.", "", "1. (S//NF) The route."]


QUOTED = f"SECRET\n\n(S) Our reading follows.\n\n> (TS) The source report says the convoy is early.\n\n{CAB}\nSECRET\n"


def test_block_quotes_are_in_the_roll_up_by_default_and_can_be_excluded():
    assert [f[:3] for f in findings(QUOTED, "d.md")] == [("banner-under-classified", 1, 1)]
    assert findings(QUOTED, "d.md", include_quotes=False) == []


def test_auto_picks_cui_for_a_cui_banner():
    text = "CUI\n\nControlled by: Department of Labor\n\nThe payroll data.\n\nCUI\n"
    result = lint_bytes("d.txt", text.encode(), Settings(rules="auto", use_config=False))
    assert (result.ruleset, result.notices, result.findings) == (
        "cui", ["--rules auto chose cui (the document's banner is CUI)"], [])


@pytest.mark.parametrize(("designation", "found"), [
    ("Controlled by: Department of Commerce", False),
    ("Controlled by: Bureau of Industry and Security", False),
    ("Controlled by: Chief, Licensing Branch", True),
    ("FROM: Chief, Licensing Branch", True),
    ("FROM: Director, Defense Logistics Agency", False),
    ("Designating Agency: Licensing Branch", True),
    ("POC: J. Smith, (202) 555-0100", True),
])
def test_cui_designation_indicator_must_name_an_agency(designation, found):
    text = f"CUI\n\n{designation}\n\nThe export licence data.\n\nChief, Licensing Branch\n\nCUI\n"
    expected = [("cui-designation-missing", 1, 1)] if found else []
    assert [f[:3] for f in findings(text, rules="cui")] == expected


def test_cui_banner_over_a_secret_portion_says_what_it_lacks_and_needs_an_authority_block():
    # the level it lacks is banner-under-classified's alone, not banner-rollup's again
    text = "CUI\n\nControlled by: Department of Commerce\n\n(CUI) Licence data.\n\n(S) A classified line.\n\nCUI\n"
    assert [(rule, message) for rule, _, _, message in findings(text, rules="cui")] == [
        ("banner-under-classified", "page 1 banner CUI is lower than its highest portion (S)"),
        ("cab-missing", "classified document has no classification authority block "
                        "(Classified By / Derived From / Declassify On) (C-01)"),
    ]


def test_references_and_reply_subjects_carry_their_marks():
    text = (f"SECRET\n\nSubject: RE: FW: (U) Convoy\n\nReferences: (a) (U) OPNAVINST 4100.11\n(b) (S) NMAC memo\n\n"
            f"(S) The convoy.\n\n{CAB}\nSECRET\n")
    assert findings(text) == []
    assert findings(text.replace("(a) (U) OPNAV", "(a) OPNAV")) == [
        ("portion-missing", 5, 1, "paragraph has no portion mark")]


def test_an_unportioned_cui_letter_with_an_enclosure_is_not_a_transmittal():
    letter = ("CUI\n\nControlled by: Department of Energy\n\nThe panel's comments are enclosed.\n\n"
              "Enclosure: Panel comments\n\nCUI\n")
    assert findings(letter, rules="cui") == []
    cover = letter.replace("The panel's", "(U) The panel's")  # its own portion is (U): bannered by the enclosure
    assert [f[0] for f in findings(cover, rules="cui")] == ["transmittal-statement-missing"]


# A State telegram printed from the archive's system, and a CIA cable's form heading: routing,
# not content. Every other block still needs its mark.
TELEGRAM = (
    "SECRET\n\n"
    "Wed Nov 27 15:33:26 1996 [STATE 245206] D COPY 2 OF 11 Page 1 OF 2\n\n"
    "@INFO: D(01) EUR(01) INR(01)\n\n"
    "O 272023Z NOV 96 ZFF4\nFM SECSTATE WASHDC\nTO AMEMBASSY ANKARA IMMEDIATE\n\n"
    "STATE 245206\n\n8006E8 272023Z /38\n\n"
    "MERCURY EYES ONLY FOR THE AMBASSADOR FROM THE EXEC SEC\n\n"
    "E.O. 12958: DECL: 11/27/06\n\n"
    "SUBJECT: (C) THE DEPUTY SECRETARY'S CONVERSATION\n\n"
    "1. (S) THE DEPUTY SECRETARY CALLED THE MINISTER.\n\n"
    "2. THE MINISTER SAID HE WOULD REPLY.\n\n"
    "SECRET\n"
)
CIA_CABLE = (
    "SECRET\n\nFRP : ,2,3\n\nSENSIND: RYBAT\n\nPAGE: 1\n\n301710Z NOV 94\n\nDIRECTOR 583488\n\n"
    "1. (S) STATION REQUESTS TRACES.\n\nFILE: NONE. DECL OADR. DRV HUM 4-82.\n\nCL BY 0712052\n\nSECRET\n"
)


def test_a_telegrams_heading_needs_no_mark():
    portions = [f for f in findings(TELEGRAM, rules="us-eo12958") if f[0] == "portion-missing"]
    assert portions == [("portion-missing", 23, 1, "list item has no portion mark")]
    assert findings(CIA_CABLE, rules="auto") == []


def test_a_distribution_list_under_a_drafting_line_needs_no_mark():
    """The drafting line and the `Distribution:` heading share a block; the entries below it
    (copy numbers, offices, enclosure notes, lower-case file copies) are not portions."""
    text = ("SECRET\n\n(S) The review is complete.\n\n" + CAB + "\n"
            "DCI/CSI/BLatell:aw/30214\nDistribution:\n\n"
            "Original - Addressee (w/atts)\n\n1 - DDCI (w/atts)\n\n- Executive Registry (w/atts)\n\n"
            "CSI chrono (w/atts)\n\nSECRET\n")
    assert findings(text) == []
    prose = text.replace("CSI chrono (w/atts)", "The annex lists every office that was consulted.")
    assert [f[:2] for f in findings(prose)] == [("portion-missing", 18)]


def test_a_distribution_list_in_groups_under_their_labels_needs_no_mark():
    """A NATO or military distribution list groups its entries under short labels
    (`External - Action:`, `Internal:`): a label opens a group of entries, not a portion."""
    text = ("SECRET\n\n(S) The review is complete.\n\n" + CAB + "\nDISTRIBUTION:\nExternal - Action:\n"
            "Allied Land Command\nAllied Air Command\n\nInternal:\nJ2\nJ3\n\nSECRET\n")
    assert findings(text) == []
    prose = text.replace("Internal:\nJ2\nJ3", "Internal:\nThe annex lists every office that was consulted.")
    assert [f[:3] for f in findings(prose)] == [("portion-missing", 14, 1)]


def test_values_under_a_header_label_standing_alone_and_a_repeated_subject_need_no_mark():
    """A scan sets a memo header's values apart from their labels; a continuation page repeats
    the subject in its header. Neither is a portion; the subject's own first statement is."""
    text = ("SECRET\n\nMEMORANDUM FOR: Director\n\nFROM:\n\nJ. Barry Harrelson\nJFK Project Officer\n\n"
            "OFFICE:\n\nCSI/HRG\n\nSUBJECT: ARRB Meeting Agenda\n\n(S) The Board meets on Tuesday.\n\n" + CAB +
            "\nSECRET\n\fSECRET\n\nSUBJECT: ARRB Meeting Agenda\n\n(S) The staff will brief it.\n\nSECRET\n")
    assert [f[:2] for f in findings(text)] == [("portion-missing", 14)]
    after_prose = text.replace("FROM:\n\nJ. Barry", "FROM:\n\nThe staff wrote this. J. Barry")
    assert [f[:2] for f in findings(after_prose)] == [("portion-missing", 7), ("portion-missing", 14)]


def test_explain_agrees_with_portion_missing_on_what_is_set_aside(tmp_path, monkeypatch):
    """A subject repeated atop a later page and a whole-text statement are explained as what
    portion-missing takes them for, not as blocks that need a mark."""
    monkeypatch.chdir(tmp_path)
    page = "SECRET\n\nSUBJECT: Convoy Plans\n\n{body}\n\nSECRET\n"
    text = page.format(body="(S) The convoy leaves at dawn.") + "\f" + \
        page.format(body="(U) The escort joins at noon.\n\n" + CAB)
    (tmp_path / "two.txt").write_text(text)
    code, out, err = run_cli(["explain", "two.txt"])
    assert (code, err) == (1, "")
    assert "  3         subject line               NEEDS A PORTION MARK: none found\n" in out
    assert "  10        subject line               no mark needed: a subject repeated atop a later page\n" in out
    assert [f[:3] for f in findings(text)] == [("portion-missing", 3, 1)]
    (tmp_path / "cable.txt").write_text("SECRET\n\n1. SECRET ENTIRE TEXT.\n\n2. THE MINISTER SPOKE.\n\n"
                                        "E.O. 12958: DECL: 5/1/06\n\nSECRET\n")
    code, out, err = run_cli(["explain", "--rules", "us-eo12958", "cable.txt"])
    assert (code, err) == (0, "")
    assert "  5         list item                  no mark needed: the whole-text statement (SECRET) marks it\n" in out


CHAIN = """From: John Smith <john.smith@example.mil>
To: Jane Doe <jane.doe@example.mil>
Subject: RE: (U) Convoy schedule

SECRET

(S) The convoy departs at 0500 on 14 July.

V/r,
JOHN SMITH

Classified By: John Smith, G3
Derived From: OPORD 26-04, dated 20260601
Declassify On: 20360707

SECRET

-----Original Message-----
From: Jane Doe <jane.doe@example.mil>
Subject: (U) Convoy schedule

UNCLASSIFIED

(U) Can you send the convoy schedule?

UNCLASSIFIED
"""


def test_a_saved_reply_is_bannered_by_its_own_message():
    """B-09: the banner is the body's first line, below the header fields, and the reply's
    closing banner ends it; the quoted message keeps its own banners."""
    assert findings(CHAIN, "reply.txt") == []
    assert findings(CHAIN.replace("\nSECRET\n\n-----", "\n-----", 1), "reply.txt") == [
        ("banner-missing-bottom", 24, 1, "page 1 has no banner at its bottom")]
