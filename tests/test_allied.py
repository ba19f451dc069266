"""Allied rule sets (issue 17; marking-rules.md A13, A-01..A-10): single markings read with each
scheme's vocabulary, example documents with their exact findings, and `marklint parse --rules`."""

import io
from pathlib import Path

import pytest

from marklint.commands.tools import run_parse
from marklint.lint import Settings, lint_document, lint_path
from marklint.readers import read_document
from marklint.markings import check, load_vocabulary, parse, rollup

FIXTURES = Path(__file__).parent / "fixtures" / "allied"

# (scheme, marking, expected slugs (empty: valid))
MARKINGS = [
    # A-06 (UK GSCP24)
    ("uk", "OFFICIAL-SENSITIVE PERSONAL DATA", set()),
    ("uk", "SECRET UK EYES ONLY", set()),
    ("uk", "OFFICIAL UK EYES ONLY", {"marking-conflict"}),
    ("uk", "OFFICIAL-SENSITIVE FOR PUBLIC RELEASE", {"marking-conflict"}),
    ("uk", "SECRET-SENSITIVE", {"marking-conflict"}),
    ("uk", "UK SECRET", set()),
    ("uk", "SECRET MINISTRY OF DEFENCE USE ONLY", set()),
    ("uk", "TOP SECRET UK EYES ONLY FIVE EYES ONLY", {"marking-order"}),
    ("uk", "TOP SECRET FIVE EYES ONLY UK EYES ONLY", set()),
    ("uk", "SECRET PERSONAL DATA HMG USE ONLY", {"marking-order"}),
    ("uk", "RESTRICTED", {"legacy-marking"}),
    ("uk", "OFFICIAL-SENSITIVE: PERSONAL DATA", set()),  # separators are not enforced (A-06, UNSURE)
    # each handling instruction, descriptor and caveat with the tiers A13 allows
    ("uk", "OFFICIAL FOR PUBLIC RELEASE", set()),
    ("uk", "SECRET FOR PUBLIC RELEASE", {"marking-conflict"}),
    ("uk", "OFFICIAL RECIPIENTS ONLY", {"marking-conflict"}),
    ("uk", "OFFICIAL-SENSITIVE RECIPIENTS ONLY", set()),
    ("uk", "SECRET HMG USE ONLY", set()),
    ("uk", "TOP SECRET HMG USE ONLY", {"marking-conflict"}),
    ("uk", "OFFICIAL-SENSITIVE EMBARGOED", set()),
    ("uk", "TOP SECRET EMBARGOED", {"marking-conflict"}),
    ("uk", "OFFICIAL LEGAL", set()),
    ("uk", "SECRET LEGAL", {"marking-conflict"}),
    ("uk", "TOP SECRET LPP", set()),
    ("uk", "OFFICIAL-SENSITIVE MARKET SENSITIVE", set()),
    ("uk", "SECRET HR / MANAGEMENT", set()),
    ("uk", "OFFICIAL-SENSITIVE UK EYES ONLY", {"marking-conflict"}),
    ("uk", "TOP SECRET UK/US EYES ONLY", set()),
    ("uk", "SECRET RECIPIENTS ONLY PERSONAL DATA UK EYES ONLY", set()),
    ("uk", "SECRET PERSONAL DATA RECIPIENTS ONLY", {"marking-order"}),
    ("uk", "SECRET SUNFLOWER", set()),  # a codeword
    ("uk", "OFFICIAL SUNFLOWER", {"marking-conflict"}),
    ("uk", "UK SECRET REL EU", set()),
    ("uk", "TOP SECRET-SENSITIVE", {"marking-conflict"}),
    ("uk", "SECRET UK EYES ONLY UK EYES ONLY", {"marking-duplicate"}),
    ("uk", "PROTECT", {"legacy-marking"}),
    ("uk", "CONFIDENTIAL", {"legacy-marking"}),
    # A-04 (NATO documents)
    ("nato", "NATO SECRET", set()),
    ("nato", "//NATO SECRET//ATOMAL//ORCON", set()),
    ("nato", "(CTS//BOHEMIA)", set()),
    ("nato", "NATO SECRET//BOHEMIA", {"marking-conflict"}),
    ("nato", "NATO TOP SECRET", {"marking-form"}),
    ("nato", "NATO SECRET//NOFORN", {"marking-conflict"}),
    ("nato", "//NATO ISAF RESTRICTED", set()),  # a North Atlantic Council activity (A2)
    ("nato", "(//NIR)", set()),
    ("nato", "(NPfPS)", set()),
    # A2 legacy NATO forms: retired compounds are legacy-marking with the current form (CAPCO08 2, 9)
    ("nato", "(//CTSA)", {"legacy-marking"}),
    ("nato", "(//NSAT)", {"legacy-marking"}),
    ("nato", "(NCA)", {"legacy-marking"}),
    ("nato", "(//CTS-B)", {"legacy-marking"}),
    ("nato", "(CTS-BALK)", {"legacy-marking"}),
    ("nato", "//NATO SECRET ATOMAL", {"legacy-marking"}),
    ("nato", "COSMIC TOP SECRET BOHEMIA", {"legacy-marking"}),
    ("nato", "//NATO SECRET-SAVATE", {"legacy-marking"}),
    ("nato", "(//NS-A)", {"legacy-marking"}),
    # every level, every control with the levels it allows
    ("nato", "//COSMIC TOP SECRET", set()),
    ("nato", "//NATO TOP SECRET", {"marking-form"}),
    ("nato", "(CTS)", set()),
    ("nato", "(NC)", set()),
    ("nato", "(NR)", set()),
    ("nato", "NATO UNCLASSIFIED", set()),
    ("nato", "(//NS//ATOMAL//OC)", set()),
    ("nato", "COSMIC TOP SECRET//ATOMAL", set()),
    ("nato", "NATO CONFIDENTIAL//ATOMAL", set()),
    ("nato", "NATO RESTRICTED//ATOMAL", {"marking-conflict"}),
    ("nato", "(NU//ATOMAL)", {"marking-conflict"}),
    ("nato", "COSMIC TOP SECRET//BALK", set()),
    ("nato", "NATO CONFIDENTIAL//BALK", {"marking-conflict"}),
    ("nato", "COSMIC TOP SECRET//BOHEMIA//ATOMAL", {"marking-order"}),
    ("nato", "NATO SECRET//EYES ONLY", {"marking-conflict"}),
    ("nato", "(NS//NF)", {"marking-conflict"}),
    ("nato", "NATO KFOR SECRET", set()),
    ("nato", "//NATO SECRET//REL TO USA, AUS, NATO", set()),  # A2, ISM22 rendering
    ("nato", "(NR//REL TO USA, NATO)", set()),
    ("nato", "NATO SECRET//REL TO USA, NATO//ORCON", {"marking-order"}),
    # A-09 (Australian PSPF)
    ("au", "OFFICIAL: Sensitive", set()),
    ("au", "PROTECTED AUSTEO", set()),
    ("au", "OFFICIAL AUSTEO", {"marking-conflict"}),
    ("au", "OFFICIAL: Sensitive NATIONAL CABINET", set()),
    ("au", "OFFICIAL NATIONAL CABINET", {"marking-conflict"}),
    ("au", "OFFICIAL Legal-Privilege", {"marking-conflict"}),
    ("au", "OFFICIAL: Sensitive Personal privacy", set()),  # the PSPF's sentence case
    ("au", "OFFICIAL: Sensitive legal privilege", {"marking-form"}),
    # A-09, A13: every caveat and marker with its levels; special handling before releasability
    ("au", "UNOFFICIAL", set()),
    ("au", "TOP-SECRET", set()),  # the e-mail spelling
    ("au", "OFFICIAL: Sensitive AUSTEO", {"marking-conflict"}),
    ("au", "PROTECTED AGAO", set()),
    ("au", "SECRET DELICATE SOURCE", set()),
    ("au", "TOP SECRET ORCON", set()),
    ("au", "OFFICIAL: Sensitive CABINET", {"marking-conflict"}),
    ("au", "OFFICIAL ACCOUNTABLE MATERIAL", {"marking-conflict"}),
    ("au", "UNOFFICIAL Personal privacy", {"marking-conflict"}),
    ("au", "OFFICIAL: Sensitive Legislative secrecy", set()),
    ("au", "SECRET ACCOUNTABLE MATERIAL AUSTEO", set()),  # A-09's SH:ACCOUNTABLE-MATERIAL, RI:AUSTEO
    ("au", "SECRET AUSTEO ACCOUNTABLE MATERIAL", {"marking-order"}),
    ("au", "PROTECTED CABINET AUSTEO", set()),
    ("au", "PROTECTED Legal privilege AUSTEO", {"marking-order"}),
    ("au", "PROTECTED REL AUS/GBR/USA", set()),  # A13: REL with "/"-separated codes
    ("au", "OFFICIAL REL AUS/GBR", {"marking-conflict"}),
    ("au", "SECRET AUSTEO AUSTEO", {"marking-duplicate"}),
    ("au", "OFFICIAL-SENSITIVE", {"marking-unknown-token"}),  # the UK spelling
    # A-10 (NZ PSR)
    ("nz", "(IC)", set()),
    ("nz", "(Sen)", set()),
    ("nz", "RESTRICTED NZEO", set()),
    ("nz", "IN-CONFIDENCE NZEO", {"marking-conflict"}),
    ("nz", "CONFIDENTAL", {"marking-unknown-token"}),
    ("nz", "IN CONFIDENCE", {"marking-form"}),  # written with a hyphen (NZ-PSR p.13)
    # A-10, A13: every level and paragraph mark; NZEO from RESTRICTED up
    ("nz", "UNCLASSIFIED", set()),
    ("nz", "IN-CONFIDENCE", set()),
    ("nz", "SENSITIVE", set()),
    ("nz", "TOP SECRET", set()),
    ("nz", "(U)", set()),
    ("nz", "(R)", set()),
    ("nz", "(C)", set()),
    ("nz", "(S)", set()),
    ("nz", "(TS)", set()),
    ("nz", "(SEN)", {"marking-form"}),
    ("nz", "CONFIDENTIAL NZEO", set()),
    ("nz", "TOP SECRET NZEO", set()),
    ("nz", "SECRET//NZEO", set()),
    ("nz", "UNCLASSIFIED NZEO", {"marking-conflict"}),
    ("nz", "SENSITIVE NZEO", {"marking-conflict"}),
    ("nz", "SECRET NZEO NZEO", {"marking-duplicate"}),
    ("nz", "OFFICIAL", {"marking-unknown-token"}),
    ("nz", "MEDICAL IN-CONFIDENCE", set()),  # A13: an endorsement before the level
    ("nz", "STAFF IN-CONFIDENCE", set()),
    ("nz", "IN-CONFIDENCE MEDICAL", set()),
    ("nz", "NZEO SECRET", {"marking-unknown-token"}),
    # Canada (TBS Standard on Security Categorization)
    ("ca", "PROTECTED B", set()),
    ("ca", "(PB)", set()),
    ("ca", "SECRET CANADIAN EYES ONLY", set()),
    ("ca", "PROTECTED A CEO", {"marking-conflict"}),
    ("ca", "PROTECTED B / PROTÉGÉ B", set()),  # bilingual: the level, then its French form
    ("ca", "PROTÉGÉ B", set()),
    ("ca", "TOP SECRET / TRÈS SECRET CEO", set()),
    ("ca", "PROTECTED B / PROTÉGÉ A", {"marking-conflict"}),
    ("ca", "SECRET / SECRET", set()),  # bilingual, where both languages spell the level alike
    ("ca", "SECRET SECRET", {"marking-unknown-token"}),  # not a translation without the "/"
    ("ca", "UNCLASSIFIED", set()),
    ("ca", "PROTECTED A", set()),
    ("ca", "PROTECTED C", set()),
    ("ca", "CONFIDENTIAL", set()),
    ("ca", "(PA)", set()),
    ("ca", "(PC)", set()),
    ("ca", "(C)", set()),
    ("ca", "(TS)", set()),
    ("ca", "CONFIDENTIAL CEO", set()),
    ("ca", "TOP SECRET CEO", set()),
    ("ca", "SECRET//CEO", set()),
    ("ca", "UNCLASSIFIED CEO", {"marking-conflict"}),
    ("ca", "PROTECTED C CANADIAN EYES ONLY", {"marking-conflict"}),
    ("ca", "SECRET CANADIAN EYES ONLY CEO", {"marking-duplicate"}),
    ("ca", "PROTECTED D", {"marking-unknown-token"}),
    ("ca", "protected b", {"marking-form"}),
    ("ca", "CONFIDENTIAL / CONFIDENTIEL", set()),
    ("ca", "NON CLASSIFIÉ", set()),
    ("ca", "SECRET \u2013 CANADIAN EYES ONLY", set()),  # a word processor's en dash is a separator
    ("ca", "PROTECTED B \u2014 PROTÉGÉ B", set()),
    # releasability spelt out (ISM22 renders `//NATO SECRET//RELEASABLE TO USA, AUS, NATO`) and to the EU (A11)
    ("nato", "NATO SECRET//RELEASABLE TO USA, AUS, NATO", set()),
    ("nato", "NATO RESTRICTED//REL TO EU", set()),
    ("nato", "(NR//REL TO USA, EU, NATO)", set()),
    # misspelt words are unknown with the word they misspell, not a codeword
    ("uk", "OFFICIAL-SENSITIVE PERSONEL DATA", {"marking-unknown-token"}),
    ("uk", "SECRET COMERCIAL", {"marking-unknown-token"}),
    ("uk", "TOP SECRET STRAP1", set()),
    # the NZ PSR's endorsements, after the level or (BUDGET, as Budget papers are marked) before it
    ("nz", "BUDGET SENSITIVE", set()),
    ("nz", "(IC CABINET)", set()),
    ("nz", "RESTRICTED ACCOUNTABLE MATERIAL", set()),
    ("nz", "SENSITIVE SPECIAL HANDLING REQUIRED", set()),
    ("nz", "IN-CONFIDENCE APPOINTMENTS", set()),
    ("nz", "IN-CONFIDENCE CABINT", {"marking-unknown-token"}),
]


@pytest.mark.parametrize("scheme,text,expected", MARKINGS, ids=[f"{m[0]}-{m[1]}" for m in MARKINGS])
def test_marking(scheme, text, expected):
    assert {p.rule for p in check(text, vocab=load_vocabulary((scheme,)))} == expected


def test_canonical_forms():
    uk, nato = load_vocabulary(("uk",)), load_vocabulary(("nato",))
    assert parse("OFFICIAL SENSITIVE personal data", vocab=uk).banner() == "OFFICIAL-SENSITIVE PERSONAL DATA"
    assert parse("(NS//ATOMAL)", vocab=nato).banner() == "NATO SECRET//ATOMAL"
    assert parse("NATO SECRET//ATOMAL", vocab=nato).portion() == "(NS//ATOMAL)"
    assert parse("(Sen)", vocab=load_vocabulary(("nz",))).banner() == "SENSITIVE"


@pytest.mark.parametrize("scheme, text, column, end, suggestion", [
    ("uk", "OFFICIAL-SENSITIVE PERSONEL DATA", 20, 33, "PERSONAL DATA"),
    ("uk", "OFFICIAL-SENSITIVE PERSONAL DTA", 20, 32, "PERSONAL DATA"),
    ("uk", "OFFCIAL-SENSITIVE", 1, 18, "OFFICIAL-SENSITIVE"),
    ("uk", "OFFICIAL-SENSATIVE", 10, 19, "SENSITIVE"),
    ("ca", "PROTECTD B", 1, 11, "PROTECTED B"),  # the level of as many words, not PROTECTED C
    ("ca", "SECRET//CANADIAN EYES ONY", 9, 26, "CANADIAN EYES ONLY"),
    ("nato", "NATO SECERT", 1, 12, "NATO SECRET"),
    # a releasability list's codes are the register's (A11): two letters swapped, not a country
    ("au", "SECRET REL AUS/GRB", 16, 19, "GBR"),
    ("nato", "NATO SECRET//REL TO USA, GRB", 26, 29, "GBR"),
    ("nato", "(NR//REL TO USA, EUU)", 18, 21, "EU"),
])
def test_a_misspelt_word_is_reported_with_the_word_it_misspells(scheme, text, column, end, suggestion):
    [problem] = check(text, vocab=load_vocabulary((scheme,)))
    assert (problem.rule, problem.column, problem.end_column) == ("marking-unknown-token", column, end)
    assert problem.message.endswith(f'did you mean "{suggestion}"?')


@pytest.mark.parametrize("scheme, portions, banner", [
    # an OFFICIAL paragraph cannot carry AUSTEO or REL: it leaves the caveat to the others
    ("au", ["(PROTECTED AUSTEO)", "(OFFICIAL)", "(OFFICIAL: Sensitive)"], "PROTECTED AUSTEO"),
    ("au", ["(SECRET REL AUS/GBR)", "(OFFICIAL)"], "SECRET REL <codes>"),
    # an eyes-only caveat on any portion marks the document, as NOFORN does
    ("au", ["(SECRET AUSTEO)", "(PROTECTED)"], "SECRET AUSTEO"),
    ("au", ["(SECRET AUSTEO)", "(SECRET REL AUS/GBR)"], "SECRET AUSTEO"),
    ("uk", ["(S UK EYES ONLY)", "(S)", "(O)"], "SECRET UK EYES ONLY"),
    ("nz", ["(S NZEO)", "(IC)", "(Sen)"], "SECRET NZEO"),
    ("nz", ["(S NZEO)", "(R)"], "SECRET NZEO"),
    ("ca", ["(S CEO)", "(S)", "(C)"], "SECRET CANADIAN EYES ONLY"),
    ("ca", ["(S CEO)", "(PB)"], "SECRET CANADIAN EYES ONLY"),
    # an uncaveated unclassified portion takes no part in the releasability roll-up
    ("nato", ["(NR//REL TO USA, AUS, NATO)", "(NU)"], "NATO RESTRICTED//REL TO <codes>"),
    ("nato", ["(NR//REL TO USA, AUS, NATO)", "(NC)"], "NATO CONFIDENTIAL"),
    # a word the portion may not carry is its own marking-conflict and does not roll up
    ("nato", ["(NS//BOHEMIA)", "(NR//NF)"], "NATO SECRET"),
    ("nato", ["(CTS//BOHEMIA)", "(NS//BOHEMIA)"], "COSMIC TOP SECRET//BOHEMIA"),
])
def test_allied_rollup_of_releasability_and_misplaced_words(scheme, portions, banner):
    vocab = load_vocabulary((scheme,))
    assert rollup([parse(p, vocab=vocab) for p in portions]).banner() == banner


def _expected() -> dict[str, list[str]]:
    out = {}
    for line in (FIXTURES / "expected.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, findings = line.partition(": ")
            out[name] = [] if findings == "-" else findings.split("; ")
    return out


EXPECTED = _expected()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_findings(name):
    path = FIXTURES / name
    ruleset = name.split("/")[0]
    result = lint_path(str(path), Settings(rules=ruleset, use_config=False))
    assert [f"{f.line}:{f.column} {f.rule}" for f in result.findings] == EXPECTED[name]
    assert (not EXPECTED[name]) == path.name.startswith("ok-")


def test_every_fixture_has_an_expectation():
    assert sorted(str(p.relative_to(FIXTURES)) for p in FIXTURES.glob("*/[!.]*.*")) == sorted(EXPECTED)


@pytest.mark.parametrize("scheme", ["nato", "uk", "au", "nz", "ca"])
def test_ten_correct_and_ten_incorrect_documents_per_scheme(scheme):
    names = [name for name in EXPECTED if name.startswith(f"{scheme}/")]
    assert sum(not EXPECTED[name] for name in names) >= 10 and sum(bool(EXPECTED[name]) for name in names) >= 10


def test_parse_command_reads_with_a_rule_sets_vocabulary():
    out, err = io.StringIO(), io.StringIO()
    assert run_parse(["--rules", "uk", "--color", "never", "OFFICIAL UK EYES ONLY"], out, err) == 1
    assert out.getvalue() == ('10:22: marking-conflict  "UK EYES ONLY" is not used with OFFICIAL '
                              "(allowed: SECRET, TOP SECRET) (A-06, GSCP24 p.14-22)\n")
    out = io.StringIO()
    assert run_parse(["--rules", "nato", "--color", "never", "(NS//ATOMAL)"], out, err) == 0
    assert "banner  : NATO SECRET//ATOMAL" in out.getvalue()
    err = io.StringIO()
    assert run_parse(["--rules", "nope", "X"], io.StringIO(), err) == 2
    assert err.getvalue().startswith("marklint: unknown rule set 'nope'")


@pytest.mark.parametrize("name, pages", [
    ("uk/ok-official-sensitive-minute-banner-pairs.txt", 2),
    ("au/bad-second-page-official-banner-pairs.txt", 2),
    ("au/ok-minute-two-pages.txt", 2),
    ("uk/ok-three-pages-personal-data-rollup.txt", 3),  # the pairs on consecutive lines
    ("au/ok-three-pages-caveat-rollup.txt", 3),
    ("nz/ok-three-pages-mixed-marks.txt", 3),
    ("nato/ok-three-pages-atomal-rollup.txt", 3),
    ("ca/ok-three-pages-protected-b.txt", 3),  # form feeds: no bottom marking
])
def test_pages_end_at_the_schemes_own_banner_pairs(name, pages):
    """A plain-text page ends where a bottom banner meets a top banner of the rule set's own
    scheme (OFFICIAL-SENSITIVE, OFFICIAL: Sensitive), not only the US banner words."""
    assert lint_path(str(FIXTURES / name), Settings(rules=name.split("/")[0], use_config=False)).pages == pages


# NATO and foreign portions in US documents (A-03, A-05, A-08, K-16..K-23, F-03): a banner, the
# portions (each a paragraph), the expected findings; a document with NATO classified portions
# states the highest NATO level after them (T-06), and each ends with the Declassify On
# statement for NATO portions (C-14).
_CAB = ["Classified By: Jane Smith, Director, Office of Plans",
        'Derived From: Memo, "Convoy Plans," March 3, 2024, Office of Plans']
# the NATO level a statement names for the highest NATO portion form (T-06)
_NATO_STATEMENTS = [("(//CTS", "COSMIC TOP SECRET"), ("(//NTS", "COSMIC TOP SECRET"), ("(//NS", "NATO SECRET"),
                    ("(//NC", "NATO CONFIDENTIAL"), ("(//NR", "NATO RESTRICTED")]
_US_DOCUMENTS = [
    ("SECRET//FGI NATO", ["(//NS)"], []),
    ("SECRET//FGI NATO", ["(//NC)", "(S)"], []),
    ("CONFIDENTIAL//FGI NATO", ["(//NR)", "(C)"], []),  # foreign RESTRICTED as CONFIDENTIAL
    ("TOP SECRET//BOHEMIA//FGI NATO//NOFORN", ["(//CTS//BOHEMIA)", "(TS//NF)"], []),
    ("TOP SECRET//BALK//FGI NATO", ["(//CTS//BALK)"], []),
    ("SECRET//RD/ATOMAL//FGI NATO//NOFORN", ["(//NS//ATOMAL)", "(S//RD//NF)"], []),
    ("SECRET//FGI GBR", ["(//GBR S)", "(U)"], []),
    ("CONFIDENTIAL//FGI DEU//REL TO USA, DEU", ["(//DEU C//REL TO USA, DEU)"], []),
    ("SECRET//FGI DEU//REL TO USA, DEU", ["(//DEU C//REL TO USA, DEU)", "(S//REL TO USA, DEU)"], []),
    ("SECRET//FGI GBR NATO", ["(//GBR S)", "(//NS)"], []),
    ("SECRET//FGI CAN GBR", ["(//CAN GBR S)"], []),
    ("SECRET//FGI AUS GBR", ["(S//FGI AUS GBR)"], []),
    ("SECRET//FGI//NOFORN", ["(//FGI S//NF)", "(S//NF)"], []),
    # K-23: JOINT portions give FGI with the co-owners and REL TO; FVEY covers AUS and GBR (F-03)
    ("SECRET//FGI AUS GBR//REL TO USA, AUS, GBR",
     ["(//JOINT S AUS GBR USA//REL TO USA, AUS, GBR)", "(S//REL TO USA, AUS, GBR)"], []),
    ("SECRET//FGI AUS GBR//REL TO USA, FVEY", ["(//JOINT S AUS GBR USA//REL TO USA, FVEY)"], []),
    ("//JOINT SECRET AUS GBR USA//REL TO USA, AUS, GBR", ["(//JOINT S//REL)"], []),
    # the reference's wrong examples
    ("SECRET//FGI NATO", ["(//NS)", "(S//NF)"], ["1:1 banner-rollup"]),  # NOFORN rolls up
    ("SECRET", ["(//NS)", "(S)"], ["1:1 banner-rollup"]),  # FGI NATO
    ("SECRET", ["(//GBR S)"], ["1:1 banner-rollup"]),  # FGI GBR
    ("SECRET//REL TO USA, AUS, GBR", ["(//JOINT S AUS GBR USA//REL TO USA, AUS, GBR)"], ["1:1 banner-rollup"]),  # K-23
    ("CONFIDENTIAL//FGI GBR", ["(//GBR S)"], ["1:1 banner-under-classified"]),
    ("SECRET//FGI NATO", ["(//CTS)"], ["1:1 banner-under-classified"]),
    ("UNCLASSIFIED", ["(//NR)"], ["1:1 banner-under-classified", "1:1 banner-rollup"]),
    ("SECRET//FGI NATO GBR", ["(//GBR S)", "(//NS)"], ["1:13 marking-order", "13:13 marking-order"]),  # K-16
    ("SECRET//FGI GBR, JPN", ["(//GBR S)", "(//JPN S)"], ["1:9 marking-syntax", "11:9 marking-syntax"]),
    ("SECRET//FGI NATO", ["(//NS//BOHEMIA)"], ["1:1 banner-rollup", "3:8 marking-conflict"]),
    ("TOP SECRET//FGI NATO", ["(//NTS)"], ["3:4 marking-form"]),
    ("SECRET//FGI NATO//NOFORN", ["(//NS//NF)"], ["3:8 marking-advisory"]),
    ("TOP SECRET//FGI NATO", ["(//CTSA)"], ["1:1 banner-rollup", "3:4 legacy-marking"]),  # A2 legacy form
    ("SECRET//FGI AUS GBR//REL TO USA, AUS, GBR",
     ["(//JOINT S AUS GBR USA)"], ["1:1 banner-rollup", "3:4 marking-conflict"]),  # K-20: REL TO required
    ("SECRET//FGI AUS GBR//REL TO USA, AUS", ["(//JOINT S AUS GBR USA//REL TO USA, AUS)"], ["3:25 marking-conflict"]),
    ("SECRET//FGI AUS GBR//NOFORN", ["(//JOINT S AUS GBR USA//NF)"], ["3:25 marking-conflict"]),  # K-21
    ("SECRET//FGI AUS GBR//REL TO USA, AUS, GBR",
     ["(//JOINT S USA AUS GBR//REL TO USA, AUS, GBR)"], ["3:12 marking-order"]),  # K-20
    ("SECRET//FGI GBR", ["(S//GBR S)"], ["1:1 banner-rollup", "3:5 marking-conflict"]),  # S-03
]


@pytest.mark.parametrize("banner, portions, expected", _US_DOCUMENTS,
                         ids=[f"{b}-{'+'.join(p)}" for b, p, _ in _US_DOCUMENTS])
def test_nato_and_foreign_portions_in_us_documents(banner, portions, expected):
    declassify = "Declassify On: N/A to NATO portions. See source list for NSI portions."
    lines = [banner, ""]
    for portion in portions:
        lines += [f"{portion} The convoy leaves at dawn.", ""]
    nato = [level for form, level in _NATO_STATEMENTS if any(p.startswith(form) for p in portions)]
    if nato:
        lines += [f"THIS DOCUMENT CONTAINS {nato[0]} INFORMATION", ""]
    if any("//RD" in portion for portion in portions):  # T-07
        lines += ["RESTRICTED DATA", "This document contains Restricted Data as defined in the Atomic Energy Act of 1954.", ""]
    text = "\n".join([*lines, *_CAB, declassify, "", banner]) + "\n"
    result = lint_document(read_document("memo.txt", text.encode()), Settings(rules="us-ic", use_config=False))
    assert [f"{f.line}:{f.column} {f.rule}" for f in result.findings] == expected


def test_a_us_document_holding_nato_information_states_it():
    """T-06: without "THIS DOCUMENT CONTAINS NATO SECRET INFORMATION" the document is reported
    at its overall banner, under us-ic as under us-cnsi."""
    text = "\n".join(["SECRET//FGI NATO", "", "(//NS) The convoy leaves at dawn.", "", *_CAB,
                      "Declassify On: N/A to NATO portions. See source list for NSI portions.", "",
                      "SECRET//FGI NATO"]) + "\n"
    for rules in ("us-ic", "us-cnsi"):
        result = lint_document(read_document("memo.txt", text.encode()), Settings(rules=rules, use_config=False))
        assert [f"{f.line}:{f.column} {f.rule}" for f in result.findings] == ["1:1 nato-notice-missing"]


def test_an_nz_subject_line_is_a_title_and_needs_no_paragraph_mark():
    """A-10: NZ paragraph marks go on paragraphs, not titles; a minute's subject line is its title."""
    text = ("CONFIDENTIAL\n\nMinute to the Minister\n\nSubject: Cyber security incident\n\n"
            "1. (C) The Bureau was notified on 28 August.\n\n2. The council has been informed.\n\nCONFIDENTIAL\n")
    result = lint_document(read_document("minute.txt", text.encode()), Settings(rules="nz", use_config=False))
    assert [f"{f.line}:{f.column} {f.rule}" for f in result.findings] == ["9:1 portion-missing"]


def test_a_nato_committee_and_its_document_type_atop_a_decision_sheet_need_no_mark():
    """The committee's name and `DECISION SHEET` are letterhead; an unmarked paragraph is still found."""
    text = ("NATO RESTRICTED\n\nNORTH ATLANTIC TREATY ORGANIZATION\n\nAC/281-DSM(2024)0007\n14 March 2024\n\n"
            "DECISION SHEET\n\nLOGISTICS COMMITTEE\n\n1. (NR) The Committee agreed the targets.\n\n"
            "2. The next meeting is in April.\n\nNATO RESTRICTED\n")
    result = lint_document(read_document("ds.txt", text.encode()), Settings(rules="nato", use_config=False))
    assert [f"{f.line}:{f.column} {f.rule}" for f in result.findings] == ["14:1 portion-missing"]
