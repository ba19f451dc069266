"""MK106 banner-rollup: exact findings on its documented examples and its fix."""

from rule_support import findings, fixed, found

from marklint.checks.rules.banner_rollup import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('banner-rollup', 1, 1, 'overall banner SECRET lacks NOFORN (roll-up of the portions: SECRET//NOFORN)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n'


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET//NOFORN\n\n(S) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(1, 1, 15)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET\n\n(S) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n', RULE.slug) == []


_CAB = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"


def test_a_portion_whose_meaning_is_unsure_leaves_the_roll_up_unjudged():
    # a misspelt control (its own marking-unknown-token finding), or NOFORN beside REL TO
    # (marking-conflict) under a banner that is the roll-up once the portion is read releasable
    for portion, banner in (("(S//NOFRON)", "SECRET//NOFORN"), ("(S//REL TO USA, GBR/NF)", "SECRET//REL TO USA, GBR")):
        text = f"{banner}\n\n{portion} The convoy leaves at dawn.\n\n{_CAB}\n{banner}\n"
        assert found(text, RULE.slug) == []


def test_a_cui_portion_with_two_contradictory_ldcs_leaves_a_banner_that_names_one_of_them():
    # FED ONLY beside FEDCON, FEDCON beside NOCON (U-08): marking-conflict's; the banner that
    # names either one follows from the portion read as the writer may have meant it
    block = "Controlled by: Department of Labor\nPOC: J. Smith, (202) 555-0100\n"
    for portion, banner in (("(CUI//LEI//FED ONLY/FEDCON)", "CUI//LEI//FED ONLY"),
                            ("(CUI//LEI//FED ONLY/FEDCON)", "CUI//LEI//FEDCON"),
                            ("(CUI//SP-PRVCY//FEDCON/NOCON)", "CUI//SP-PRVCY//NOCON")):
        text = f"{banner}\n\n{block}\n{portion} The audit found two gaps.\n\n(U) Replies are due in May.\n\n{banner}\n"
        assert found(text, RULE.slug, rules="cui") == []
    # a banner naming neither is still found
    text = f"CUI//LEI\n\n{block}\n(CUI//LEI//FED ONLY/FEDCON) The audit found two gaps.\n\nCUI//LEI\n"
    assert [(line, column) for _, line, column, _ in found(text, RULE.slug, rules="cui")] == [(1, 1)]


def test_a_banner_lacking_a_control_is_found_beside_an_unmarked_portion_but_not_one_it_may_carry():
    unmarked = "The escort joins at noon.\n\n"
    lacking = f"SECRET\n\n(S//NF) The convoy leaves at dawn.\n\n{unmarked}{_CAB}\nSECRET\n"
    assert [(line, column) for _, line, column, _ in found(lacking, RULE.slug)] == [(1, 1)]
    extra = f"SECRET//NOFORN\n\n(S) The convoy leaves at dawn.\n\n{unmarked}{_CAB}\nSECRET//NOFORN\n"
    assert found(extra, RULE.slug) == []
    assert [(line, column) for _, line, column, _ in found(extra.replace(unmarked, ""), RULE.slug)] == [(1, 1)]


def test_a_releasability_word_some_portions_carry_is_named_as_not_carried_by_every_portion():
    """R-05 and the allied "common" roll-up: a banner's releasability list that one paragraph
    carries and another could but does not is not a word "no portion carries"."""
    text = "SECRET REL AUS/GBR\n\n(SECRET REL AUS/GBR) The exercise begins.\n\n(PROTECTED) It runs a week.\n\nSECRET REL AUS/GBR\n"
    assert found(text, RULE.slug, rules="au") == [
        ("banner-rollup", 1, 1, "overall banner SECRET REL AUS/GBR has REL <codes> that not every portion carries "
                                "(roll-up of the portions: SECRET)"),
    ]
    both = text.replace("SECRET REL AUS/GBR\n\n(", "SECRET ORCON REL AUS/GBR\n\n(", 1)
    assert found(both, RULE.slug, rules="au") == [
        ("banner-rollup", 1, 1, "overall banner SECRET ORCON REL AUS/GBR has ORCON that no portion carries and has "
                                "REL <codes> that not every portion carries (roll-up of the portions: SECRET)"),
    ]
    # an eyes-only caveat on one paragraph marks the document, as NOFORN does
    austeo = "SECRET AUSTEO\n\n(SECRET AUSTEO) The exercise begins.\n\n(PROTECTED) It runs a week.\n\nSECRET AUSTEO\n"
    assert found(austeo, RULE.slug, rules="au") == []


def test_a_banner_an_unmarked_portion_may_explain_is_no_roll_up_difference():
    # the unmarked paragraph (portion-missing) may carry the narrower list, ORCON where the marked
    # portions say ORCON-USGOV, or the level that drops FOUO from the banner
    for banner, marked in (("SECRET//REL TO USA, GBR", "(S//REL TO USA, FVEY)"),
                           ("SECRET//ORCON/NOFORN", "(S//OC-USGOV/NF)"),
                           ("SECRET//NOFORN", "(U//FOUO)")):
        text = f"{banner}\n\n{marked} The convoy leaves at dawn.\n\nThe escort joins at noon.\n\n{_CAB}\n{banner}\n"
        assert found(text, RULE.slug) == []
    # a control a marked portion carries is still missing from the banner
    text = f"SECRET\n\n(S//NF) The convoy leaves at dawn.\n\nThe escort joins at noon.\n\n{_CAB}\nSECRET\n"
    assert [f[:3] for f in found(text, RULE.slug)] == [("banner-rollup", 1, 1)]


def test_a_legacy_control_in_a_cui_document_is_reported_not_rolled_up():
    # (U//FOUO) beside CUI portions under a REL TO banner, or in a CUI transmittal whose own
    # portions are (U): cui-legacy-mixed names it; the roll-up reads the portion as (U)
    rel = ("CUI//SP-CTI//REL TO USA, GBR\n\nControlled by: Department of Energy\n\n"
           "(CUI//SP-CTI//REL TO USA, GBR) Test data.\n\n(U//FOUO) Office phone list.\n\nCUI//SP-CTI//REL TO USA, GBR\n")
    transmittal = "CUI\n\nControlled by: Department of Energy\n\n(U//FOUO) The enclosed report.\n\nCUI\n"
    for text in (rel, transmittal):
        assert found(text, RULE.slug, rules="cui") == []
        assert [f[0] for f in found(text, "cui-legacy-mixed", rules="cui")] == ["cui-legacy-mixed"]
