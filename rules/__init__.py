"""Rule sets and vocabularies shipped as package data (YAML files; see marklint.ruleset)."""

from pathlib import Path

# Found by this file rather than with importlib.resources, whose import alone costs milliseconds.
DIRECTORY = Path(__file__).parent
