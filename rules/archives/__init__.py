"""Archival wrapper patterns, one YAML file per collection (see marklint.archives.collections)."""
