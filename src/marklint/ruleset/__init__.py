"""Rule sets: YAML files that say which marking system applies and what a document must carry.

A rule set is data (see docs/rulesets.md for every key). `load_ruleset(name_or_path)`
loads a shipped set (a file in the package `marklint.rules`, i.e. the repository's `rules/`)
or a user file, follows `extends`, validates every key with file:line errors and returns a
frozen `RuleSet`. Rule files are untrusted: they are read with a size limit
(`marklint.safeio`), loaded by `marklint.yamlsafe` (no aliases, bounded nesting), and every
regular expression runs on RE2, in linear time (`marklint.userpattern`). An error names the
file, line and column and what was expected, never the text found there (the file may not be
a rule file at all), except keys of the schema.

The package: `model` (the records), `schema` (validation of one file), `loader` (finding,
reading, merging and caching).
"""

from marklint.errors import RuleSetError
from marklint.ruleset.loader import (forget_rulesets, load_ruleset, ruleset_files, select_ruleset_for_date,
                                     shipped_rulesets)
from marklint.ruleset.model import (DEFAULT_RULESET, UNDATED_RULESET, AuthorityPolicy, Condition, GenericRule,
                                    NamedPattern, RuleSet)

__all__ = [
    "DEFAULT_RULESET", "UNDATED_RULESET", "AuthorityPolicy", "Condition", "GenericRule", "NamedPattern", "RuleSet",
    "RuleSetError", "forget_rulesets", "load_ruleset", "ruleset_files",
    "select_ruleset_for_date", "shipped_rulesets",
]
