"""CUI documents as agencies write them (the CUI probe of December 2026): a misspelt, unprefixed
or out-of-place marking gives one finding, not a roll-up cascade; the statements a law or
directive puts on a page are no portions; DoD components designate by their acronyms; a pure
CUI document's bottom banner is optional except under us-dod (U-01); DoD's retired FOUO is
found in both of its forms."""

from __future__ import annotations

import pytest

from marklint.lint import Settings, lint_bytes
from marklint.markings import check, parse

BLOCK = "Controlled by: Department of the Treasury\nCUI Category: Privacy, Tax\nPOC: J. Smith, (202) 555-0100\n"


def findings(text: str, rules: str = "cui") -> list[tuple[str, int, int, str]]:
    result = lint_bytes("d.txt", text.encode(), Settings(use_config=False, rules=rules))
    assert result.error is None, result.error
    return [(f.rule, f.line, f.column, f.message) for f in result.findings]


def memo(banner: str, first: str, bottom: str | None = None) -> str:
    """A portion-marked CUI memo whose first paragraph is `first`."""
    return (f"{banner}\n\n{BLOCK}\n1. {first} Eighty offsets were applied to the wrong period.\n\n"
            f"2. (CUI//SP-PRVCY) The debtors are listed in the case file.\n\n3. (U) Notices go out in August.\n\n"
            f"{bottom or banner}\n")


def test_a_specified_category_without_its_prefix_is_one_form_finding():
    assert findings(memo("CUI//SP-PRVCY/SP-TAX", "(CUI//TAX)")) == [
        ("marking-form", 7, 10, '"TAX" is a Specified category: write "SP-TAX" (U-04)')]
    assert parse("(CUI//TAX)").cui_categories == (("TAX", True),)
    assert parse("(CUI//SP-OPSEC)").cui_categories == (("OPSEC", False),)


def test_a_misspelt_category_is_unknown_with_its_suggestion_and_not_rolled_up():
    assert findings(memo("CUI//SP-PRVCY/SP-TAX", "(CUI//SP-TAX/SP-PRVY)")) == [
        ("marking-unknown-token", 7, 17, 'unknown CUI category "SP-PRVY"; did you mean "SP-PRVCY"?')]


def test_the_handbooks_placeholder_categories_stay_understood_and_unregistered():
    assert parse("CUI//SP-AAAA/BBBB").cui_categories == (("AAAA", True), ("BBBB", False))
    assert [p.rule for p in check("CUI//SP-AAAA/BBBB")] == ["marking-unknown-token", "marking-unknown-token"]


def test_unclassified_written_before_pure_cui_is_one_form_finding_on_each_banner():
    text = memo("UNCLASSIFIED//CUI//SP-PRVCY/SP-TAX", "(CUI//SP-TAX)")
    message = 'a pure CUI marking has no classification: write "CUI//..." (U-15)'
    assert findings(text) == [("marking-form", 1, 1, message), ("marking-form", 13, 1, message)]
    # over a right bottom banner: only the top one
    assert findings(memo("UNCLASSIFIED//CUI//SP-PRVCY/SP-TAX", "(CUI//SP-TAX)", "CUI//SP-PRVCY/SP-TAX")) == [
        ("marking-form", 1, 1, message)]
    assert parse("UNCLASSIFIED//CUI//SP-PRVCY") == parse("CUI//SP-PRVCY")
    # with an IC-only control the classification is ISM's rendering, not an error (U-15)
    assert check("UNCLASSIFIED//FGI GBR//CUI//SP-AIV//REL TO USA, GBR") == []


def test_a_classification_after_cui_is_the_commingled_marking_out_of_order():
    text = ("SECRET//CUI//SP-CTI//NOFORN\n\nControlled by: Department of the Army\n\n"
            "1. (CUI//SP-CTI//S//NF) The gimbal saturated at high slew rates.\n\n2. (U) Tests resume in May.\n\n"
            "Classified By: K. Pike, Chief of Staff, AFC\nDerived From: LRPF SCG, dated 20240815\n"
            "Declassify On: 20501120\n\nSECRET//CUI//SP-CTI//NOFORN\n")
    assert findings(text) == [("marking-order", 5, 18, 'the classification "S" goes before "CUI" (U-14)')]
    assert parse("(CUI//SP-CTI//S//NF)") == parse("(S//CUI//SP-CTI//NF)")
    assert [p.message for p in check("(S//C)")] == ["only one classification per marking (S-03)"]


@pytest.mark.parametrize(("marking", "message"), [
    ("CUI//SP-CTI//ORCON", '"ORCON" is not a CUI limited dissemination control (U-06)'),
    ("(CUI//FOUO)", '"FOUO" is a legacy marking that is not used together with CUI (U-16)'),
    ("(S//CUI//FOUO)", '"FOUO" is a legacy marking that is not used together with CUI (U-16)'),
    # beside an LDC that would supersede it too: U-16 says it, once
    ("CUI//SP-SSI//DL ONLY/FOUO", '"FOUO" is a legacy marking that is not used together with CUI (U-16)'),
])
def test_a_control_that_cui_does_not_take_is_one_conflict(marking, message):
    assert [(p.rule, p.message) for p in check(marking)] == [("marking-conflict", message)]


def test_a_wrong_top_banner_over_the_overall_bottom_banner_is_one_finding():
    page = "CUI\n\n(U) Slide {n}\n\n- (CUI) Three suppliers failed their audits.\n\nCUI\n"
    text = "CUI\n\nControlled by: Defense Logistics Agency\n\n" + page.format(n=1)[5:] + "\f" + page.format(n=2)
    assert findings(text) == []
    wrong_top = text.replace("\fCUI\n", "\fCUI//SP-PRVCY\n")
    assert findings(wrong_top) == [
        ("banner-mismatch", 10, 2, "page 2 banner CUI//SP-PRVCY differs from the overall banner CUI")]
    wrong_bottom = text[:-4] + "CUI//SP-PRVCY\n"
    assert findings(wrong_bottom) == [
        ("banner-mismatch", 16, 1, "page 2 bottom banner CUI//SP-PRVCY differs from its top banner CUI")]


NOTICES = [
    "DISTRIBUTION STATEMENT D. Distribution authorized to the Department of Defense and U.S. DoD contractors only.",
    "Distribution Statement: D",
    "WARNING - This document contains technical data whose export is restricted by the Arms Export Control Act.",
    "WARNING: This record contains Sensitive Security Information that is controlled under 49 CFR parts 15 and 1520.",
    "DESTRUCTION NOTICE: Destroy by any method that will prevent disclosure of contents or reconstruction.",
    "This document contains Protected Critical Infrastructure Information (PCII).",
]


@pytest.mark.parametrize("notice", NOTICES)
def test_a_required_notice_is_no_portion(notice):
    text = memo("CUI//SP-PRVCY/SP-TAX", "(CUI//SP-TAX)").replace("\n\nCUI//SP-PRVCY/SP-TAX\n", f"\n\n{notice}\n\nCUI//SP-PRVCY/SP-TAX\n")
    assert findings(text) == []
    # a paragraph that only starts like one still needs its mark
    assert findings(text.replace(notice, "WARNING: The supplier has missed two deliveries.")) == [
        ("portion-missing", 13, 1, "paragraph has no portion mark")]


@pytest.mark.parametrize("statement", [
    "When enclosure is removed, this document is Uncontrolled Unclassified Information.",  # CUIHB p.26
    "This document is UNCONTROLLED when separated from the enclosure.",
    "When the attachments are removed, this memorandum is UNCLASSIFIED.",
])
def test_a_cui_transmittals_statement_is_no_portion(statement):
    text = ("CUI\n\nControlled by: NASA Goddard Space Flight Center\n\n(U) The enclosed document is for the "
            f"design review.\n\nEnclosure:\n(U) Interface Control Document, Rev A\n\n{statement}\n\nCUI\n")
    assert findings(text) == []
    assert [f[:3] for f in findings(text.replace(f"{statement}\n\n", ""))] == [("transmittal-statement-missing", 1, 1)]


@pytest.mark.parametrize(("designation", "named"), [
    ("Controlled by: OUSD(I&S)", True),  # DoDI 5200.48's own example
    ("Controlled by: DARPA", True),
    ("Controlled by: USSOCOM J3", True),
    ("Controlled by: NAVSEA 05", True),
    ("Controlled by: Joint Staff J6", True),
    ("Controlled by: PEO Soldier", False),
    ("Controlled by: Chief, Licensing Branch", False),
])
def test_dod_components_designate_by_their_acronyms(designation, named):
    text = f"CUI\n\n{designation}\nCUI Category: CTI\n\nThe test data are enclosed.\n\nCUI\n"
    assert [f[:3] for f in findings(text)] == ([] if named else [("cui-designation-missing", 1, 1)])


def test_a_caption_over_the_designation_block_is_part_of_it():
    text = memo("CUI//SP-PRVCY/SP-TAX", "(CUI//SP-TAX)").replace(BLOCK, "CUI Designation Indicator\n" + BLOCK)
    assert findings(text) == []
    office = text.replace("Department of the Treasury", "Offset Operations Branch")
    assert [f[:3] for f in findings(office)] == [("cui-designation-missing", 1, 1)]


def test_a_pure_cui_documents_bottom_banner_is_optional_except_for_dod():
    text = memo("CUI//SP-PRVCY/SP-TAX", "(CUI//SP-TAX)").rsplit("CUI//SP-PRVCY/SP-TAX\n", 1)[0]
    assert findings(text, "us-cnsi") == []
    assert findings(text, "cui") == []
    assert findings(text, "us-dod") == [("banner-missing-bottom", 11, 1, "page 1 has no banner at its bottom")]
    commingled = text.replace("CUI//SP-PRVCY/SP-TAX\n", "SECRET//CUI//SP-PRVCY/SP-TAX\n", 1).replace(
        "3. (U) Notices", "3. (S) Notices") + ("Classified By: J. Smith, Director\nDerived From: Treasury SCG, "
                                               "dated 20240101\nDeclassify On: 20501231\n")
    assert [f[:3] for f in findings(commingled, "us-cnsi")] == [("banner-missing-bottom", 15, 1)]
    # under cui too: a document that holds classified information is bannered top and bottom (B-01, U-14)
    assert [f[:3] for f in findings(commingled, "cui")] == [("banner-missing-bottom", 15, 1)]


def test_dod_finds_retired_fouo_in_its_long_form_too():
    text = ("UNCLASSIFIED//FOR OFFICIAL USE ONLY\n\nDEPARTMENT OF THE ARMY\n\n12 March 2021\n\n"
            "1. (U//FOUO) Gate access lists are held by the Provost Marshal.\n\n"
            "UNCLASSIFIED//FOR OFFICIAL USE ONLY\n")
    assert [f[:3] for f in findings(text, "us-dod")] == [
        ("fouo-after-cui", 1, 1), ("fouo-after-cui", 7, 4), ("fouo-after-cui", 9, 1)]
    assert findings(text.replace("2021", "2015"), "us-dod") == []
    # beside CUI, FOUO is cui-legacy-mixed's (U-16): the DoD rule does not say it again
    cui = "CUI\n\nControlled by: Department of the Army\n\n12 March 2021\n\n(CUI) Gate lists.\n\n(U//FOUO) Visits.\n\nCUI\n"
    assert [f[:3] for f in findings(cui, "us-dod")] == [("cui-legacy-mixed", 9, 1)]


def test_dod_may_banner_cui_bare_with_the_categories_in_the_designation_block():
    text = memo("CUI", "(CUI//SP-TAX)")
    assert findings(text, "us-dod") == []
    lacks = "overall banner CUI lacks SP-PRVCY, SP-TAX (roll-up of the portions: CUI//SP-PRVCY/SP-TAX)"
    assert findings(text, "cui") == [("banner-rollup", 1, 1, lacks)]
    # a banner that names some categories names them all (U-04), DoD's too
    assert [f[:3] for f in findings(memo("CUI//SP-PRVCY", "(CUI//SP-TAX)"), "us-dod")] == [("banner-rollup", 1, 1)]


def test_a_replys_closing_banner_below_the_quoted_message_is_its_bottom_banner():
    """Some clients set the reply's designation block and closing banner below the quoted
    message: the quoted message's banners pair up, so the odd one at the very end is the
    reply's (B-09, U-01 under us-dod, which asks for bottom banners)."""
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "correct" / "cui" / "cui_email_reply_quoted_banners.eml"
    text = path.read_text(encoding="utf-8")
    assert lint_bytes(path.name, text.encode(), Settings(rules="us-dod", use_config=False)).findings == []
    lines = text.split("\n")
    last = max(i for i, line in enumerate(lines) if line == "CUI//SP-PRVCY")
    damaged = "\n".join(lines[:last] + lines[last + 1:])
    result = lint_bytes(path.name, damaged.encode(), Settings(rules="us-dod", use_config=False))
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("banner-missing-bottom", 43, 1)]
