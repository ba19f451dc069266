"""State cables in text form (their numbered paragraphs holding talking points and quoted
text), a Classified By line that carries its reason, an unclassified
transmittal, and the banners of a page's edge lines (a misspelt one, an e-mail client's
`Classification:` line): exact findings."""

from __future__ import annotations

import pytest

from marklint.legacy_forms import legacy_banner, whole_text_statement
from marklint.lint import Settings, lint_bytes
from marklint.mark_strings import near_miss_banner

CABLE = """S E C R E T SECTION 01 OF 02 ANKARA 001234

SIPDIS

E.O. 12958: DECL: 03/15/2015
TAGS: PREL, PGOV, TU
SUBJECT: (C) TURKEY: BORDER DEPLOYMENT

{cab}

1. (C) Officials told us on March 14 that a larger deployment is being weighed.

S E C R E T SECTION 02 OF 02 ANKARA 001234

2. (S) Two more brigades could move south within a month.

EDELMAN
"""


def lint(text: str, rules: str = "us-cnsi") -> list[tuple[str, int, int]]:
    result = lint_bytes("doc.txt", text.encode(), Settings(rules=rules, use_config=False))
    assert result.error is None, result.error
    return [(f.rule, f.line, f.column) for f in result.findings]


@pytest.mark.parametrize("cab", [
    "Classified By: Ambassador Eric Edelman for reasons 1.4 (b) and (d)",
    "Classified By: Ambassador Eric Edelman, reasons 1.4(b) and (d).",
    "CLASSIFIED BY: POLITICAL COUNSELOR JANE DOE. REASON: 1.4(B), (D)",
])
def test_a_cable_with_its_reason_on_the_classified_by_line_is_clean(cab):
    assert lint(CABLE.format(cab=cab), "us-eo12958") == []


def test_a_reason_on_the_classified_by_line_is_still_checked():
    text = CABLE.format(cab="Classified By: Ambassador Eric Edelman for reasons 1.9 (b)")
    assert lint(text, "us-eo12958") == [("cab-reason-invalid", 9, 52)]


def test_a_cable_without_its_classified_by_line_is_incomplete():
    # at the block's first line: no Classified By line, and so no Reason either
    assert lint(CABLE.format(cab=""), "us-eo12958") == [("cab-incomplete", 5, 1), ("cab-incomplete", 5, 1)]


def test_the_cable_header_is_the_top_banner_of_each_section():
    found = legacy_banner("S E C R E T SECTION 01 OF 02 ANKARA 001234")
    assert (found.modern, found.cable, [form.name for form in found.forms]) == (
        "SECRET", True, ["cable-spaced", "cable-header"])
    assert legacy_banner("CONFIDENTIAL STATE 012345").modern == "CONFIDENTIAL"
    assert legacy_banner("SECRET ROOM ON THE SECOND FLOOR") is None
    # without the header, the page has no top banner
    damaged = CABLE.format(cab="Classified By: Ambassador Eric Edelman for reasons 1.4 (b) and (d)").replace(
        "S E C R E T SECTION 01 OF 02 ANKARA 001234\n", "\n", 1)
    assert lint(damaged, "us-eo12958")[:1] == [("banner-missing-top", 3, 1)]


def test_a_lone_c_after_a_paragraph_number_is_a_mark_entire_text_stands_for_the_rest():
    assert whole_text_statement("1. (C) ENTIRE TEXT.\n\n2. THE TALKS OPEN ON APRIL 6.\n") == "CONFIDENTIAL"
    assert whole_text_statement("(c) 2024 Acme Corporation. Entire text reserved.") is None


DEMARCHE = """C O N F I D E N T I A L STATE 123456

E.O. 12958: DECL: 12/01/2019
TAGS: PREL, PGOV, XX
SUBJECT: (C) DEMARCHE REQUEST ON REGIONAL ELECTIONS

REF: A) STATE 100200 B) EMBASSY CAPITAL 000345

Classified By: Deputy Assistant Secretary Mary Major, Reasons 1.4 (b) and (d).

1. (C) Embassy is requested to deliver the points in paragraph 3 to the foreign
ministry at the highest appropriate level.

2. (U) Background: the election commission has announced a delay of six months.

{para3} Begin points:

-- The United States supports a timely and transparent electoral process.

-- We urge the government to announce a new date without delay.

End points.

4. (U) Begin text:

Dear Minister:

I write to you about the elections.

Sincerely,

Hillary Rodham Clinton

End text.

CLINTON
C O N F I D E N T I A L
"""


def test_a_telegrams_numbered_paragraph_holds_its_points_and_quoted_text():
    assert lint(DEMARCHE.format(para3="3. (C)"), "us-eo12958") == []
    # one finding for the unmarked paragraph, none for its points
    assert lint(DEMARCHE.format(para3="3."), "us-eo12958") == [("portion-missing", 16, 1)]
    # outside a telegram (no TAGS line), full-sentence points, a closing line and a quoted
    # letter's paragraph are portions of their own (P-01)
    memo = DEMARCHE.format(para3="3. (C)").replace("TAGS: PREL, PGOV, XX\n", "")
    assert lint(memo, "us-eo12958") == [("portion-missing", line, 1) for line in (17, 19, 21, 27, 33)]


TRANSMITTAL = """CONFIDENTIAL

June 3, 2025

Dear Mr. Reyes:

(U) Enclosed is the security review of your facility.

Sincerely,

Karen L. Boyd
Industrial Security Representative

Enclosure:
(U) Security Review Report, 12 May 2025

{statement}

CONFIDENTIAL
"""


def test_an_unclassified_transmittal_needs_its_statement_but_no_authority_block():
    assert lint(TRANSMITTAL.format(statement="UNCLASSIFIED when separated from enclosure")) == []
    assert lint(TRANSMITTAL.format(statement="")) == [("transmittal-statement-missing", 1, 1)]
    classified = TRANSMITTAL.format(statement="UNCLASSIFIED when separated from enclosure").replace(
        "(U) Enclosed", "(C) Enclosed")
    assert lint(classified) == [("cab-missing", 1, 1)]


@pytest.mark.parametrize(("line", "suggestion"), [
    ("SECERT", "SECRET"), ("CONFIDENTAIL", "CONFIDENTIAL"), ("TOP SECERT//NOFORN", "TOP SECRET"),
    ("UNCLASIFIED", "UNCLASSIFIED"), ("SECRT", "SECRET"),
])
def test_a_near_miss_of_a_level_in_capitals_is_a_misspelt_banner(line, suggestion):
    assert near_miss_banner(line).error.suggestion == suggestion


@pytest.mark.parametrize("line", [
    "SECRETARY", "SECRET", "Secert", "SECTOR", "THE SECERT PLAN WAS DROPPED", "SECRET SERVICE", "SECERT\nPLAN",
])
def test_words_and_lines_that_are_not_misspelt_banners(line):
    assert near_miss_banner(line) is None


def test_a_near_miss_counts_only_on_a_page_edge():
    text = ("SECRET\n\nMarch 3, 2025\n\n(S) The convoy leaves at dawn.\n\nSECERT\n\n(U) It returns at dusk.\n\n"
            "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n")
    assert lint(text) == [("portion-missing", 7, 1)]
    assert lint(text.replace("SECRET\n", "SECERT\n", 1)) == [("marking-unknown-token", 1, 1), ("portion-missing", 7, 1)]


MAIL = """Classification: {top}

From: Reyes, Ana (NCTC)
Sent: Thursday, May 22, 2025 7:41 AM
Subject: (U) Travel

(S//NF) Our partner reports the subject will fly on 26 May.

Classification: {middle}

Classified By: Ana Reyes, Analyst, NCTC/DI
Derived From: NCTC SCG, dated 20240301
Declassify On: 20500522

Classification: SECRET//NOFORN
"""


def test_a_classification_line_on_a_page_edge_is_its_banner():
    assert lint(MAIL.format(top="SECRET//NOFORN", middle="ignored")) == []
    assert lint(MAIL.format(top="CONFIDENTIAL", middle="ignored")) == [
        ("banner-under-classified", 1, 17), ("banner-rollup", 1, 17)]
    # away from the edges it is a metadata line; without the top one the page has no top banner
    mail = MAIL.format(top="SECRET//NOFORN", middle="SECRET")
    without_top = mail.replace("Classification: SECRET//NOFORN\n\n", "", 1)
    assert lint(without_top) == [("banner-missing-top", 1, 1)]


REPLY = """From: Smith, Jane A. (DIA/DI-4)
Sent: Thursday, December 3, 2026 4:12 PM
To: Lee, Ann (J2)
Subject: (U) RE: Kestrel Junction imagery

Classification: {top}

(S//NF) The September imagery confirms the second track is in service.

(U) I'll send the draft Friday.

Classified By: Jane A. Smith, Senior Analyst, DI-4
Derived From: DIA SCG 2-19, dated 20250301
Declassify On: 20511203

Classification: SECRET//NOFORN

-----Original Message-----
From: Lee, Ann (J2)
Sent: Wednesday, December 2, 2026 9:01 AM
Subject: (U) Kestrel Junction imagery

Classification: UNCLASSIFIED//FOR OFFICIAL USE ONLY

(U//FOUO) Jane - did the new imagery come in?

Classification: UNCLASSIFIED//FOR OFFICIAL USE ONLY
"""


def test_a_saved_replys_classification_lines_stand_below_its_header_fields():
    """B-09: a reply saved as text opens with its header fields; its client's `Classification:`
    lines below them and above the quoted message are its banners, and the quoted message keeps
    its own."""
    assert lint(REPLY.format(top="SECRET//NOFORN")) == []
    assert lint(REPLY.format(top="CONFIDENTIAL//NOFORN")) == [("banner-under-classified", 6, 17)]


def test_a_cable_caption_line_under_the_header_belongs_to_its_banner():
    text = CABLE.format(cab="Classified By: Political Counselor Robert Ford for reasons 1.4 (b) and (d).").replace(
        "SIPDIS\n", "SIPDIS\nNOFORN\n").replace("2. (S) Two", "2. (S//NF) Two")
    assert lint(text, "us-eo12958") == []
    assert lint(text.replace("SIPDIS\nNOFORN\n", "SIPDIS\n"), "us-eo12958") == [("banner-rollup", 1, 1)]


def test_a_caption_line_under_a_cable_header_in_capitals_belongs_to_its_banner():
    text = ("SECRET STATE 012345\n\nNOFORN\n\nE.O. 13526: DECL: 03/05/2036\nTAGS: PREL\n"
            "SUBJECT: (S//NF) DEMARCHE REQUEST\n\nClassified By: Director Laura Simmons for reasons 1.4(b) and (d)\n\n"
            "1. (S//NF) Post should deliver the points.\n\nCLINTON\n")
    assert lint(text) == []
    assert lint(text.replace("NOFORN\n\nE.O.", "E.O.")) == [("banner-rollup", 1, 1)]


def test_the_armys_classification_and_caveats_lines_make_one_banner():
    text = ("Classification: SECRET\nCaveats: {caveats}\n\nSGT Miller,\n\n(S//NF) The route changes at 0600.\n\n"
            "V/R\nCPT Alan Brooks\n\nClassified By: CPT Alan Brooks, S3, 2-7 IN\n"
            "Derived From: 3ID OPORD 25-10, dated 20251101\nDeclassify On: 20501112\n\n"
            "Classification: SECRET\nCaveats: NOFORN\n")
    assert lint(text.format(caveats="NOFORN")) == []
    assert lint(text.format(caveats="NONE")) == [("banner-rollup", 1, 17)]  # the top is the slip, reported once
    # an unmarked unclassified message's tool lines ask for no banners or portion marks
    assert lint("Classification: UNCLASSIFIED\nCaveats: NONE\n\nThe meeting moved to Tuesday.\n") == []
    fouo = "Classification: UNCLASSIFIED\nCaveats: FOUO\n\n{text}The meeting moved to Tuesday.\n\n" \
           "{more}Classification: UNCLASSIFIED\nCaveats: FOUO\n"
    assert lint(fouo.format(text="", more="")) == []
    # once its paragraphs are marked, a controlled message's tool lines are its banners (B-08)
    assert lint(fouo.format(text="(U//FOUO) ", more="")) == []
    assert lint(fouo.format(text="(U//FOUO) ", more="Bring the slides.\n\n")) == [("portion-missing", 6, 1)]
    assert lint("Classification: UNCLASSIFIED//FOR OFFICIAL USE ONLY\n\n(U//FOUO) The range is closed.\n\n"
                "Classification: UNCLASSIFIED//FOR OFFICIAL USE ONLY\n") == []


def test_an_undated_cable_is_judged_by_the_order_its_authority_line_names():
    text = CABLE.format(cab="Classified By: Ambassador Eric Edelman for reasons 1.4 (b) and (d)")
    result = lint_bytes("doc.txt", text.encode(), Settings(rules="auto", use_config=False))
    assert (result.ruleset, result.findings) == ("us-eo12958", [])
    unmarked = text.replace("2. (S) Two", "2. Two").encode()
    damaged = lint_bytes("doc.txt", unmarked, Settings(rules="auto", use_config=False))
    # the unmarked paragraph (it may be the one the banner's level comes from)
    assert [(f.rule, f.line, f.column) for f in damaged.findings] == [("portion-missing", 15, 1)]


def test_an_undated_document_is_judged_by_the_era_its_group_legend_belongs_to():
    cable = ("SECRET\n\n1. The station reports the traveller left on Tuesday.\n\nGROUP 1\n"
             "Excluded from automatic downgrading and declassification\n\nSECRET\n")
    result = lint_bytes("doc.txt", cable.encode(), Settings(rules="auto", use_config=False))
    assert (result.ruleset, result.findings) == ("us-eo10501", [])
    # a group named in prose names no order
    prose = cable.replace("GROUP 1\nExcluded from automatic downgrading and declassification\n",
                          "GROUP 1 of the delegation arrived later.\n")
    assert lint_bytes("doc.txt", prose.encode(), Settings(rules="auto", use_config=False)).ruleset == "banners-only"


@pytest.mark.parametrize(("line", "name_like"), [
    ("EMBASSY WILL REPORT FURTHER AFTER THE JULY ROUND", False), ("WE HAVE NO COMMENT", False),
    ("THE MINISTER HAS AGREED", False), ("WILL SMITH", True), ("DEPUTY CHIEF OF MISSION", True),
    ("CHIEF, IT DIVISION", True), ("WILSON", True),
])
def test_a_line_in_capitals_with_a_word_of_a_sentence_is_not_a_signature(line, name_like):
    from marklint.name_lines import is_name_like

    assert is_name_like(line) is name_like


def test_an_undated_cable_keeps_its_eras_forms_under_todays_rules():
    text = CABLE.format(cab="Classified By: Ambassador Eric Edelman for reasons 1.4 (b) and (d)")
    assert lint(text) == []  # us-cnsi: S E C R E T was current in E.O. 12958's era
    assert lint(text.replace("E.O. 12958", "E.O. 13526")) == [("legacy-marking", 1, 1), ("legacy-marking", 13, 1)]


def test_unclas_is_a_cables_unclassified():
    assert legacy_banner("U N C L A S SECTION 01 OF 02 STATE 012345").modern == "UNCLASSIFIED"
    assert legacy_banner("UNCLAS STATE 012345").modern == "UNCLASSIFIED"
    text = ("U N C L A S STATE 012345\n\nE.O. 12958: N/A\nTAGS: CASC\nSUBJECT: (U) WARDEN MESSAGE\n\n"
            "1. (U) This is an action request.\n\n2. (C) Travelers should avoid the highway at night.\n\nRICE\n")
    assert lint(text, "us-eo12958") == [("banner-under-classified", 1, 1), ("cab-missing", 1, 1)]


def test_a_state_printouts_level_beside_its_printer_number_is_a_banner():
    found = legacy_banner("CONFIDENTIAL PTP7888")
    assert (found.modern, [form.name for form in found.forms]) == ("CONFIDENTIAL", ["cable-text"])
    assert legacy_banner("CONFIDENTIAL PTP78") is None


def test_sensitive_but_unclassified_spelled_out_is_state_sbu():
    found = legacy_banner("SENSITIVE BUT UNCLASSIFIED")
    assert (found.modern, [form.name for form in found.forms]) == ("UNCLASSIFIED//SBU", ["sbu"])
    assert legacy_banner("SENSITIVE BUT UNCLASSIFIED MATTERS") is None
