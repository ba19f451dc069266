"""MK301 portion-missing: exact findings on its documented examples."""

from rule_support import findings, found

from marklint.checks.rules.portion_missing import RULE

CAB = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('portion-missing', 5, 1, 'paragraph has no portion mark'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_letter_parts_are_not_portions():
    text = ("SECRET\n\nMarch 3, 2025\n\nDear Colonel Hart:\n\n(S) The convoy leaves at dawn.\n\n"
            "The escort joins at noon.\n\nSincerely,\n\nJane Smith\nDirector, Office of Plans\n\n" + CAB + "\nSECRET\n")
    assert found(text, RULE.slug) == [(RULE.slug, 9, 1, "paragraph has no portion mark")]


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET\n\nDear Sir:\n\n(S) Text.\n\n  a. an item\n\nSincerely,\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(7, 3, 3)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET\n\nDear Sir:\n\n(S) Text.\n\n  a. (U) an item\n\nSincerely,\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n', RULE.slug) == []


INFO_PAPER = """SECRET//REL TO USA, FVEY

INFORMATION PAPER

SUBJECT: (U) Coalition Maritime Patrol Schedule

1. Purpose. (U) To inform coalition partners of the patrol schedule.

2. BACKGROUND: (S//REL TO USA, FVEY) Patrols paused in the spring.

Key Points.

   - (S//REL TO USA, FVEY) Patrols resume in the northern sector on 1 July.

   - BLUF: (U) Liaison officers meet weekly.

Recommendation.

{last}

""" + CAB + """
SECRET//REL TO USA, FVEY
"""


def test_a_papers_run_in_headings_and_section_labels():
    """A paragraph's run-in heading before its mark (`1. Purpose. (U) ...`, `2. BACKGROUND: (S)`)
    leaves it marked; a section label alone on its line (`Key Points.`) is not a portion."""
    assert found(INFO_PAPER.format(last="(U) None."), RULE.slug) == []
    assert found(INFO_PAPER.format(last="The plan failed. (S) Patrols resume."), RULE.slug) == [
        ("portion-missing", 19, 1, "paragraph has no portion mark")]
    assert found(INFO_PAPER.format(last="The plan is sound."), RULE.slug) == [
        ("portion-missing", 19, 1, "paragraph has no portion mark")]


def test_a_mark_that_is_none_is_named():
    """(CONF), (SEC), (T), [S] and a mark without parentheses are not portion marks (P-02, P-03):
    the block is reported as unmarked, and the message says what was written instead."""
    for written in ("(CONF)", "(SEC)", "(T)", "[S]", "S//NF", "1. (S-NF)", "(NF//S)", "b. (REL TO USA, GBR//C)"):
        text = f"SECRET\n\n(S) The convoy leaves at dawn.\n\n{written} The escort joins at noon.\n\n{CAB}\nSECRET\n"
        mark = written.removeprefix("1. ").removeprefix("b. ")
        kind = "list item" if written[1] == "." else "paragraph"
        assert found(text, RULE.slug) == [
            ("portion-missing", 5, 1, f'{kind} has no portion mark: "{mark}" is not one (P-02, P-03)')], written
    text = f"SECRET\n\n(S) The convoy leaves at dawn.\n\n(DHS) The escort joins at noon.\n\n{CAB}\nSECRET\n"
    assert found(text, RULE.slug) == [("portion-missing", 5, 1, "paragraph has no portion mark")]


CUI_MEMO = """CUI

Controlled by: Department of Good Works, Office of Payroll
POC: Lee Park, (202) 555-0142

{first} Payroll records for March are attached.

The office phone list is unchanged.

CUI
"""


def test_cui_is_all_or_none_under_the_default_rule_set_too():
    """U-09: portion marks are optional in a CUI document, but once one is marked every portion is."""
    assert found(CUI_MEMO.format(first="(CUI)"), RULE.slug) == [("portion-missing", 8, 1, "paragraph has no portion mark")]
    assert found(CUI_MEMO.format(first="(CUI)"), RULE.slug, rules="cui") == [
        ("portion-missing", 8, 1, "paragraph has no portion mark")]
    assert found(CUI_MEMO.format(first=""), RULE.slug) == []


def test_a_dissemination_heading_is_no_portion():
    """CIA's `Other Dissemination:` heading (`Para 9 - GC` below it) lists addressees, as a
    distribution does; a paragraph after its list is still a portion."""
    text = ("SECRET\n\n(S) The convoy leaves at dawn.\n\n" + CAB + "\nOther Dissemination: (FOR ACTION)\nPara 9 - GC\n\n"
            "The escort joins at noon.\n\nSECRET\n")
    assert found(text, RULE.slug) == [(RULE.slug, 12, 1, "paragraph has no portion mark")]


SERIALS = """SECRET

SUBJECT: (U) Convoy Plans

1. (S) The convoy will move in three serials:

   a. {a}the first serial departs at 0600;

   b. {b}the second at 0800; and

   c. the third at 1000.

2. (U) Questions go to the S3.

""" + CAB + """
SECRET
"""


def test_fragments_of_a_marked_sentence_share_its_mark():
    """P-06: list items that only finish the marked lead-in's sentence (lower case, after its
    colon) share its mark; once one of them is marked, the others need theirs (P-01)."""
    assert found(SERIALS.format(a="", b=""), RULE.slug) == []
    assert [f[1:3] for f in found(SERIALS.format(a="", b="(S) "), RULE.slug)] == [(7, 4), (11, 4)]
    sentences = SERIALS.format(a="", b="").replace("the first", "The first").replace("the second", "The second") \
        .replace("the third", "The third")
    assert [f[1:3] for f in found(sentences, RULE.slug)] == [(7, 4), (9, 4), (11, 4)]
    no_colon = SERIALS.format(a="", b="").replace("three serials:", "three serials.")
    assert [f[1:3] for f in found(no_colon, RULE.slug)] == [(7, 4), (9, 4), (11, 4)]


def test_fragments_of_an_unmarked_lead_in_share_its_want_of_a_mark():
    """The fragments that would share the lead-in's mark are one finding with it, at the lead-in."""
    unmarked = SERIALS.format(a="", b="").replace("1. (S) The convoy", "1. The convoy")
    assert [f[1:3] for f in found(unmarked, RULE.slug)] == [(5, 1)]
    # a fragment marked on its own: the others are portions of their own again
    assert [f[1:3] for f in found(unmarked.replace("b. the second", "b. (S) the second"), RULE.slug)] == \
        [(5, 1), (7, 4), (11, 4)]


def test_a_subject_line_without_its_mark_still_ends_the_heading_matter():
    """The addressee above an unmarked subject line stays heading matter: one finding, the subject."""
    text = ("SECRET\n\nDEPARTMENT OF THE NAVY\nWashington, DC 20350\n\nMarch 3, 2025\n\nMr. Henry Vogel\n"
            "Vice President, Contracts\nSandhill Instruments, Inc.\n\nSubject: Release of the drawings\n\n"
            "Dear Mr. Vogel:\n\n(S) The convoy leaves at dawn.\n\nSincerely,\n\nJane Smith\n\n" + CAB + "\nSECRET\n")
    assert [f[1:3] for f in found(text, RULE.slug)] == [(12, 1)]


CARRIED = """SECRET

MEMORANDUM FOR THE RECORD

SUBJECT: (U) Convoy Schedule

1. (S) The first serial leaves the depot at dawn and the escort joins it at the bridge, where the
{cut}
SECRET
\f
SECRET

{carried}

2. (U) Questions go to the S3.

""" + CAB + """
SECRET
"""


def test_a_paragraph_cut_by_a_page_break_keeps_its_one_mark():
    """P-01: a paragraph that a page break cuts mid-sentence is one portion; its part atop the
    next page, under the banners, reads on and needs no mark of its own. A paragraph that opens
    anew there (the last one ended its sentence, or this one starts a sentence) needs one."""
    carried = CARRIED.format(cut="route narrows to one lane over the", carried="river and the column slows to a walk.")
    assert found(carried, RULE.slug) == []
    lower = CARRIED.format(cut="route narrows to one lane near", carried="the river, and the column slows to a walk.")
    assert found(lower, RULE.slug) == []
    assert found(CARRIED.format(cut="route narrows.", carried="the column slows to a walk."), RULE.slug) == [
        (RULE.slug, 13, 1, "paragraph has no portion mark")]
    assert found(CARRIED.format(cut="route narrows near", carried="The column slows to a walk."), RULE.slug) == [
        (RULE.slug, 13, 1, "paragraph has no portion mark")]
    page_number = lower.replace("\nSECRET\n\f", "\n- 1 -\n\nSECRET\n\f")
    assert found(page_number, RULE.slug) == []


LETTER = """SECRET

                                        DEPARTMENT OF THE ARMY

                                                        March 3, 2026

Colonel Robert Hart
Commander, 2d Brigade
Fort Liberty, NC 28310

Dear Colonel Hart:

(S) The review found two battalions short of night-vision devices.

SECRET
\f
SECRET

{header}

{paragraph}My staff will work with yours to close the gap before April.

Sincerely,

Jane Smith
Major General, USA

""" + CAB + """
SECRET
"""


def test_a_later_pages_header_is_no_portion():
    """A letter's continuation page opens with the addressee, the page number and the date,
    stacked or in columns on one line (an Army memo's office symbol over its repeated subject:
    tests/fixtures/correct/us-cnsi/memo_army_continuation_office_symbol.txt). A name line atop a later page without such an anchor is a portion; so is the
    paragraph under the header."""
    for header in ("Colonel Robert Hart\nPage 2\nMarch 3, 2026", "Colonel Robert Hart\n- 2 -",
                   "Colonel Robert Hart\t\t\t2\t\tMarch 3, 2026", "Colonel Robert Hart\nMarch 3, 2026"):
        assert found(LETTER.format(header=header, paragraph="(U) "), RULE.slug) == [], header
    assert found(LETTER.format(header="Colonel Robert Hart\nPage 2", paragraph=""), RULE.slug) == [
        (RULE.slug, 22, 1, "paragraph has no portion mark")]
    assert found(LETTER.format(header="Night-Vision Devices", paragraph="(U) "), RULE.slug) == [
        (RULE.slug, 19, 1, "paragraph has no portion mark")]


RUNNING = """TOP SECRET//SI//NOFORN
{header}
(U) Weekly Signals Summary

(TS//SI//NF) Collection on the target network continued at normal volume.

TOP SECRET//SI//NOFORN
\f
TOP SECRET//SI//NOFORN
{header}
(U) Processing backlog fell to under one day.

""" + CAB + """
TOP SECRET//SI//NOFORN
"""


def test_a_running_header_is_no_portion():
    """A line that stands at the same edge of every page, numbers aside, is a running header or
    footer; the same line on one page only is a portion."""
    assert found(RUNNING.format(header="NSA/CSS Report 2026-0044"), RULE.slug) == []
    once = RUNNING.format(header="NSA/CSS Report 2026-0044").replace("NSA/CSS Report 2026-0044\n(U) Processing", "(U) Processing")
    assert found(once, RULE.slug) == [(RULE.slug, 2, 1, "paragraph has no portion mark")]


def test_a_blanket_statement_marks_nothing():
    """P-05: "All portions are SECRET unless otherwise marked" is not authorized; the statement
    is itself an unmarked paragraph, and the message says why it does not help."""
    text = ("SECRET\n\nAll portions of this memorandum are classified SECRET unless otherwise marked.\n\n"
            "(S) The convoy leaves at dawn.\n\n" + CAB + "\nSECRET\n")
    assert found(text, RULE.slug) == [
        (RULE.slug, 3, 1, "paragraph has no portion mark, and a blanket statement does not mark the portions (P-05)")]


def test_a_title_that_lost_its_mark_is_a_portion_not_a_letterhead():
    """A title in capitals right under the banner, with no header or date below it, names no
    organisation and no form: it is the document's title and needs its mark (P-01, P-04). An
    organisation's name (`NATIONAL INTELLIGENCE COUNCIL`) or a form's (`POINT PAPER`) in that
    place is a letterhead, and so is a one-word line (a code, or what a scan garbled)."""
    body = f"(S) The convoy leaves at dawn.\n\n{CAB}\nSECRET\n"
    assert found(f"SECRET\n\nCONVOY ROUTE UPDATE\n\n{body}", RULE.slug) == [
        (RULE.slug, 3, 1, "line has no portion mark")]
    for head in ("NATIONAL INTELLIGENCE COUNCIL", "POINT PAPER", "SITREP 045 AS OF 171800Z APR 26", "STAFF"):
        assert found(f"SECRET\n\n{head}\n\n{body}", RULE.slug) == [], head


def test_a_line_under_a_marked_title_is_a_title_too():
    """Under a marked title (`(U) INTELLIGENCE ASSESSMENT`) the letterhead is over: a title line
    below it, above the date, needs its own mark."""
    text = ("SECRET\n\nNATIONAL INTELLIGENCE COUNCIL\n\n(U) INTELLIGENCE ASSESSMENT\n\nConvoy Routes in the South\n\n"
            f"12 May 2025\n\n(S) The convoy leaves at dawn.\n\n{CAB}\nSECRET\n")
    assert found(text, RULE.slug) == [(RULE.slug, 7, 1, "paragraph has no portion mark")]
    assert found(text.replace("Convoy Routes", "(U) Convoy Routes"), RULE.slug) == []


def test_a_heading_set_by_markup_in_a_classified_document_is_a_title():
    """A Markdown `#` heading (an HTML `<h1>`, a Word Heading style) is a title the writer set:
    in a classified document it needs its mark, whatever stands below it (P-04); a CUI
    document's headings are left as its writers leave them."""
    text = f"SECRET\n\n# Convoy Route Review\n\nDate: 2025-03-03\n\n(S) The convoy leaves at dawn.\n\n{CAB}\nSECRET\n"
    assert found(text, RULE.slug, fmt="markdown", path="memo.md") == [(RULE.slug, 3, 3, "heading has no portion mark")]
    cui = "CUI\n\n# Facility Access Review\n\nDate: 2025-02-10\n\nControlled by: Department of Energy\n\n(CUI) Badges.\n\nCUI\n"
    assert found(cui, RULE.slug, fmt="markdown", path="memo.md") == []


def test_a_title_under_a_parts_label_is_reported_at_the_title():
    """`CHAPTER 1` on its own line over the chapter's title: the missing mark belongs before the
    title, on the line below the label."""
    text = f"SECRET\n\n(S) The convoy leaves at dawn.\n\nCHAPTER 1\nIntroduction\n\n(S) The escort joins.\n\n{CAB}\nSECRET\n"
    assert found(text, RULE.slug) == [(RULE.slug, 6, 1, "paragraph has no portion mark")]
