"""A briefing deck written as staffs write one: each slide bannered in its top and bottom
bands, a title slide with the briefer and the authority block, marked titles and bullets, a
table and speaker notes. Correctly marked it gives no finding; with a seeded defect exactly the
finding for it (issue 14, as tests/test_correct_documents.py does for text formats)."""

from __future__ import annotations

from office_builders import TITLE_ONLY, TITLE_SLIDE, Deck, Slide, build_pptx

from marklint.lint import Settings, lint_bytes

BANNER = "SECRET//REL TO USA, FVEY"
CAB = "Classified By: Col Mia Grant, J-2\nDerived From: Multiple Sources\nDeclassify On: 20500415"


def slides(cell: str = "(S//REL TO USA, FVEY) 12", bullet: str = "(S//REL TO USA, FVEY) Incursions rose 40% in March",
           bottom: str | None = BANNER) -> list[Slide]:
    return [
        Slide(top=BANNER, bottom=bottom, layout=TITLE_SLIDE, title="(U) Counter-Drone Update",
              subtitle="J-2 Briefing to the Commander\n15 April 2025\n" + CAB),
        Slide(top=BANNER, bottom=bottom, layout=TITLE_ONLY, title="(U) Bottom Line Up Front",
              body=[bullet, "(U) New sensors arrive in May"],
              notes="(U) Stress the sensor delivery date."),
        Slide(top=BANNER, bottom=bottom, layout=TITLE_ONLY, title="(U) Incidents by Base",
              table=[["(U) Base", "(U) Incidents"], ["(S//REL TO USA, FVEY) Base A", cell]]),
        Slide(top=BANNER, bottom=bottom, layout=TITLE_ONLY, title="(U) Questions?"),
    ]


def lint(deck: list[Slide]) -> list[tuple[str, int | None]]:
    result = lint_bytes("brief.pptx", build_pptx(Deck(deck)), Settings(rules="us-cnsi", use_config=False))
    assert result.error is None, result.error
    return [(f.rule, f.page) for f in result.findings]


def test_a_correctly_marked_deck_has_no_finding():
    assert lint(slides()) == []


def test_an_unmarked_bullet_is_found_on_its_slide():
    assert lint(slides(bullet="Incursions rose 40% in March")) == [("portion-missing", 2)]


def test_an_unmarked_table_cell_is_found_on_its_slide():
    assert lint(slides(cell="12")) == [("portion-missing", 3)]


def test_slides_without_their_bottom_banner_are_each_found():
    assert lint(slides(bottom=None)) == [("banner-missing-bottom", page) for page in (1, 2, 3, 4)]
