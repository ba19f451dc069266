"""Safe YAML loading for untrusted rule and configuration files, with line numbers.

Rule files and configuration come from users, so they are parsed with PyYAML's safe loader
and additionally refused when they use aliases (the "billion laughs" expansion bomb needs
them, and no marklint file has a use for them), nest deeper than `MAX_DEPTH`, or hold more
than `MAX_NODES` nodes. Mappings and sequences come back as `LocatedDict` / `LocatedList`,
which remember the 1-based source line of the node and of each key or item, so validation
errors can name the line.
"""

from __future__ import annotations

import functools

MAX_DEPTH = 20
MAX_NODES = 50_000


class YamlError(Exception):
    """A YAML file that cannot be loaded; `line` is 1-based (0 when unknown)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


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
    """The loader class, built on first use: importing PyYAML costs start-up time that runs
    served by the rule set cache never need."""
    import yaml

    class _GuardedLoader(yaml.SafeLoader):
        """A safe loader that refuses aliases and bounds nesting depth and node count."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self._depth = 0
            self._nodes = 0

        def compose_node(self, parent, index):  # type: ignore[override]
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise YamlError("YAML aliases (*name) are not allowed", event.start_mark.line + 1)
            self._nodes += 1
            if self._nodes > MAX_NODES:
                mark = self.peek_event().start_mark
                raise YamlError(f"too many YAML nodes (more than {MAX_NODES})", mark.line + 1)
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH:
                    mark = self.peek_event().start_mark
                    raise YamlError(f"YAML nested deeper than {MAX_DEPTH} levels", mark.line + 1)
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

    return _GuardedLoader


def load_yaml(text: str) -> object:
    """Parse one YAML document safely; raise YamlError (with a line) on any problem.

    An empty document yields None.
    """
    import yaml

    try:
        loader = _guarded_loader()(text)
    except yaml.reader.ReaderError as exc:  # a control character the YAML spec forbids
        line = text.count("\n", 0, exc.position) + 1
        raise YamlError(f"YAML error: control character {_char(exc.character)} is not allowed", line) from None
    try:
        node = loader.get_single_node()
    except YamlError:
        raise
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise YamlError(f"YAML error: control character {_char(exc.character)} is not allowed", line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.problem and exc.context and exc.context_mark is not None:
            problem += f" ({exc.context} on line {exc.context_mark.line + 1})"
        raise YamlError(f"YAML syntax error: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"YAML error: {exc}") from None
    finally:
        loader.dispose()
    if node is None:
        return None
    return _build(loader, node)


def _char(character: int | str) -> str:
    return repr(chr(character) if isinstance(character, int) else character)


def _build(loader, node) -> object:
    import yaml

    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = LocatedDict(line)
        for key_node, value_node in node.value:
            key = _build(loader, key_node)
            if isinstance(key, (LocatedDict, LocatedList)):
                raise YamlError("a mapping key must be a plain value", key_node.start_mark.line + 1)
            if key in result:
                raise YamlError(f"duplicate key {key!r}", key_node.start_mark.line + 1)
            result[key] = _build(loader, value_node)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList(line)
        for item in node.value:
            items.append(_build(loader, item))
            items.item_lines.append(item.start_mark.line + 1)
        return items
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise YamlError(f"YAML error: {exc.problem}", line) from None
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. the date 2010-13-45, !!int zz
        raise YamlError(f"invalid value {node.value!r}: {exc}", line) from None
