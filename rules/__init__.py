"""Rule sets and vocabularies shipped as package data (YAML files; see marklint.ruleset)."""
