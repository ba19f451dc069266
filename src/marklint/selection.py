"""Rule names in a selection: `--select`, `--extend-select`, `--ignore` and the configuration's
`select`, `ignore`, `per-file-ignores` and `severity` accept a rule's slug, its code, a code
prefix that matches at least one code (`MK4`), or a generic rule id of the rule set in use.
One check for all of them, so a typo is an error with a suggestion wherever it is written."""

from __future__ import annotations

import re
from collections.abc import Iterable

_CODE_PREFIX = r"MK\d{0,3}"


def registered_names() -> list[str]:
    """The slugs and codes of the registered rules."""
    from marklint.checks.registry import RULES

    return [r.slug for r in RULES] + [r.code for r in RULES]


def unknown_rule(key: str, names: Iterable[str], where: str = "") -> str | None:
    """None when `key` names a rule of `names` (slugs, codes, generic ids) or is a code prefix
    of one; else the message `unknown rule 'x'{where}; did you mean 'y'?`."""
    names = list(names)
    upper = key.upper()
    if key in names or upper in names:
        return None
    if re.fullmatch(_CODE_PREFIX, upper) and any(name.startswith(upper) for name in names):
        return None
    from marklint.validation import closest

    return f"unknown rule {key!r}{where}{closest(key, names)}"
