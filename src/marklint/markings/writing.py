"""How each value of a marking is typed: its case (S-01) and the blanks and hyphens inside it
(S-04, K-01). The readers judge the words; this judges what the normalised lookup forgives
(`TOP  SECRET`, `TOP-SECRET`, `SECRET//sar-bp`, `FGI  GBR`), once per value and only where no
reader has already said something of the same kind about it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marklint.markings.reading import _WORD, ReadState, Value
from marklint.markings.vocab import Vocabulary

_EXTRA_BLANKS = re.compile(r"[ \t]{2,}|\t|[ \t]-|-[ \t]")


@lru_cache(maxsize=8)
def _mixed_case_words(vocab: Vocabulary) -> frozenset[str]:
    """Words the vocabulary itself spells in mixed case: `Attorney-Client` (ISM22 BannerMapping),
    the NATO activity `PfP` and its portion forms (`NPfPS`)."""
    words: set[str] = set()
    for token in vocab.tokens.values():
        for spelled in (token.id, token.title, token.portion):
            if spelled and spelled != spelled.upper():
                words.update(re.findall(_WORD, spelled))
    for name, short in vocab.nato_nac.items():
        words.update((name, short))
        words.update(f"N{short}{portion}" for _banner, portion in vocab.foreign_levels.values())
    return frozenset(w for w in words if w != w.upper())


class WritingChecker(ReadState):
    """Notes on the case and inner blanks of each value as written."""

    def check_writing(self) -> None:
        mixed = _mixed_case_words(self.v)
        for index, value in enumerate(self.values):
            self._check_blanks(value, index == 0)
            self._check_case(value, mixed)

    def _said(self, value: Value, rule: str) -> bool:
        """True when a note of `rule` already covers part of `value`."""
        return any(n.problem.rule == rule and n.problem.column - 1 < value.end and n.problem.end_column - 1 > value.start
                   for n in self.found)

    def _check_blanks(self, value: Value, is_level: bool) -> None:
        text = value.text
        hyphened_level = is_level and "-" in text and self.scheme != "cui"
        if not (_EXTRA_BLANKS.search(text) or hyphened_level) or self._said(value, "marking-syntax") \
                or self._said(value, "legacy-marking"):
            return
        if hyphened_level:  # "TOP-SECRET", "//NATO-SECRET": a level is words and blanks
            wanted = " ".join(re.findall(_WORD, text))
            message = f'the classification is written with single spaces: "{wanted}" (S-02)'
        else:
            wanted = re.sub(r"[ \t]*-[ \t]*", "-", " ".join(text.split()))
            if re.search(r"[ \t]-|-[ \t]", text):
                message = f'no spaces around "-": "{wanted}" (K-01, K-11)'
            else:
                message = f'one space between words: "{wanted}" (S-04)'
        self.note("marking-syntax", value.start, value.end, message, wanted)

    def _check_case(self, value: Value, mixed: frozenset[str]) -> None:
        text = value.text
        if text == text.upper() or self._said(value, "marking-form"):  # a form note rewrites the value
            return
        # a list's "and" (USA, AUS and GBR) is the retired list form, which the list reader judges,
        # also where the list ends a comma-separated value (ORCON, REL TO USA, AUS and GBR)
        holds_list = value.kind in ("rel_to", "display_only") or any(
            it.key in ("REL TO", "DISPLAY ONLY") and value.start <= it.start < value.end for it in self.items)
        kept = mixed | {"and"} if holds_list else mixed
        wanted = re.sub(_WORD, lambda m: m.group() if m.group() in kept else m.group().upper(), text)
        if wanted != text:
            self.note("marking-form", value.start, value.end, f'"{text}" must be written "{wanted}" (S-01)', wanted)
