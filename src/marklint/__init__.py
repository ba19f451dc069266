"""marklint: a linter for classification and control markings."""

__version__ = "0.1.0"
