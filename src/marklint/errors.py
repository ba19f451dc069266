"""The errors of the files a user writes to steer marklint: configuration, rule sets,
vocabularies, their YAML and their regular expressions.

Each str() is one line naming the file (and line and column where known) and what is wrong,
never quoting the file's text; the command line reports any of them with exit code 2. They
live here, below every loader, so that no loader imports another for its error type.
"""


class ConfigError(Exception):
    """A configuration file that cannot be used. str() is `path:line: message`."""


class RuleSetError(ConfigError):
    """A rule set that cannot be loaded. str() is `path:line: message` (or `path: message`).
    A ConfigError, because a configuration that names a bad rule set is a bad configuration:
    whatever reports configuration errors (exit code 2) reports it too."""


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used; the message names the file and line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class YamlError(Exception):
    """A YAML file that cannot be loaded; `line` is 1-based (0 when unknown), a
    `marklint.yamlsafe.Position` when the column is known too."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class PatternError(ValueError):
    """A user pattern that RE2 cannot compile; str() says why without quoting the pattern."""
