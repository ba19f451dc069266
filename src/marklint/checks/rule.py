"""What every rule module declares: its RuleDoc (code, slug, default severity, documentation).

Slugs are a public contract (configuration, suppressions and baselines name them); codes are
stable once published. `bad` and `good` are small documents: the test suite lints each rule's
`bad` example and expects the rule to fire, and its `good` example and expects it not to.
"""

from marklint.findings import Severity
from marklint.values import FrozenValue

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


class RuleDoc(FrozenValue):
    """Documentation and defaults of one rule."""

    _fields = ("code", "slug", "severity", "summary", "why", "bad", "good", "fixable", "example_format",
               "example_rules")

    def __init__(
        self,
        code: str,
        slug: str,
        severity: Severity,
        summary: str,
        why: str = "",  # the reason, with citations of marking-rules.md ids and the primary source
        bad: str = "",  # a plain-text document on which the rule fires
        good: str = "",  # a near-miss plain-text document on which it does not
        fixable: str = "",  # "", "safe" or "unsafe"
        # The reader the examples are written for ("markdown", ...). Rules about binary formats
        # ("docx", "pdf") have no inline examples: tests/readers builds those files.
        example_format: str = "text",
        example_rules: str = "",  # the rule set the examples are linted under ("": the default)
    ) -> None:
        self.__dict__.update(code=code, slug=slug, severity=severity, summary=summary, why=why, bad=bad,
                             good=good, fixable=fixable, example_format=example_format, example_rules=example_rules)

    def with_severity(self, severity: Severity) -> "RuleDoc":
        """A copy with another severity (a rule set's or the configuration's override)."""
        return RuleDoc(**{**self.__dict__, "severity": severity})
