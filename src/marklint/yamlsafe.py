"""Safe YAML loading for untrusted rule and configuration files, with line numbers.

Rule files and configuration come from users, so they are parsed with PyYAML's safe
constructor (libyaml's parser when PyYAML has it) and additionally refused when they use aliases (the "billion laughs" expansion bomb needs
them, and no marklint file has a use for them), nest deeper than `MAX_DEPTH`, or hold more
than `MAX_NODES` nodes. Mappings and sequences come back as `LocatedDict` / `LocatedList`,
which remember the source position (a `Position`: line and column) of the node and of each
key or item, so validation errors can name them. Error messages never quote the file's text.
"""

from __future__ import annotations

import functools
import re

from marklint.errors import YamlError

MAX_DEPTH = 20
MAX_NODES = 50_000


class Position(int):
    """A 1-based line number that also knows its 1-based `column` (0 when unknown). An int,
    so that code that reports lines only keeps working; `Checker.fail` shows both."""

    column: int

    def __new__(cls, line: int, column: int = 0) -> Position:
        position = super().__new__(cls, line)
        position.column = column
        return position

    def __str__(self) -> str:
        return f"{int(self)}:{self.column}" if self.column else str(int(self))


class LocatedDict(dict):
    """A mapping that knows its own line and the line of each key."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[object, int] = {}

    def line_of(self, key: object) -> int:
        """The line of `key`, or the mapping's own line when the key is absent."""
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A sequence that knows its own line and the line of each item."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        """The line of item `index`."""
        return self.item_lines[index] if index < len(self.item_lines) else self.line


@functools.cache
def _guarded_loader() -> type:
    """The loader class, built on first use. Events come from libyaml's parser when PyYAML
    was built with it (about ten times faster than PyYAML's own), else from PyYAML's; the
    nodes are composed here, in Python, so that aliases, depth and size are checked as they
    are met (libyaml's own composer would build a billion-laughs graph first)."""
    import yaml  # lazy heavy import (~9 ms): a run that reads no settings file never needs PyYAML
    from yaml.composer import Composer
    from yaml.constructor import SafeConstructor
    from yaml.resolver import Resolver

    try:
        from yaml.cyaml import CParser

        parser_bases: tuple[type, ...] = (CParser,)
    except ImportError:  # PyYAML without libyaml
        from yaml.parser import Parser
        from yaml.reader import Reader
        from yaml.scanner import Scanner

        parser_bases = (Reader, Scanner, Parser)

    class _GuardedLoader(Composer, *parser_bases, SafeConstructor, Resolver):  # type: ignore[misc]
        """A safe loader that refuses aliases and bounds nesting depth and node count."""

        def __init__(self, stream: str) -> None:
            for base in parser_bases:
                base.__init__(self, stream)  # type: ignore[misc]
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self._depth = 0
            self._nodes = 0

        def dispose(self) -> None:
            if hasattr(super(), "dispose"):
                super().dispose()  # type: ignore[misc]

        def compose_node(self, parent, index):  # type: ignore[override]
            if self.check_event(yaml.AliasEvent):
                raise YamlError("YAML aliases (*name) are not allowed", _position(self.peek_event().start_mark))
            self._nodes += 1
            if self._nodes > MAX_NODES:
                raise YamlError(f"too many YAML nodes (more than {MAX_NODES})", _position(self.peek_event().start_mark))
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH:
                    raise YamlError(f"YAML nested deeper than {MAX_DEPTH} levels",
                                    _position(self.peek_event().start_mark))
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

    return _GuardedLoader


def _position(mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _reader_error(text: str, exc) -> YamlError:
    line = text.count("\n", 0, exc.position) + 1
    column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
    return YamlError("YAML error: a control character is not allowed", Position(line, column))


def _without_quotes(problem: str) -> str:
    """A PyYAML problem text without the fragments of the file it quotes (a tag, an escape);
    a quoted single character stays (`expected ',' or ']'`): it names syntax, not content."""
    kept = re.sub(r"'([^']*)'|\"([^\"]*)\"", lambda m: m.group(0) if len(m.group(0)) == 3 else "", problem)
    return " ".join(kept.split())


def load_yaml(text: str) -> object:
    """Parse one YAML document safely; raise YamlError (with a line and column) on any
    problem. Messages never quote the file's text.

    An empty document yields None.
    """
    import yaml  # lazy heavy import, as in _guarded_loader

    try:
        loader = _guarded_loader()(text)
    except yaml.reader.ReaderError as exc:  # a control character the YAML spec forbids
        raise _reader_error(text, exc) from None
    try:
        node = loader.get_single_node()
    except YamlError:
        raise
    except yaml.reader.ReaderError as exc:
        raise _reader_error(text, exc) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _position(mark) if mark is not None else 0
        problem = _without_quotes(exc.problem or exc.context or "invalid YAML")
        if exc.problem and exc.context and exc.context_mark is not None:
            problem += f" ({_without_quotes(exc.context)} on line {exc.context_mark.line + 1})"
        raise YamlError(f"YAML syntax error: {problem}", where) from None
    except yaml.YAMLError:
        raise YamlError("YAML error: not a YAML document") from None
    finally:
        loader.dispose()
    if node is None:
        return None
    return _build(loader, node)


def _build(loader, node) -> object:
    import yaml  # lazy heavy import, as in _guarded_loader (loaded by now: a dictionary look-up)

    where = _position(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        result = LocatedDict(where)
        for key_node, value_node in node.value:
            key = _build(loader, key_node)
            if isinstance(key, (LocatedDict, LocatedList)):
                raise YamlError("a mapping key must be a plain value", _position(key_node.start_mark))
            if key in result:
                raise YamlError("duplicate key", _position(key_node.start_mark))
            result[key] = _build(loader, value_node)
            result.key_lines[key] = _position(key_node.start_mark)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList(where)
        for item in node.value:
            items.append(_build(loader, item))
            items.item_lines.append(_position(item.start_mark))
        return items
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise YamlError(f"YAML error: {_without_quotes(exc.problem or 'invalid value')}", where) from None
    except (ValueError, TypeError, OverflowError):  # e.g. the date 2010-13-45, !!int zz
        kind = node.tag.rpartition(":")[2]
        raise YamlError(f"invalid {'date' if kind == 'timestamp' else kind} value", where) from None
