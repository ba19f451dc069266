"""Reading a marking string: structure (the grammar), then meaning (the vocabulary).

`analyse()` turns a string into a Marking plus the problems of how it was written (syntax,
form, order, duplicates, legacy forms), or raises MarkingError when the meaning cannot be
recovered. It is tolerant by design: out-of-order categories, long titles in portions, spaces
around `//`, lower case or `NF` in a banner are understood, so that fix mode can re-render the
marking canonically; check() reports how it was written.

grammar/marking.lark gives the structure (marklint.markings.structure parses with it); the
reader (marklint.markings.reader) builds the Marking from the tree with the vocabulary.
Distinct markings are few, so one memo keeps every analysis by (text, form, vocabulary).
"""

from __future__ import annotations

from functools import lru_cache

from marklint.markings import allied
from marklint.markings.model import Marking, MarkingError
from marklint.markings.vocab import Vocabulary
from marklint.markings.vocab_loader import default_vocabulary

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from marklint.markings.reader import Reader


def analyse_uncached(text: str, form: str, vocab: Vocabulary) -> Reader:
    """Read one marking string; raise MarkingError when its meaning cannot be recovered."""
    if not isinstance(text, str):
        raise MarkingError("a marking must be a string", 1, 2)
    if form not in ("auto", "banner", "portion"):
        raise ValueError(f"form must be banner, portion or auto, not {form!r}")
    if vocab.allied is not None:
        return allied.analyse(text, form, vocab)  # type: ignore[return-value]
    # lark (tens of milliseconds to import) is imported with the first marking read: a run over
    # files without markings never needs it
    from marklint.markings.reader import Reader
    from marklint.markings.structure import parse_tree

    tree, offset = parse_tree(text)
    return Reader(text, offset, form, vocab).read(tree)


@lru_cache(maxsize=65536)
def _analysed(text: str, form: str, vocab: Vocabulary | None) -> Reader | MarkingError:
    """The memo of every analysis (or its error) by text, form and vocabulary identity."""
    try:
        return analyse_uncached(text, form, vocab or default_vocabulary())
    except MarkingError as exc:
        return exc


def analyse(text: str, form: str = "auto", vocab: Vocabulary | None = None) -> Reader:
    """Memoised analyse_uncached (keyed on text, form and vocabulary identity)."""
    result = _analysed(text, form, vocab)
    if type(result) is MarkingError:
        raise result.with_traceback(None)
    return result  # type: ignore[return-value]


def parse(text: str, form: str = "auto", *, vocab: Vocabulary | None = None) -> Marking:
    """Understand one banner line or portion mark; raise MarkingError if it cannot be understood.

    `form` is "banner", "portion" or "auto" (a parenthesised string is a portion). Badly
    written but unambiguous markings are understood; check() reports how they are written.
    Results are memoised per (text, form, vocabulary).
    """
    if not isinstance(text, str):
        raise MarkingError("a marking must be a string", 1, 2)
    return analyse(text, form, vocab).marking
