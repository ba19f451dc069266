from marklint.checks.rule import WARNING, RuleDoc

RULE = RuleDoc(
    "MK901", "suppression-unused", WARNING, "a suppression comment that suppresses nothing",
    why="Not a marking rule (no marking-rules.md id): a waiver that silences nothing hides no problem today but would silently hide a real one later, for example a new error on the line after a corrected portion. Remove it, or name the rule that actually fires. A directive that names an unknown rule, or no rule at all, is reported too. Suppressions are described in the documentation (Suppressions and baselines).",
    bad="SECRET\n\n# marklint: disable-next-line portion-missing -- quoted exhibit\n(S) The convoy leaves at dawn.\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\n# marklint: disable-next-line portion-missing -- quoted exhibit\nThe escort joins at noon.\n\nSECRET\n",
)

# Reported by marklint.suppressions after the other rules ran (a directive is unused only once
# every other finding is known): it has no check of its own.
