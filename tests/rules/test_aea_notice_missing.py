"""MK603 aea-notice-missing: exact findings on its examples and on documents holding RD, FRD
and CNWDI (T-07)."""

from rule_support import found

from marklint.checks.rules.aea_notice_missing import RULE

CAB = ("Classified By: Jane Smith, Director, Office of Plans\nDerived From: CG-W-5, dated 20200101\n"
       "Declassify On: N/A to RD/FRD portions. See source list for NSI portions.\n")
RD_NOTICE = ("RESTRICTED DATA\nThis document contains Restricted Data as defined in the Atomic Energy Act of 1954. "
             "Unauthorized disclosure subject to administrative and criminal sanctions.")
FRD_NOTICE = ("FORMERLY RESTRICTED DATA\nUnauthorized disclosure subject to administrative and criminal sanctions. "
              "Handle as Restricted Data in foreign dissemination. Section 144.b, Atomic Energy Act, 1954.")
CNWDI_NOTICE = "CRITICAL NUCLEAR WEAPON DESIGN INFORMATION\nCritical Nuclear Weapon Design Information - DoD Instruction 5210.02 applies"


def document(banner: str, *blocks: str) -> str:
    return "\n\n".join((banner, *blocks, CAB, banner)) + "\n"


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ("aea-notice-missing", 1, 1, "document holds Restricted Data (RD) but has no RD warning notice (T-07)"),
    ]


def test_good_example_passes():
    assert found(RULE.good, RULE.slug) == []


def test_frd_needs_its_notice_unless_rd_is_there_too():
    frd = document("SECRET//FORMERLY RESTRICTED DATA//NOFORN", "(S//FRD//NF) The stockpile figures.", "(U) Comments.")
    assert found(frd, RULE.slug) == [
        ("aea-notice-missing", 1, 1, "document holds Formerly Restricted Data (FRD) but has no FRD warning notice (T-07)")]
    assert found(frd.replace("(U) Comments.", FRD_NOTICE + "\n\n(U) Comments."), RULE.slug) == []
    both = document("SECRET//RESTRICTED DATA//NOFORN", RD_NOTICE, "(S//RD//NF) The design.",
                    "(S//FRD//NF) The stockpile figures.")
    assert found(both, RULE.slug) == []


def test_cnwdi_needs_its_notice_beside_the_rd_one():
    text = document("SECRET//RESTRICTED DATA-CNWDI//NOFORN", RD_NOTICE, "(S//RD-CNWDI//NF) The weapon design.")
    assert found(text, RULE.slug) == [
        ("aea-notice-missing", 1, 1,
         "document holds Critical Nuclear Weapon Design Information (CNWDI) but has no CNWDI warning notice (T-07)")]
    assert found(text.replace(RD_NOTICE, RD_NOTICE + "\n\n" + CNWDI_NOTICE), RULE.slug) == []


def test_a_document_without_aea_portions_needs_no_notice():
    assert found(document("SECRET//NOFORN", "(S//NF) The convoy leaves at dawn."), RULE.slug) == []
