"""The classification levels and their order: the one table of level ranks.

US levels by portion form, lowest first: U < R < C < S < TS (marking-rules.md A1, A2; the
vocabulary's level tables map foreign and NATO levels onto them). CUI ranks with U: it is not
classified. Allied schemes carry their own ranks (`marklint.markings.scheme.Level.rank`).
"""

LEVEL_RANKS = {"U": 0, "CUI": 0, "R": 1, "C": 2, "S": 3, "TS": 4}
# The US levels as a banner spells them, lowest first (a generic rule's `when.min-level`).
LEVEL_NAMES = {"UNCLASSIFIED": "U", "CONFIDENTIAL": "C", "SECRET": "S", "TOP SECRET": "TS"}
