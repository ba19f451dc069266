from marklint.checks.rule import WARNING, RuleDoc

RULE = RuleDoc(
    "MK902", "suppression-missing-reason", WARNING, "a suppression comment without a reason",
    why="Not a marking rule (no marking-rules.md id): waiving a marking requirement is a decision a reviewer must be able to audit, so the directive says why after ` -- ` (a quoted exhibit, a cover sheet). A directive without a reason still suppresses, and is reported; turn this rule off in configuration if reasons are not wanted.",
    bad="SECRET\n\n(S) The convoy leaves at dawn.\n\n# marklint: disable-next-line portion-missing\nThe escort joins at noon.\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\n# marklint: disable-next-line portion-missing -- quoted exhibit\nThe escort joins at noon.\n\nSECRET\n",
)

# Reported by marklint.suppressions after the other rules ran (a directive is unused only once
# every other finding is known): it has no check of its own.
