"""MK301 portion-missing on shapes of modern documents as offices write them: the finding a
seeded defect gives, and none on the correct shape."""

from rule_support import found

from marklint.checks.rules.portion_missing import RULE

CAB = "Classified By: Jane Smith, Director, Office of Plans\nDerived From: Plans SCG, 20240101\nDeclassify On: 20451231\n"
MISSING = "paragraph has no portion mark"


def doc(body: str, banner: str = "SECRET") -> str:
    return f"{banner}\n\n{body}\n\n{CAB}\n{banner}\n"


def test_a_year_after_a_mark_opens_a_portion():
    # (U) 2024 is a mark and a year; only (C) 2024 is a copyright sign
    text = doc("(S) Imports fell in both years.\n\n| (U) Year | (U) Imports |\n|---|---|\n| (U) 2024 | (U) 61 |\n")
    assert found(text, RULE.slug, "markdown", "a.md") == []
    damaged = text.replace("| (U) 2024 |", "| 2024 |")
    assert found(damaged, RULE.slug, "markdown", "a.md") == [(RULE.slug, 7, 3, "table cell has no portion mark")]


def test_chapter_paragraph_numbers_before_the_mark():
    text = doc("CHAPTER 1\n(U) INTRODUCTION\n\n1-1. (U) Purpose. This plan sets the schedule.\n\n"
               "1-2. (S) Scope. It covers the convoy.\n\nA-1. (U) AR 525-13, Antiterrorism.\n\n"
               "KJ-2. (S) The brigades will field by 2027.")
    assert found(text, RULE.slug) == []
    assert found(text.replace("1-2. (S) Scope.", "1-2. Scope."), RULE.slug) == [(RULE.slug, 8, 1, MISSING)]


def test_control_and_copy_numbers_are_no_portions():
    text = doc("DCN: J5-2025-0417                              Copy 3 of 25\n\n(S) The convoy leaves at dawn.")
    assert found(text, RULE.slug) == []
    assert found(doc("COPY 7 OF 40 COPIES\n\n(S) The convoy leaves at dawn."), RULE.slug) == []
    assert found(doc("Copy the plan to the staff.\n\n(S) The convoy leaves at dawn."), RULE.slug) == [
        (RULE.slug, 3, 1, MISSING)]


def test_roman_page_numbers_of_front_matter():
    text = doc("(S) The convoy leaves at dawn.\n\n                - ii -")
    assert found(text, RULE.slug) == []


def test_an_office_symbol_alone_on_a_continuation_page():
    text = doc("AFVL-G3\nSUBJECT: (U) After Action Review\n\n(S) The convoy leaves at dawn.")
    assert found(text, RULE.slug) == []


def test_letterhead_of_an_organisation_over_its_office():
    for office in ("Office of Geospatial Analysis", "Intelligence Directorate (CJ2)"):
        text = doc(f"NATIONAL GEOSPATIAL-INTELLIGENCE AGENCY\n{office}\n\n(U) Port Expansion\n\n(S) The pier is built.")
        assert found(text, RULE.slug) == []
    # a title under the organisation's name is no office: it needs its mark
    text = doc("JOINT TASK FORCE NORTH\nWeekly Threat Picture\n\n(S) The convoy leaves at dawn.")
    assert found(text, RULE.slug) == [(RULE.slug, 3, 1, MISSING)]


def test_the_atomic_energy_act_notice_is_no_portion():
    text = doc("(S//RD) The test failed.\n\nRESTRICTED DATA\nThis document contains Restricted Data as defined in "
               "the Atomic Energy Act of 1954.\nUnauthorized disclosure subject to Administrative and Criminal Sanctions.",
               "SECRET//RESTRICTED DATA")
    assert found(text, RULE.slug) == []


def test_the_source_list_under_the_authority_block():
    text = ("SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director\nDerived From: Multiple Sources\n"
            "Declassify On: 20451231\n\nSources:\n1. NATO document C-M(2026)0012, 10 February 2026\n"
            "2. Plans SCG, 20240101\n\nSECRET\n")
    assert found(text, RULE.slug) == []
    # above the block, the same list is portions
    moved = ("SECRET\n\n(S) The convoy leaves at dawn.\n\nSources:\n1. NATO document C-M(2026)0012, 10 February 2026\n\n"
             "Classified By: Jane Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20451231\n\nSECRET\n")
    assert found(moved, RULE.slug) == [(RULE.slug, 6, 1, "list item has no portion mark")]


def test_a_table_in_columns_under_its_marked_caption_or_lead_in():
    table = "    Site        Capacity\n    Site A         420\n    Site B         180"
    assert found(doc(f"Table 3-1. (S) Fuel storage\n\n{table}"), RULE.slug) == []
    assert found(doc(f"(U) Acronyms used in this plan:\n\n{table}"), RULE.slug) == []
    assert found(doc(f"(S) The convoy leaves at dawn.\n\n{table}\n\n(U) The escort joins at noon."), RULE.slug) == [
        (RULE.slug, 5, 5, MISSING)]
    # an unmarked caption is the table's one finding; the caption's mark may come first (P-02)
    assert found(doc(f"Table 3-1. Fuel storage\n\n{table}\n\n(S) The convoy leaves at dawn."), RULE.slug) == [
        (RULE.slug, 3, 1, MISSING)]
    assert found(doc(f"(S) Table 3-1. Fuel storage\n\n{table}"), RULE.slug) == []


def test_list_labels_of_messages_and_word_processor_exports():
    labels = ["1.a.", "2.b.(1)", "3.A.(2)(a)", "(1)(a)", "iv.", "o", "§", "▪", "–", "➢"]
    body = "\n\n".join(f"{label} (S) The convoy leaves at dawn." for label in labels)
    assert found(doc(body), RULE.slug) == []
    # the same labels before an unmarked paragraph: each is a finding at the label
    unmarked = "\n\n".join(f"{label} The convoy leaves at dawn." for label in labels)
    assert [(line, column) for _, line, column, _ in found(doc("(S) Lead.\n\n" + unmarked), RULE.slug)] == [
        (5 + 2 * index, 1) for index in range(len(labels))]


def test_a_letterhead_whose_last_line_is_the_date():
    text = doc("Headquarters\nDepartment of the Army\nWashington, DC\n15 April 2026\n\n(U) Force Protection\n\n"
               "(S) The convoy leaves at dawn.")
    assert found(text, RULE.slug) == []
    assert found(doc("Published 6 April 2026\n\n(S) The convoy leaves at dawn."), RULE.slug) == []


def test_a_document_number_of_several_groups_under_the_title():
    # (after a paragraph, where no heading matter explains it)
    text = doc("(S) The convoy leaves at dawn.\n\nDIA-02-2601-114\n\n(U) The escort joins at noon.")
    assert found(text, RULE.slug) == []
    # (the office's letters before the number's digits, `DIA-DID-2026-0231`)
    for number in ("DIA-DID-2026-0231", "USSPACECOM-J2-ASMT-26-07"):
        assert found(text.replace("DIA-02-2601-114", number), RULE.slug) == []
    assert found(text.replace("DIA-02-2601-114", "FM 7-0"), RULE.slug) == [(RULE.slug, 5, 1, "line has no portion mark")]


def test_an_orders_closing_acknowledge_and_authentication():
    # FM 6-0: the heading's time zone and task organization lines, and ACKNOWLEDGE:, the
    # commander's name and rank, OFFICIAL: over the authenticator at the end
    text = doc("Time Zone Used Throughout the Order: ZULU\nTask Organization: Annex A.\n\n"
               "1. (S) The convoy leaves at dawn.\n\nACKNOWLEDGE:\n\nWALKER\nLTC\n\nOFFICIAL:\nBROOKS\nS3")
    assert found(text, RULE.slug) == []
    damaged = text.replace("ACKNOWLEDGE:", "The escort joins at noon.\n\nACKNOWLEDGE:")
    assert found(damaged, RULE.slug) == [(RULE.slug, 8, 1, MISSING)]
    assert found(text.replace("Time Zone Used Throughout the Order", "Zone of the order"), RULE.slug) == [
        (RULE.slug, 3, 1, MISSING)]


def test_the_attendees_listed_under_their_label():
    table = "   Name           Office\n   -------------  ------------\n   Helen Marsh    Privacy Office\n   Omar Grant     Security"
    text = doc(f"Attendees:\n\n{table}\n\n1. (S) The convoy leaves at dawn.\n\nMinutes recorded by: Lisa Cheng")
    assert found(text, RULE.slug) == []
    # a sentence under the label is a portion, and only the first block under it is its value
    assert found(doc("Attendees:\n\nThe escort joins at noon.\n\n(S) The convoy leaves at dawn."), RULE.slug) == [
        (RULE.slug, 5, 1, MISSING)]
    assert found(doc(f"Attendees:\n\n{table}\n\nHelen Marsh\n\n(S) The convoy leaves at dawn."), RULE.slug) == [
        (RULE.slug, 10, 1, MISSING)]


def test_a_headings_bare_number_before_its_mark():
    # Markdown and word processors number headings without a period (`## 1 (U) Introduction`)
    text = doc("## 1 (U) Introduction\n\n(S) The convoy leaves at dawn.\n\n## 2 Findings\n\n(U) The escort joins at noon.")
    assert found(text, RULE.slug, "markdown", "a.md") == [(RULE.slug, 7, 4, "heading has no portion mark")]
