"""B-01, B-02 concern classified documents: a plainly UNCLASSIFIED document needs no banner on
every page; one with a control, or under `require-banner: always`, still does."""

from archives_support import lint_text

TWO_PAGES = "{0}\n\n(U) The schedule is attached.\n\n{0}\n\f(U) The meeting is at noon.\n"


def test_plain_unclassified_pages_need_no_banner():
    assert lint_text(TWO_PAGES.format("UNCLASSIFIED")).findings == []


def test_a_controlled_or_classified_document_still_does():
    for banner, portion in (("UNCLASSIFIED//FOUO", "(U//FOUO)"), ("SECRET", "(S)")):
        text = TWO_PAGES.format(banner).replace("(U)", portion)
        rules = [(f.line, f.rule) for f in lint_text(text).findings if f.rule.startswith("banner-missing")]
        assert rules == [(6, "banner-missing-top"), (6, "banner-missing-bottom")], banner


def test_require_banner_always_keeps_them_required():
    findings = lint_text(TWO_PAGES.format("UNCLASSIFIED"), require_banner="always").findings
    assert [(f.line, f.rule) for f in findings] == [(6, "banner-missing-top"), (6, "banner-missing-bottom")]


# An SBU e-mail chain as State wrote them: a forwarding note with no mark, the SBU message with
# (SBU) and (U) paragraphs, its closing label, and a second printout page.
SBU_CHAIN = (
    "From: Mills, Cheryl D\nSent: Monday, October 17, 2011 3:04 PM\nTo: Kennedy, Patrick F\n"
    "Subject: FW: Weekly report\n\nFYI\n\n"
    "From: Ops Center\nSent: Monday, October 17, 2011 1:10 PM\nSubject: Weekly report\n\n"
    "(SBU) The post remains on a heightened security status.\n\n"
    "(U) The consular section reopened today.\n\f"
    "(SBU) Travel by staff outside the capital is suspended.\n\nSBU\nThis email is UNCLASSIFIED.\n"
)


def test_an_sbu_document_owes_no_banners_and_no_portion_marks():
    """SBU is State's handling designation (12 FAM 540), outside EO 13526: neither the pages of
    an SBU e-mail nor its unmarked forwarding notes are findings."""
    assert lint_text(SBU_CHAIN).findings == []
    assert lint_text(SBU_CHAIN, rules="auto").findings == []


def test_sbu_beside_another_control_or_a_classified_portion_still_owes_them():
    owed = [(1, "banner-missing-top"), (4, "portion-missing"), (6, "portion-missing"), (10, "portion-missing"),
            (14, "banner-missing-bottom"), (15, "banner-missing-top"), (18, "banner-missing-bottom"),
            (18, "portion-missing")]
    for portion in ("(U//FOUO)", "(C)"):
        text = SBU_CHAIN.replace("(U) The consular", portion + " The consular")
        found = [(f.line, f.rule) for f in lint_text(text, rules="auto").findings
                 if f.rule.startswith(("banner-missing", "portion-missing"))]
        assert found == owed, portion


# A State telegram printed from SMART: its status written on two lines, header and trailer.
SMART = ("{0}\n\n{1}\n\nMRN: 12 STOCKHOLM 440\nE.O.: 13526\n\n"
         "1. (SBU) Sweden will provide development assistance.\n\n2. (U) The minister tweeted.\n\n{1}\n")


def test_a_status_written_on_two_lines_is_one_banner():
    two_lines = "UNCLASSIFIED\n   SBU"
    assert lint_text(SMART.format("Subject: Sweden", two_lines)).pages == 1
    assert lint_text(SMART.format("Subject: Sweden", two_lines)).findings == []
    # a blank line between them: two banners, the first lacking the SBU of its portions
    apart = [(f.line, f.rule) for f in lint_text(SMART.format("Subject: Sweden", "UNCLASSIFIED\n\nSBU")).findings]
    assert apart == [(3, "banner-rollup")]
