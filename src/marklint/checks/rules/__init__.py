"""Every registered rule, one module each, named after its slug (`banner_missing_top.py`): its
`RULE` (a RuleDoc: code, slug, default severity, documentation and examples), its
`check(ctx)` returning the rule's findings in one document, and its optional
`fix(ctx, finding)`. Shared computations live beside, in `marklint.checks` (fact-finders whose
results `CheckContext.fact` keeps for the document's rules).

MODULES is collected from this folder, so adding a rule adds its module (and its test) only.
"""

import importlib
import os

MODULES = tuple(sorted(
    (importlib.import_module(f"{__name__}.{name[:-3]}")
     for name in os.listdir(__path__[0]) if name.endswith(".py") and name != "__init__.py"),
    key=lambda module: module.RULE.code,
))
