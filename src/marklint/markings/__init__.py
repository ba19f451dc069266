"""The marking language: parse, check, render and roll up classification markings.

    from marklint.markings import parse, check, rollup
    parse("(TS//SI-G/TK//RS/OC/NF)").banner()   # 'TOP SECRET//SI-G/TK//RSEN/ORCON/NOFORN'
"""

from marklint.markings.check import check
from marklint.markings.model import Marking, MarkingError, Problem
from marklint.markings.parser import parse
from marklint.markings.render import describe
from marklint.markings.rollup import RollupOptions, rollup
from marklint.errors import VocabularyError
from marklint.markings.vocab import Vocabulary
from marklint.markings.vocab_loader import default_vocabulary, load_vocabulary

__all__ = [
    "Marking", "MarkingError", "Problem", "RollupOptions", "Vocabulary", "VocabularyError",
    "check", "default_vocabulary", "describe", "load_vocabulary", "parse", "rollup",
]
