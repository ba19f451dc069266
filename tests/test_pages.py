"""Pagination: explicit segments, and bottom/top banner pairs within a segment."""

from marklint.document import Block, BlockKind
from marklint.lineshapes import is_page_number
from marklint.pages import build_pages, split_at_banner_pairs


def line(text, number):
    return Block(BlockKind.LINE, text, number)


def para(text, number):
    return Block(BlockKind.PARAGRAPH, text, number)


def numbers(pages):
    return [[block.line for block in page.blocks] for page in pages]


def test_bottom_banner_then_top_banner_breaks_the_page():
    blocks = [line("SECRET", 1), para("(S) One.", 3), line("SECRET", 5), line("- 1 -", 6),
              Block(BlockKind.COMMENT, " marklint: disable-next-line x -- y", 7), line("SECRET", 8),
              para("(S) Two.", 10), line("SECRET", 12)]
    pages = split_at_banner_pairs(blocks)
    assert [[b.line for b in page] for page in pages] == [[1, 3, 5, 6], [7, 8, 10, 12]]


def test_no_break_without_content_or_without_a_following_banner():
    assert len(split_at_banner_pairs([line("SECRET", 1), line("SECRET", 2), para("x", 3)])) == 1
    assert len(split_at_banner_pairs([line("SECRET", 1), para("x", 2), line("SECRET", 3), para("y", 4)])) == 1
    assert len(split_at_banner_pairs([para("x", 1), line("Not a banner", 2), line("SECRET", 3)])) == 1


def test_segments_are_numbered_and_empty_ones_dropped():
    pages = build_pages([[para("a", 1)], [], [para("b", 3), line("SECRET", 4), line("SECRET", 5), para("c", 6)]])
    assert [page.number for page in pages] == [1, 2, 3]
    assert numbers(pages) == [[1], [3, 4], [5, 6]]
    assert [(p.number, p.blocks) for p in build_pages([[]])] == [(1, [])]


def test_page_numbers():
    for text in ("Page 2 of 5", "page 3", "- 4 -", "(Page 7)", "12", "3 of 9", "p. 3", "Pg. 4", "A-3", "Page B-12",
                 "- C-2 -", "2-4", "iv", "Page ii"):
        assert is_page_number(text), text
    for text in ("Page two", "Pages 2-3", "2024-01-01", "- a -", "CIVIC", "IV", "[3]", "Annex A"):
        assert not is_page_number(text), text


def test_a_lone_repeat_of_the_pages_banner_between_marked_portions_opens_the_next_page():
    """A bottom and top banner pair with one half lost: the banner left opens the next page,
    so the page before it is the one without its bottom banner."""
    blocks = [line("SECRET", 1), para("(S) One.", 3), line("Page 1 of 2", 5), line("SECRET", 7),
              para("(U) Two.", 9), line("SECRET", 11)]
    assert numbers(build_pages([blocks])) == [[1, 3, 5], [7, 9, 11]]
    # the page's banner again over a page whose own banner differs: it closes its page
    foot = [line("SECRET", 1), para("(S) One.", 3), line("SECRET", 5), para("(U) Two.", 7), line("UNCLASSIFIED", 9)]
    assert numbers(build_pages([foot])) == [[1, 3, 5], [7, 9]]
    # the next page's banner, not the page's: it opens the next page
    head = [line("SECRET", 1), para("(S) One.", 3), line("UNCLASSIFIED", 5), para("(U) Two.", 7), line("UNCLASSIFIED", 9)]
    assert numbers(build_pages([head])) == [[1, 3], [5, 7, 9]]


def test_a_lone_banner_over_unmarked_lines_or_another_banner_stays_on_its_page():
    # a quoted message's own banner over its header lines; a cable header repeating its level
    # among routing lines; a banner the page does not open with; no same banner after it
    quoted = [line("SECRET", 1), para("(S) One.", 3), line("SECRET", 5), para("-----Original Message-----", 7),
              para("(S) Two.", 9), line("SECRET", 11)]
    cable = [line("SECRET", 1), para("121530Z APR 86", 3), line("SECRET", 5), para("(S) One.", 7),
             line("SECRET", 9)]
    other = [line("SECRET", 1), para("(S) One.", 3), line("CONFIDENTIAL", 5), para("(C) Two.", 7),
             line("SECRET", 9)]
    last = [line("SECRET", 1), para("(S) One.", 3), line("SECRET", 5), para("(U) Two.", 7)]
    tearline = [line("SECRET", 1), para("(S) One.", 3), line("----- TEARLINE -----", 5), line("SECRET", 7),
                para("(S) Two.", 9), line("SECRET", 11)]
    assert [len(split_at_banner_pairs(blocks)) for blocks in (quoted, cable, other, last, tearline)] == [1] * 5


def test_a_repeated_foot_banner_over_a_page_label_and_its_number_opens_no_page():
    # a cable printout's foot: the level twice, then `PAGE:` over `2`
    blocks = [line("SECRET", 1), para("1. The meeting lasted five hours.", 3), line("SECRET", 5), line("SECRET", 7),
              Block(BlockKind.HEADING, "PAGE:", 9), line("2", 11)]
    assert len(split_at_banner_pairs(blocks)) == 1
    assert len(split_at_banner_pairs(blocks[:4] + [para("2. The next day.", 9), line("SECRET", 11)])) == 2


def test_a_lone_banner_between_paragraphs_numbered_on_opens_the_next_page():
    """Before portions were marked: the paragraphs numbered on across a lone banner (and its
    caption) tell a page break whose other banner was lost."""
    blocks = [line("TOP SECRET", 1), para("1. One.", 3), para("2. Two.", 5), line("TOP SECRET", 7),
              Block(BlockKind.HEADING, "SECURITY INFORMATION", 8), para("3. Three.", 10), line("TOP SECRET", 12)]
    assert numbers(build_pages([blocks])) == [[1, 3, 5], [7, 8, 10, 12]]
    # numbering that does not go on (a quoted list, a new section), or no number: one page
    for after in ("1. Again.", "5. Five.", "Three."):
        other = blocks[:5] + [para(after, 10)] + blocks[6:]
        assert len(split_at_banner_pairs(other)) == 1


def test_a_banner_pair_with_captions_breaks_the_page():
    """`TOP SECRET` over its caption `SECURITY INFORMATION` (1951-1953) at the foot of a page, then
    the next page's: the caption stays with its banner and the pair breaks the page."""
    def caption(number):
        return Block(BlockKind.HEADING, "SECURITY INFORMATION", number)

    blocks = [line("TOP SECRET", 1), caption(2), para("1. One.", 4), line("TOP SECRET", 6), caption(7),
              line("TOP SECRET", 8), caption(9), para("2. Two.", 11), line("TOP SECRET", 13), caption(14)]
    assert numbers(build_pages([blocks])) == [[1, 2, 4, 6, 7], [8, 9, 11, 13, 14]]
