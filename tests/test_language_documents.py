"""Document-level verdicts of the marking language (issue 17): NATO controls in US documents,
bare REL under its banner, SAP hierarchy in the banner, tetragraphs with underscores in portion
marks, and the date of origin that starts the 25-year clock."""

from marklint.lint import Settings, lint_document
from marklint.readers import read_document

CAB = ("Classified By: Jane Smith, Director, Office of Plans", "Reason: 1.4(c)", "Declassify On: 20451231")


def doc(*parts: str) -> str:
    return "\n".join(parts) + "\n"


def findings(text: str, rules: str | None = None) -> list[tuple[str, int, int]]:
    result = lint_document(read_document("doc.txt", text.encode()), Settings(rules=rules))
    return [(f.rule, f.line, f.column) for f in result.findings]


def test_nato_controls_in_a_us_banner_go_in_the_sci_and_aea_slots():
    # ISM XSPEC "TOP SECRET//TK/BOHEMIA//RD/ATOMAL//FGI NATO//NOFORN"
    banner = "TOP SECRET//TK/BOHEMIA//RD/ATOMAL//FGI NATO//NOFORN"
    text = doc(banner, "", "THIS DOCUMENT CONTAINS NATO COSMIC TOP SECRET INFORMATION", "",
               "RESTRICTED DATA", "This document contains Restricted Data as defined in the Atomic Energy Act of 1954.", "",
               "(//CTS//BOHEMIA) The convoy leaves at dawn.", "", "(//CTS//ATOMAL) The escort joins at noon.", "",
               "(TS//TK//RD//NF) The cargo is listed in the annex.", "",
               "Classified By: Jane Smith, Director, Office of Plans",
               'Derived From: Memo, "Convoy Plans," March 3, 2024, Office of Plans',
               "Declassify On: N/A to RD/FRD/TFNI and NATO portions. See source list for NSI portions.", "", banner)
    assert findings(text) == []


def test_a_banner_without_the_nato_control_is_a_rollup_error():
    text = doc("TOP SECRET//FGI NATO", "", "This document contains COSMIC TOP SECRET information.", "",
               "(//CTS//BOHEMIA) The convoy leaves at dawn.", "",
               "Classified By: Jane Smith, Director, Office of Plans",
               'Derived From: Memo, "Convoy Plans," March 3, 2024, Office of Plans',
               "Declassify On: N/A to NATO portions. See source list for NSI portions.", "", "TOP SECRET//FGI NATO")
    assert findings(text) == [("banner-rollup", 1, 1)]


def test_bare_rel_portions_take_the_banners_list():
    # F-04: "(S//REL)" means the banner's list
    banner = "SECRET//REL TO USA, GBR"
    text = doc(banner, "", "(S//REL) The convoy leaves at dawn.", "", "(S//REL) The escort joins at noon.", "",
               *CAB, "", banner)
    assert findings(text) == []


def test_bare_rel_with_a_narrower_explicit_portion_rolls_up_to_the_intersection():
    banner = "SECRET//REL TO USA, AUS, GBR"
    text = doc(banner, "", "(S//REL) The convoy leaves at dawn.", "", "(S//REL TO USA, GBR) The escort joins.", "",
               *CAB, "", banner)
    assert findings(text) == [("banner-rollup", 1, 1)]


def test_a_banner_may_show_a_sap_by_its_program_alone():
    # ICMSRM16 H.5: showing SAP hierarchy in the banner is optional
    banner = "SECRET//SAR-BP//NOFORN"
    text = doc(banner, "", "(S//SAR-BP-J12//NF) The convoy leaves at dawn.", "", *CAB, "", banner)
    assert findings(text) == []


def test_a_banner_without_the_sap_program_is_still_a_rollup_error():
    banner = "SECRET//NOFORN"
    text = doc(banner, "", "(S//SAR-BP-J12//NF) The convoy leaves at dawn.", "", *CAB, "", banner)
    assert findings(text) == [("banner-rollup", 1, 1)]


def test_a_tetragraph_with_an_underscore_is_read_in_a_portion_mark():
    text = doc("SECRET", "", "(S//REL TO USA, AUSTRALIA_GROUP) The convoy leaves at dawn.", "", *CAB, "", "SECRET")
    assert findings(text) == [("banner-rollup", 1, 1)]
    banner = "SECRET//REL TO USA, AUSTRALIA_GROUP"
    assert findings(text.replace("SECRET\n", banner + "\n")) == []


def test_the_25_year_clock_starts_at_the_date_of_origin_not_a_date_in_the_body():
    text = doc("SECRET", "", "MEMORANDUM FOR THE RECORD", "",
               "(S) The program began on June 1, 1990 and its files were reviewed.", "",
               "Classified By: Jane Smith, Director, Office of Plans",
               'Derived From: Memo, "Convoy Plans," March 3, 2024, Office of Plans',
               "Declassify On: 20451231", "", "SECRET")
    assert findings(text) == []
    dated = text.replace("MEMORANDUM FOR THE RECORD", "March 3, 2010\n\nMEMORANDUM FOR THE RECORD")
    assert findings(dated) == [("cab-declassify-too-late", 11, 16)]


def test_a_foreign_restricted_portion_releasable_to_usa_in_a_us_document():
    banner = "CONFIDENTIAL//FGI FRA//REL TO USA, FRA"
    text = doc(banner, "", "(//FRA R//REL TO USA, FRA) The convoy leaves at dawn.", "", *CAB, "", banner)
    assert findings(text) == []
