"""Reading the marking vocabulary (marklint.markings.vocab) from YAML.

Vocabularies live in YAML under `rules/vocab/` (package `marklint.rules.vocab`). A name such as
"default" means `rules/vocab/default.yaml`; a path is read as is; a file may `include` other
vocabularies by name. Files are merged in order: a later file adds entries and may replace an
entry of the same id (so a rule set can, say, publish a tetragraph's members).

Loading is cached in memory per argument tuple (and per file); nothing is cached on disk:
parsing every shipped vocabulary with libyaml takes a few milliseconds.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Sequence
from pathlib import Path

import marklint.rules
from marklint.errors import VocabularyError, YamlError
from marklint.levels import LEVEL_RANKS
from marklint.markings.scheme_reader import read_scheme
from marklint.markings.vocab import Compartment, LegacyWord, Rule, SciSystem, Shape, Token, Vocabulary
from marklint.validation import Checker, read_text
from marklint.yamlsafe import load_yaml

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from typing import Any

_ROLLUPS = ("always", "unclassified-only", "superseded")
_TAKES = ("countries", "eyes")
_VOCAB_DIR = marklint.rules.DIRECTORY / "vocab"


def _resolve(name: str, base: Path) -> Path:
    """A path as is; a name as a sibling of the including file, else a shipped vocabulary."""
    if name.endswith((".yaml", ".yml")) or os.sep in name or "/" in name:
        return Path(name)
    sibling = base / f"{name}.yaml"
    return sibling if sibling.exists() else _VOCAB_DIR / f"{name}.yaml"


def _file_list(names: Sequence[str]) -> list[Path]:
    """Expand names and `include` lists into the ordered list of files (no duplicates)."""
    base = _VOCAB_DIR
    ordered: list[Path] = []

    def visit(path: Path, stack: tuple[Path, ...]) -> None:
        if path in stack:
            raise VocabularyError(f"{path}: include cycle")
        if path in ordered:
            return
        data = _read(path)
        includes = data.get("include", []) if isinstance(data, dict) else []
        if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
            raise VocabularyError(f"{path}:{_line(data, 'include')}: include must be a list of names")
        for inc in includes:
            visit(_resolve(inc, path.parent), stack + (path,))
        if set(data) - {"include"}:
            ordered.append(path)

    for name in names:
        visit(_resolve(name, base), ())
    return ordered


_read_cache: dict[Path, Any] = {}


def _read(path: Path) -> Any:
    if path in _read_cache:
        return _read_cache[path]
    text = read_text(path, lambda reason: VocabularyError(f"{path}: cannot read vocabulary file ({reason})"),
                     VocabularyError(f"{path}: vocabulary file not found"))
    try:
        data = load_yaml(text)
    except YamlError as exc:
        raise VocabularyError(f"{path}:{exc.line}: {exc.message}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise VocabularyError(f"{path}:1: a vocabulary file must be a mapping")
    _read_cache[path] = data
    return data


def _line(node: Any, key: Any = None) -> int:
    if key is not None and hasattr(node, "line_of"):
        return node.line_of(key)
    return getattr(node, "line", 0)


class _Builder(Checker):
    """Validates one file's data and merges it into a Vocabulary."""

    def __init__(self, vocab: Vocabulary) -> None:
        super().__init__("", VocabularyError)
        self.v = vocab

    def at(self, node: Any, key: Any, message: str) -> None:
        """Raise the error `message` at the line of `key` in `node`."""
        raise self.fail(_line(node, key), message)

    def strings(self, node: Any, key: str, default: Sequence[str] = ()) -> tuple[str, ...]:
        value = node.get(key, list(default))
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(x, (str, int)) for x in value):
            self.at(node, key, f"{key} must be a list of words")
        return tuple(str(x) for x in value)

    def string(self, node: Any, key: str, required: bool = False) -> str | None:
        value = node.get(key)
        if value is None:
            if required:
                self.at(node, key, f"missing {key}")
            return None
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            self.at(node, key, f"{key} must be a word")
        return str(value)

    def levels(self, node: Any, key: str = "levels") -> frozenset[str]:
        levels = self.strings(node, key)
        for level in levels:
            if level not in LEVEL_RANKS:
                self.at(node, key, "unknown level (use TS, S, C, R, U)")
        return frozenset(levels)

    def mapping(self, node: Any, key: str) -> Any:
        value = node.get(key)
        if not isinstance(value, dict):
            self.at(node, key, f"{key} must be a mapping")
        return value

    def date(self, node: Any, key: str) -> datetime.date | None:
        value = node.get(key)
        if value is None:
            return None
        if not isinstance(value, datetime.date):
            self.at(node, key, f"{key} must be a date (YYYY-MM-DD)")
        return value

    def merge(self, path: Path, data: Any) -> None:
        self.path = str(path)
        known = {"include", "us", "foreign", "nato", "nato_legacy", "nato_nac", "category", "tokens",
                 "subsets", "unpublished", "unpublished_abbreviation", "forbidden", "elsewhere", "systems", "legacy", "indicator", "levels",
                 "repeated_indicator_retired", "non_ic_place_retired", "identifier", "programs", "marker", "banner_aliases", "sap_rendering",
                 "specified", "basic", "notional_category", "administrative", "ldcs", "trigraphs", "tetragraphs", "organisations", "accm_levels",
                 "scheme"}
        for key in data:
            if key not in known:
                self.at(data, key, "unknown vocabulary key")
        for table in ("us", "foreign", "nato"):
            if table in data:
                self.level_table(data, table)
        if "nato_legacy" in data:
            for item in self.items(data, "nato_legacy"):
                control = self.string(item, "control", True)
                entry = (self.string(item, "level", True), None if control == "none" else control,
                         self.date(item, "retired"))
                for form in self.strings(item, "forms"):
                    self.v.nato_legacy[" ".join(re.findall(r"[A-Z0-9_]+", form.upper()))] = entry
        if "nato_nac" in data:
            for item in self.items(data, "nato_nac"):
                self.v.nato_nac[self.string(item, "name", True)] = self.string(item, "short", True)
        if "scheme" in data:
            self.scheme(self.mapping(data, "scheme"))
        if "sap_rendering" in data:
            self.sap_rendering(self.mapping(data, "sap_rendering"))
        if "accm_levels" in data:
            self.v.accm_levels = self.levels(data, "accm_levels")
        if "tokens" in data:
            category = self.string(data, "category", True)
            if category not in ("dissem", "nonic", "aea"):
                self.at(data, "category", "category must be dissem, nonic or aea")
            for item in self.items(data, "tokens"):
                self.token(item, category)
        if "subsets" in data:
            for name, sub in self.mapping(data, "subsets").items():
                self.v.aea_subsets[str(name)] = {
                    "title": self.string(sub, "title"), "portion": self.string(sub, "portion") or str(name),
                    "parents": self.strings(sub, "parents"), "levels": self.levels(sub),
                    "numbers": tuple(int(n) for n in self.strings(sub, "numbers"))}
        if "systems" in data:
            self.sci(data)
        if "indicator" in data:
            self.sap(data)
        if "marker" in data:
            self.cui(data)
        if "trigraphs" in data:
            for code, name in self.mapping(data, "trigraphs").items():
                self.v.trigraphs[str(code)] = str(name)
        if "tetragraphs" in data:
            for code, entry in self.mapping(data, "tetragraphs").items():
                if not isinstance(entry, dict):
                    self.at(data["tetragraphs"], code, "a tetragraph needs {name, members, decomposable}")
                members = self.strings(entry, "members")
                self.v.tetragraphs[str(code)] = (members, bool(entry.get("decomposable", False)))
        for code, entry in (self.mapping(data, "organisations") if "organisations" in data else {}).items():
            self.v.organisations[str(code)] = frozenset(self.strings(entry, "levels"))

    def scheme(self, node: Any) -> None:
        """An allied scheme (marklint.markings.scheme_reader), and the banner and portion
        shapes its levels give."""
        s = read_scheme(self, node)
        self.v.allied = s
        levels = s.level_pattern("banner")
        prefix = "".join(f"(?:{re.escape(p)} )?" for p in s.prefixes)
        if s.leading:
            prefix += "(?:(?:" + "|".join(re.escape(e) for e in sorted(s.leading)) + ") )*"
        self.v.banner_candidate = re.compile(rf"(?://)?{prefix}(?:{levels})(?:$|[\s/,\-:\u2013\u2014][^\n]{{0,200}}$)")
        # a mark in the wrong case is a mark (`(ic)`, `(In-Confidence)`: marking-form), but for a
        # one-letter level: `(c)` and `(s)` in lower case are list labels. Before it, a paragraph's
        # number or label as staffs write them (`1.`, `a.`, `(1)`, `(a)`, `2.1`, `1.2.3.`)
        self.v.portion_at = re.compile(
            r"(?:|(?:\d{1,3}(?:\.\d{1,3}){1,4}\.?|\d{1,3}[.)]|[a-zA-Z][.)]|\(\d{1,3}\)|\([a-z]\))\s*|[•·*-]\s+"
            r"|(?:SUBJECT|Subject|SUBJ|RE|Re)\s*:\s*)"
            rf"(\((?://)?{prefix}(?:{s.level_pattern('portion')}|(?i:{s.level_pattern('portion', shortest=2)}))"
            r"(?:[\s/,\-:][^()\n]{0,150})?\))(?=\s|$)"
            r"(?!\s+(?:\d{4}\b|[Cc]opyright))")  # not a copyright sign

    def items(self, data: Any, key: str) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(i, dict) for i in value):
            self.at(data, key, f"{key} must be a list of mappings")
        return value

    def level_table(self, data: Any, table: str) -> None:
        target = {"us": self.v.us_levels, "foreign": self.v.foreign_levels, "nato": self.v.nato_levels}[table]
        for item in self.items(data, table):
            level = self.string(item, "level", True)
            if level not in LEVEL_RANKS:
                self.at(item, "level", "unknown level")
            target[level] = (self.string(item, "banner", True), self.string(item, "portion", True))

    def token(self, item: Any, category: str) -> None:
        tid = self.string(item, "id", True)
        rollup = self.string(item, "rollup") or "always"
        if rollup not in _ROLLUPS:
            self.at(item, "rollup", f"rollup must be one of {', '.join(_ROLLUPS)}")
        takes = self.string(item, "takes")
        if takes is not None and takes not in _TAKES:
            self.at(item, "takes", f"takes must be one of {', '.join(_TAKES)}")
        levels = self.strings(item, "levels")
        for level in levels:
            if level not in LEVEL_RANKS:
                self.at(item, "levels", "unknown level (use TS, S, C, R, U or CUI)")
        cui_only = "CUI" in levels
        token = Token(
            id=tid, category=category, order=len(self.v.tokens), title=self.string(item, "title"),
            portion=self.string(item, "portion") or tid, aliases=self.strings(item, "aliases"),
            levels=frozenset(levels) - {"CUI"}, requires=self.strings(item, "requires"),
            excludes=self.strings(item, "excludes"), fdr=bool(item.get("fdr", False)), takes=takes,
            rollup=rollup, beats=self.strings(item, "beats"),
            classified_adds=self.strings(item, "classified_adds"), splits_into=self.strings(item, "splits_into"),
            retired=self.date(item, "retired"), replacement=self.string(item, "replacement"),
            cui_only=cui_only, requires_category=self.string(item, "requires_category"),
            not_with_cui=bool(item.get("not_with_cui", False)), handling_only=bool(item.get("handling_only", False)))
        if token.retired is not None and token.replacement is None:
            self.at(item, "retired", "a retired token needs a replacement (or 'none')")
        old = self.v.tokens.get(tid)
        if old is not None:
            token = token._replace(order=old.order)
        self.v.tokens[tid] = token
        for form, spelling in [("id", tid), ("title", token.title), ("portion", token.portion)] + \
                [("alias", a) for a in token.aliases]:
            if spelling:
                self.v.spellings.setdefault(spelling.upper(), (tid, form))

    def rule(self, node: Any) -> Rule:
        if node is None:
            return Rule()
        return Rule(self.levels(node), self.strings(node, "requires"), self.strings(node, "excludes"))

    def sci(self, data: Any) -> None:
        if "unpublished" in data:
            self.v.sci_unpublished = self.string(data, "unpublished")
            self.pattern(data, "unpublished")
        if "unpublished_abbreviation" in data:
            self.v.sci_abbreviation = self.string(data, "unpublished_abbreviation")
            self.pattern(data, "unpublished_abbreviation")
        self.v.sci_forbidden = self.v.sci_forbidden | frozenset(self.strings(data, "forbidden"))
        if "elsewhere" in data:
            for word, meaning in self.mapping(data, "elsewhere").items():
                if not isinstance(meaning, str):
                    self.at(data["elsewhere"], word, "an elsewhere word needs a sentence saying where it is used")
                self.v.sci_elsewhere[str(word)] = meaning
        for item in self.items(data, "systems"):
            sid = self.string(item, "id", True)
            bare = self.string(item, "bare") or "ok"
            if bare not in ("ok", "legacy", "error"):
                self.at(item, "bare", "bare must be ok, legacy or error")
            comps = {}
            for comp in item.get("compartments", []) or []:
                cid = self.string(comp, "id", True)
                subs = comp.get("subs")
                comps[cid] = Compartment(cid, self.string(comp, "title"), self.rule(comp),
                                         self.rule(subs) if subs else self.rule(comp), self.shape(comp),
                                         self.shape(subs) if subs else None)
            system = SciSystem(sid, self.string(item, "title"), self.rule(item), bare,
                               self.string(item, "bare_replacement"), comps)
            self.v.sci_systems[sid] = system
            if item.get("nato"):
                self.v.sci_nato = self.v.sci_nato | {sid}
            if system.title:
                self.v.sci_titles[system.title.upper()] = sid
            for comp in comps.values():
                for spelled in (comp.id, comp.title):
                    if spelled and spelled != "*":
                        self.v.sci_compartments.setdefault(spelled.upper(), sid)
        for item in self.items(data, "legacy") if "legacy" in data else []:
            word = LegacyWord(self.string(item, "id", True), self.string(item, "replacement", True),
                              self.date(item, "retired"), self.string(item, "current"))
            for spelling in (word.id, self.string(item, "title"), *self.strings(item, "aliases")):
                if spelling:
                    self.v.sci_legacy[spelling.upper()] = word

    def shape(self, node: Any) -> Shape | None:
        """The `shape: {pattern, says}` of an SCI compartment or its sub-compartments, if any."""
        if "shape" not in node:
            return None
        shape = self.mapping(node, "shape")
        pattern = self.string(shape, "pattern", True)
        self.pattern(shape, "pattern")
        return Shape(pattern, self.string(shape, "says", True))

    def pattern(self, node: Any, key: str) -> None:
        try:
            re.compile(str(node[key]))
        except re.error as exc:
            self.at(node, key, f"invalid pattern ({exc})")

    def sap(self, data: Any) -> None:
        indicator = self.mapping(data, "indicator")
        self.v.sap_title = self.string(indicator, "title", True)
        if "levels" in data:
            self.v.sap_levels = self.levels(data)
        self.v.sap_repeat_retired = self.date(data, "repeated_indicator_retired")
        self.v.sap_in_nonic_retired = self.date(data, "non_ic_place_retired")
        if "identifier" in data:
            self.pattern(data, "identifier")
            self.v.sap_identifier = str(data["identifier"])
        for name, abbr in (data.get("programs") or {}).items():
            self.v.sap_programs[str(name).upper()] = str(abbr)

    def sap_rendering(self, node: Any) -> None:
        """The DoD rendering of SAP markings (ISM22 DES 2.4.1.9.2; K-08, K-10)."""
        if node.get("style") != "dod":
            self.at(node, "style", "style must be dod (the IC rendering is the default)")
        count = node.get("multiple_programs")
        if not isinstance(count, int) or isinstance(count, bool) or count < 2:
            self.at(node, "multiple_programs", "multiple_programs must be a whole number from 2")
        self.v.sap_dod_multiple = count
        self.v.sap_multiple_name = self.string(node, "multiple_name") or self.v.sap_multiple_name

    def cui(self, data: Any) -> None:
        self.v.cui_marker = self.string(data, "marker", True)
        self.v.cui_banner_aliases = self.strings(data, "banner_aliases")
        self.v.cui_specified = self.v.cui_specified | frozenset(self.strings(data, "specified"))
        self.v.cui_basic = self.v.cui_basic | frozenset(self.strings(data, "basic"))
        if "notional_category" in data:
            self.pattern(data, "notional_category")
            self.v.cui_notional = str(data["notional_category"])
        self.v.ldcs = self.v.ldcs | frozenset(self.strings(data, "ldcs"))
        self.v.cui_administrative = self.v.cui_administrative | frozenset(self.strings(data, "administrative"))


def _check_references(v: Vocabulary, files: list[Path]) -> None:
    """Every id named in requires/excludes/beats/... must exist."""
    where = ", ".join(str(f) for f in files)
    names = set(v.tokens)
    for token in v.tokens.values():
        for ref in token.requires + token.excludes + token.beats + token.classified_adds + token.splits_into:
            if ref not in names:
                raise VocabularyError(f"{where}: token {token.id!r} names unknown token {ref!r}")
    for ldc in v.ldcs:
        if ldc not in names:
            raise VocabularyError(f"{where}: LDC {ldc!r} is not a defined token")
    for system in v.sci_systems.values():
        for rule in [system.rule] + [c.rule for c in system.compartments.values()] + \
                [c.subs for c in system.compartments.values()]:
            for ref in rule.requires + rule.excludes:
                if ref not in names:
                    raise VocabularyError(f"{where}: SCI {system.id!r} names unknown token {ref!r}")


def _build(files: list[Path]) -> Vocabulary:
    vocab = Vocabulary(sources=tuple(str(f) for f in files))
    builder = _Builder(vocab)
    for path in files:
        builder.merge(path, _read(path))
    _check_references(vocab, files)
    vocab.index()
    if not vocab.us_levels and vocab.allied is None:
        raise VocabularyError(f"{files[0] if files else '(none)'}: the vocabulary defines no US levels or scheme")
    return vocab


_loaded: dict[tuple[str, ...], Vocabulary] = {}


def load_vocabulary(names_or_paths: Sequence[str] = ("default",)) -> Vocabulary:
    """Load and merge vocabularies by name (files in rules/vocab) or path; cached.

    Raises VocabularyError naming the file and line of the first problem.
    """
    key = tuple(str(n) for n in names_or_paths)
    vocab = _loaded.get(key)
    if vocab is None:
        vocab = _build(_file_list(key))
        _loaded[key] = vocab
    return vocab


def default_vocabulary() -> Vocabulary:
    """The cached default vocabulary."""
    return load_vocabulary(("default",))
