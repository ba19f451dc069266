"""CUI slides and workbooks as agencies and DoD components write them (the CUI documents of
December 2026): a DoD deck bannered `CUI` only with its designation block on the title slide
(U-18 style), a civil-agency deck with Specified categories and an LDC, a table of marked cells,
and workbooks whose sheets carry the banner in their header and footer. Correctly marked they
give no finding; each seeded defect gives exactly its finding (rule, line, column)."""

from __future__ import annotations

import pytest
from office_builders import TITLE_ONLY, TITLE_SLIDE, Deck, Sheet, Slide, build_pptx, build_xlsx

from marklint.lint import Settings, lint_bytes

DOD_BLOCK = ("Controlled by: Department of the Air Force\nControlled by: AFLCMC/EB\nCUI Category: CTI\n"
             "Distribution/Dissemination Control: FEDCON\nPOC: Maj Lena Ortiz, (937) 555-0142")
CIVIL_BLOCK = ("Controlled by: Department of Energy, Office of Science\n"
               "CUI Category: Controlled Technical Information, Export Controlled\n"
               "Limited Dissemination Control: NOFORN\nPOC: Program Office, (301) 555-0108")
CIVIL = "CUI//SP-CTI/SP-EXPT//NOFORN"


def dod_deck(banner: str = "CUI", page2_top: str | None = "CUI", bullet: str = "(CUI) Two seals leaked at 180 bar",
             block: str = DOD_BLOCK) -> bytes:
    return build_pptx(Deck([
        Slide(top=banner, bottom="CUI", layout=TITLE_SLIDE, title="(U) Actuator Qualification Status",
              subtitle="AFLCMC Engineering Review\n12 March 2026\n" + block),
        Slide(top=page2_top, bottom="CUI", layout=TITLE_ONLY, title="(U) Test Results",
              body=[bullet, "(U) Retest is set for April"], notes="(U) Mention the retest date."),
        Slide(top="CUI", bottom="CUI", layout=TITLE_ONLY, title="(U) Questions?"),
    ]))


def civil_deck(banner: str = CIVIL, cell: str = "(CUI//SP-EXPT//NF) 1.8 W at 40 K",
               bullet: str = "(CUI//SP-CTI) The regenerator uses a layered matrix") -> bytes:
    return build_pptx(Deck([
        Slide(top=banner, bottom=CIVIL, layout=TITLE_SLIDE, title="(U) Cryocooler Qualification",
              subtitle="Office of Science Program Review\n2 June 2026\n" + CIVIL_BLOCK),
        Slide(top=CIVIL, bottom=CIVIL, layout=TITLE_ONLY, title="(U) Design", body=[bullet, "(U) 3,000 hours without failure"]),
        Slide(top=CIVIL, bottom=CIVIL, layout=TITLE_ONLY, title="(U) Performance",
              table=[["(U) Measure", "(U) Result"], ["(U) Cold-end lift", cell]]),
    ]))


def workbook(banner: str = "CUI//SP-PROPIN//FEDCON", data_header: str | None = "CUI//SP-PROPIN//FEDCON",
             cover: dict | None = None) -> bytes:
    cells = cover if cover is not None else {
        "A1": "Supplier Price Comparison, Fleet Fuel Contracts", "A3": "Controlled by: General Services Administration",
        "A4": "CUI Category: Proprietary Business Information", "A5": "Limited Dissemination Control: FEDCON",
        "A6": "POC: Fleet Contracts Branch, (202) 555-0187"}
    return build_xlsx([
        Sheet("Cover", cells, header=banner, footer="CUI//SP-PROPIN//FEDCON"),
        Sheet("Prices", {"A1": "Supplier", "B1": "Unit price", "A2": "Supplier A", "B2": "3.41",
                         "A3": "Supplier B", "B3": "3.37"}, header=data_header, footer="CUI//SP-PROPIN//FEDCON"),
    ])


def dod_workbook(top: str = "CUI") -> bytes:
    return build_xlsx([
        Sheet("Cover", {"A1": "Depot Repair Parts Status", "A3": "Controlled by: Defense Logistics Agency",
                        "A4": "Controlled by: DLA Aviation", "A5": "CUI Category: OPSEC",
                        "A6": "Distribution/Dissemination Control: FEDCON", "A7": "POC: J. Reyes, (804) 555-0133"},
              header=top, footer="CUI"),
        Sheet("Parts", {"A1": "NSN", "B1": "On hand", "A2": "1560-01-555-0101", "B2": "4"}, header="CUI", footer="CUI"),
    ])


def lint(name: str, data: bytes) -> list[tuple[str, int, int]]:
    result = lint_bytes(name, data, Settings(rules="cui", use_config=False))
    assert result.error is None, result.error
    return [(f.rule, f.line, f.column) for f in result.findings]


@pytest.mark.parametrize(("name", "build"), [
    ("dod_brief.pptx", dod_deck), ("review.pptx", civil_deck), ("prices.xlsx", workbook), ("parts.xlsx", dod_workbook)])
def test_a_correct_cui_deck_or_workbook_has_no_finding(name, build):
    assert lint(name, build()) == []


# name -> (file name, the damaged file, its one finding)
SEEDS = {
    "dod-slide-2-banner-lost": ("dod_brief.pptx", lambda: dod_deck(page2_top=None), [("banner-missing-top", 11, 1)]),
    "dod-bullet-unmarked": ("dod_brief.pptx", lambda: dod_deck(bullet="Two seals leaked at 180 bar"),
                            [("portion-missing", 13, 1)]),
    "dod-fouo-bullet": ("dod_brief.pptx", lambda: dod_deck(bullet="(U//FOUO) Two seals leaked at 180 bar"),
                        [("cui-legacy-mixed", 13, 1)]),
    "dod-designation-lost": ("dod_brief.pptx", lambda: dod_deck(block="POC: Maj Lena Ortiz, (937) 555-0142"),
                             [("cui-designation-missing", 1, 1)]),
    "dod-unclassified-cui": ("dod_brief.pptx", lambda: dod_deck(banner="UNCLASSIFIED//CUI"), [("marking-form", 1, 1)]),
    "civil-category-dropped": ("review.pptx", lambda: civil_deck(banner="CUI//SP-EXPT//NOFORN"), [("banner-rollup", 1, 1)]),
    "civil-basic-order": ("review.pptx", lambda: civil_deck(banner="CUI//SP-EXPT/SP-CTI//NOFORN"), [("marking-order", 1, 14)]),
    "civil-cell-unmarked": ("review.pptx", lambda: civil_deck(cell="1.8 W at 40 K"), [("portion-missing", 20, 1)]),
    "civil-ldc-in-bullet-only": ("review.pptx", lambda: civil_deck(bullet="(CUI//SP-CTI//FED ONLY) The regenerator"),
                                 [("banner-rollup", 1, 1)]),
    "sheet-banner-lost": ("prices.xlsx", lambda: workbook(data_header=None), [("banner-missing-top", 8, 1)]),
    "sheet-draft-in-banner": ("prices.xlsx", lambda: workbook(banner="CUI//SP-PROPIN//FEDCON//DRAFT"),
                              [("marking-conflict", 1, 25)]),
    "dod-sheet-sbu": ("parts.xlsx", lambda: dod_workbook(top="CUI//SBU"), [("marking-conflict", 1, 6)]),
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_a_seeded_defect_in_a_cui_deck_or_workbook_is_found_once(name):
    file_name, build, expected = SEEDS[name]
    assert lint(file_name, build()) == expected
