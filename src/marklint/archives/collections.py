"""Wrapper patterns grouped per collection, loaded from YAML (rules/archives/<name>.yaml, or a
file an archive names in its configuration under `archive-collections`).

A collection file holds:

- `name`, `description`, and `ocr` (true: OCR tolerance is on for documents of the collection);
- `hint`: a pattern searched in the whole text first (`UserPattern.found_in`: a match is sure
  to be found when it spans at most 64K characters); only a document where it is found is
  searched for the collection's wrappers (most documents are not archival releases);
- `pages`: page rules (`kind`, `title`, `field`, `min-fields`, `facts`, `dates`,
  `document-from`): a page holding a line matching `title` and at least `min-fields` lines
  matching `field` is a wrapper page;
- `lines`: line rules (`kind`, `pattern`, `facts`, `set`): a line where `pattern` is found is a
  wrapper line (from the match to the line's end when a column gap precedes the match);
- `stamps`: stamps over several lines (`kind`, `start`, `continue`, `end`, `window`,
  `min-lines`, `facts`, `set`): the lines after `start`, within `window` lines, where
  `continue` is found, until `end` is found in the text gathered so far; a stamp of fewer than
  `min-lines` lines (default 1) is not one.

Named groups of `pattern`, `start` and the `facts` patterns are facts of the release
(`case`, `doc`, `record`, `docid`, `release_date`, `review_date`, `reviewer`, `decision`,
`exemptions`, `authority`, `class`, `reason`, `declassify_on`, ...); `set` gives facts that a
match states without spelling them. Patterns are user patterns (`marklint.userpattern`), compiled
and vetted by `marklint.validation.Checker.regex`.
"""

from __future__ import annotations

import os
from pathlib import Path

from marklint.userpattern import UserPattern
from marklint.values import FrozenValue



class CollectionError(Exception):
    """A collection file that cannot be used; str() is `path:line: message`."""


class LineRule(FrozenValue):
    """A wrapper line: `pattern` found on it."""

    _fields = ("kind", "pattern", "facts", "set")

    def __init__(self, kind: str, pattern: UserPattern, facts: tuple[UserPattern, ...] = (),
                 set: tuple[tuple[str, str], ...] = ()) -> None:
        self.__dict__.update(kind=kind, pattern=pattern, facts=facts, set=set)


class StampRule(FrozenValue):
    """A stamp over several lines: `start`, then lines where `continue_` is found."""

    _fields = ("kind", "start", "continue_", "end", "window", "min_lines", "facts", "set")

    def __init__(self, kind: str, start: UserPattern, continue_: UserPattern, end: UserPattern | None,
                 window: int, min_lines: int = 1, facts: tuple[UserPattern, ...] = (),
                 set: tuple[tuple[str, str], ...] = ()) -> None:
        self.__dict__.update(kind=kind, start=start, continue_=continue_, end=end, window=window,
                             min_lines=min_lines, facts=facts, set=set)


class PageRule(FrozenValue):
    """A wrapper page: its title and enough of its field labels. `dates` says whose dates the
    page states: `copy` (a cover letter's: never the date of origin) or `document` (an
    identification form's DATE field describes the document it indexes); with `document`,
    `document_from` (optional) is the heading from which on they are the document's, the
    lines before it the printout's header, dated as the copy."""

    _fields = ("kind", "title", "field", "min_fields", "facts", "set", "dates", "document_from")

    def __init__(self, kind: str, title: UserPattern, field: UserPattern, min_fields: int,
                 facts: tuple[UserPattern, ...] = (), set: tuple[tuple[str, str], ...] = (),
                 dates: str = "copy", document_from: UserPattern | None = None) -> None:
        self.__dict__.update(kind=kind, title=title, field=field, min_fields=min_fields, facts=facts, set=set,
                             dates=dates, document_from=document_from)


class Collection(FrozenValue):
    """One collection's wrapper rules."""

    _fields = ("name", "hint", "description", "ocr", "pages", "lines", "stamps")

    def __init__(self, name: str, hint: UserPattern, description: str = "", ocr: bool = False,
                 pages: tuple[PageRule, ...] = (), lines: tuple[LineRule, ...] = (),
                 stamps: tuple[StampRule, ...] = ()) -> None:
        self.__dict__.update(name=name, hint=hint, description=description, ocr=ocr, pages=pages, lines=lines,
                             stamps=stamps)

    def hinted(self, text: str) -> bool:
        """Whether the collection's hint is found anywhere in `text` (the pattern is vetted by
        `Checker.regex`, so it is searched over the whole text, not a bounded prefix)."""
        return self.hint.found_in(text)


_TOP_KEYS = ("name", "hint", "description", "ocr", "pages", "lines", "stamps")
_RULE_KEYS = {
    "pages": ("kind", "title", "field", "min-fields", "facts", "set", "dates", "document-from"),
    "lines": ("kind", "pattern", "facts", "set"),
    "stamps": ("kind", "start", "continue", "end", "window", "min-lines", "facts", "set"),
}


def load_collection(path: str) -> Collection:
    """Load and validate one collection file; CollectionError names the file and line."""
    from marklint.validation import Checker
    from marklint.yamlsafe import YamlError, load_yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CollectionError(f"{path}: cannot read collection file ({exc})") from None
    try:
        raw = load_yaml(text)
    except YamlError as exc:
        raise CollectionError(f"{path}:{exc.line}: {exc.message}" if exc.line else f"{path}: {exc.message}") from None
    ck = Checker(path, CollectionError)
    top = ck.mapping(raw, getattr(raw, "line", 1), "the collection", _TOP_KEYS)
    for key in ("name", "hint"):
        if key not in top:
            raise ck.fail(top.line, f"a collection needs a '{key}'")
    values: dict = {"name": ck.typed(top["name"], top.line_of("name"), "'name'", str, "a string"),
                    "hint": ck.regex(top["hint"], top.line_of("hint"), "'hint'")}
    if "description" in top:
        values["description"] = ck.typed(top["description"], top.line_of("description"), "'description'", str,
                                         "a string")
    if "ocr" in top:
        values["ocr"] = ck.typed(top["ocr"], top.line_of("ocr"), "'ocr'", bool, "true or false")
    for section in ("pages", "lines", "stamps"):
        if section in top:
            items = top[section]
            if not isinstance(items, list):
                raise ck.fail(top.line_of(section), f"'{section}' must be a list of rules")
            values[section] = tuple(_rule(ck, section, item, items.line_of(index))
                                    for index, item in enumerate(items))
    return Collection(**values)


def _rule(ck, section: str, item: object, line: int) -> LineRule | StampRule | PageRule:
    rule = ck.mapping(item, line, f"a rule of '{section}'", _RULE_KEYS[section])
    at = rule.line_of

    def required(key: str) -> object:
        if key not in rule:
            raise ck.fail(rule.line, f"a rule of '{section}' needs '{key}'")
        return rule[key]

    kind = ck.typed(required("kind"), at("kind"), "'kind'", str, "a string")
    patterns = ck.string_list(rule["facts"], at("facts"), "'facts'") if "facts" in rule else ()
    facts = tuple(ck.regex(pattern, at("facts"), "'facts'") for pattern in patterns)
    fixed = ck.mapping(rule.get("set", _empty(rule.line)), at("set"), "'set'", None)
    constants = tuple((key, ck.typed(value, fixed.line_of(key), f"'set.{key}'", str, "a string"))
                      for key, value in fixed.items())
    if section == "lines":
        return LineRule(kind, ck.regex(required("pattern"), at("pattern"), "'pattern'"), facts, constants)
    if section == "stamps":
        window = ck.typed(rule.get("window", 4), at("window"), "'window'", int, "a number of lines")
        if not 1 <= window <= 20:
            raise ck.fail(at("window"), "'window' must be between 1 and 20 lines")
        end = ck.regex(rule["end"], at("end"), "'end'") if "end" in rule else None
        least = ck.typed(rule.get("min-lines", 1), at("min-lines"), "'min-lines'", int, "a number of lines")
        if not 1 <= least <= window + 1:
            raise ck.fail(at("min-lines"), "'min-lines' must be between 1 and the window plus one")
        return StampRule(kind, ck.regex(required("start"), at("start"), "'start'"),
                         ck.regex(required("continue"), at("continue"), "'continue'"), end, window, least, facts,
                         constants)
    minimum = ck.typed(rule.get("min-fields", 3), at("min-fields"), "'min-fields'", int, "a number")
    dates = rule.get("dates", "copy")
    if dates not in ("copy", "document"):
        raise ck.fail(at("dates"), "'dates' must be copy or document")
    document_from = ck.regex(rule["document-from"], at("document-from"), "'document-from'") \
        if "document-from" in rule else None
    return PageRule(kind, ck.regex(required("title"), at("title"), "'title'"),
                    ck.regex(required("field"), at("field"), "'field'"), minimum, facts, constants, dates,
                    document_from)


def _empty(line: int):
    from marklint.yamlsafe import LocatedDict

    return LocatedDict(line)


_loaded: dict[tuple[str, ...], tuple[Collection, ...]] = {}


def shipped_paths() -> tuple[str, ...]:
    """The collection files shipped with marklint (the package `marklint.rules.archives`, the
    repository's rules/archives/), in name order."""
    import marklint.rules

    return tuple(sorted(str(p) for p in (marklint.rules.DIRECTORY / "archives").glob("*.yaml")))


def load_collections(extra: tuple[str, ...] = ()) -> tuple[Collection, ...]:
    """The shipped collections followed by the files in `extra` (loaded once per process)."""
    paths = shipped_paths() + tuple(os.path.abspath(p) for p in extra)
    found = _loaded.get(paths)
    if found is None:
        found = _loaded[paths] = tuple(load_collection(p) for p in paths)
    return found
