"""The lint pipeline: file -> reader -> Document -> recognizer -> checks -> Findings.

`lint_path(path, settings)` and `lint_paths(paths, settings)` are pure functions of picklable
arguments (worker processes and Dask call them). Every failure to read a file becomes
`FileResult.error`; nothing here prints.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Callable, Iterator

from marklint.document import Document, InputError, ReaderOptions
from marklint.findings import FileResult, Finding, Severity
from marklint.values import FrozenValue

TYPE_CHECKING = False  # not typing's: a cached run imports neither typing nor the rule registry
if TYPE_CHECKING:
    from datetime import date

    from marklint.checks.registry import RuleDoc

AUTO = "auto"


class Settings(FrozenValue):
    """What the command line asks for; configuration files fill in what it leaves open.

    `rules` is a rule set name, a path or "auto" (None: the configuration's, else us-cnsi).
    `select`/`ignore` hold slugs, codes or code prefixes (`MK3`). `severity` maps a slug or
    code to a Severity or None (off). `require_banner` is "when-marked" or "always".
    `include_quotes` lints block quotes as portions (ReaderOptions.include_quotes).
    `ocr` turns OCR tolerance on (True) or off (False); None leaves it to the collection of the
    document's archival wrapper. `collections` are extra archive collection files
    (`marklint.archives.collections`).
    Immutable and hashable: it keys the result cache and goes to worker processes.
    """

    _fields = ("rules", "select", "ignore", "severity", "require_banner", "page_break_patterns", "include",
               "exclude", "include_quotes", "input_format", "show_source", "use_config", "ocr", "collections")

    def __init__(
        self,
        rules: str | None = None,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        severity: tuple[tuple[str, Severity | None], ...] = (),
        require_banner: str | None = None,
        page_break_patterns: tuple[str, ...] = (),
        include: tuple[str, ...] = (),
        exclude: tuple[str, ...] = (),
        include_quotes: bool = False,
        input_format: str | None = None,
        show_source: bool = False,
        use_config: bool = True,
        ocr: bool | None = None,
        collections: tuple[str, ...] = (),
    ) -> None:
        self.__dict__.update(
            rules=rules, select=select, ignore=ignore, severity=severity, require_banner=require_banner,
            page_break_patterns=page_break_patterns, include=include, exclude=exclude,
            include_quotes=include_quotes, input_format=input_format, show_source=show_source,
            use_config=use_config, ocr=ocr, collections=collections,
        )

    def replace(self, **changes: object) -> Settings:
        """A copy with `changes` applied (as dataclasses.replace)."""
        return Settings(**{**self.__dict__, **changes})


def _matches(rule: RuleDoc | Finding, keys: tuple[str, ...]) -> bool:
    slug = rule.rule if isinstance(rule, Finding) else rule.slug
    return any(key == slug or rule.code.startswith(key.upper()) for key in keys)


def effective_settings(path: str, settings: Settings) -> Settings:
    """Settings for one file: the command line's, completed by the nearest configuration
    (`marklint.config.find_config`). The command line wins for the rule set and the banner
    requirement; select/ignore/severity/page-break/include/exclude lists are combined, and the
    configuration's per-file ignores whose glob matches `path` join the ignore list."""
    if not settings.use_config:
        return settings
    from marklint.config import find_config

    config = find_config(path)
    if config is None:
        return settings
    relative = os.path.relpath(os.path.abspath(path), config.root)
    per_file = tuple(
        key for pattern, keys in config.per_file_ignores.items()
        if _glob(relative, pattern) for key in keys
    )
    return settings.replace(
        rules=settings.rules or config.rules,
        select=settings.select or tuple(config.select),
        ignore=settings.ignore + tuple(config.ignore) + per_file,
        severity=tuple(config.severity.items()) + settings.severity,
        require_banner=settings.require_banner or config.require_banner,
        page_break_patterns=tuple(config.page_break_patterns) + settings.page_break_patterns,
        include=settings.include + tuple(config.include),
        exclude=settings.exclude + tuple(config.exclude),
        include_quotes=settings.include_quotes or config.include_quotes,
        ocr=config.ocr if settings.ocr is None else settings.ocr,
        collections=settings.collections + tuple(config.archive_collections),
    )


def resolve_ruleset(reference: str | None, doc_date: date | None = None):
    """(RuleSet, notice) for a rule set reference; "auto" picks by the document's date."""
    from marklint.ruleset import DEFAULT_RULESET, load_ruleset, select_ruleset_for_date

    if reference != AUTO:
        return load_ruleset(reference or DEFAULT_RULESET), None
    chosen = select_ruleset_for_date(doc_date) if doc_date is not None else None
    if chosen is None:
        default = load_ruleset(DEFAULT_RULESET)
        why = f"no rule set covers {doc_date.isoformat()}" if doc_date else "no document date found"
        return default, f"--rules auto: {why}; using {default.name}"
    return chosen, f"--rules auto chose {chosen.name} (document dated {doc_date.isoformat()})"


_vocabularies: dict[tuple[str, ...], object] = {}


def _vocabulary(names: tuple[str, ...]) -> object:
    if not names:
        return None
    if names not in _vocabularies:
        from marklint.markings import load_vocabulary

        _vocabularies[names] = load_vocabulary(names)
    return _vocabularies[names]


def _document_lines(doc: Document, wrapper_free: bool = False) -> Iterator[str]:
    """The lines `marklint.dates.document_date` reads: those holding a year, found in the
    source (see `dates.lines_with_years`), else every line of every block (DOCX, PDF). With
    `wrapper_free` (an archival wrapper was set aside), the lines of the remaining blocks."""
    if doc.source is not None and not wrapper_free:
        from marklint.dates import lines_with_years

        return lines_with_years(doc.source)
    return (line for _, block in doc.blocks() for line in block.text.split("\n"))


_exemption_tests: dict[int, tuple[object, Callable[[str], bool]]] = {}
_EXEMPTION_MEMO_LIMIT = 4096  # distinct first lines remembered per rule set (bounds memory)
_EXEMPTION_MEMO_CHARS = 200  # and only short ones: administrative lines are short, prose rarely recurs


def _exemption_test(ruleset) -> Callable[[str], bool]:
    """`is_exempt(first_line)` for a rule set: whether a block is an administrative element
    (the rule set's exempt patterns, an authority-block line, a CUI designation line).
    Memoised by line per rule set: dates, salutations, closings and signatures recur from
    document to document, and each costs every pattern of the rule set."""
    entry = _exemption_tests.get(id(ruleset))
    if entry is not None and entry[0] is ruleset:  # the entry holds the rule set: its id stays its own
        return entry[1]
    from marklint.checks.authority import is_authority_line

    policy = ruleset.portions
    designations = [pattern.regex for pattern in ruleset.cui.designation_patterns]
    memo: dict[str, bool] = {}

    def exempt(text: str) -> bool:
        return (policy.exemption(text) is not None or is_authority_line(text)
                or any(regex.search(text) for regex in designations))

    def is_exempt(first_line: str) -> bool:
        text = first_line.strip()
        if len(text) > _EXEMPTION_MEMO_CHARS:
            return exempt(text)
        found = memo.get(text)
        if found is None:
            if len(memo) >= _EXEMPTION_MEMO_LIMIT:
                memo.clear()
            found = memo[text] = exempt(text)
        return found

    _exemption_tests[id(ruleset)] = (ruleset, is_exempt)
    return is_exempt


def lint_document(doc: Document, settings: Settings = Settings()) -> FileResult:
    """Run every check on a Document and return its findings (severity, selection and
    suppressions applied). `settings` must already hold the file's configuration."""
    # Imported here, on first use, to keep start-up small; two statements, as each import
    # statement costs about a microsecond per document even when the module is loaded.
    from marklint import dates, fixes, recognize, suppressions
    from marklint.checks import authority, banners, context, cui, formats, markings, portions, transmittal

    from marklint.archives import archival

    archive = archival.set_wrappers_aside(doc, settings.collections)
    doc_date = dates.document_date(_document_lines(doc, archive.wrappers_found))
    ruleset, notice = resolve_ruleset(settings.rules, doc_date)
    vocab = _vocabulary(ruleset.vocabulary)
    ocr = None
    if settings.ocr or (settings.ocr is None and archive.ocr):
        from marklint.archives import ocr as ocr_module

        ocr = ocr_module.tolerate(doc, vocab)
    is_exempt = _exemption_test(ruleset)
    pages = recognize.recognize(doc, vocab, is_exempt)
    if ocr is not None:
        ocr_module.settle_edges(pages)
    ctx = context.CheckContext(doc, ruleset, vocab, pages, doc_date, settings.require_banner or "when-marked",
                               is_exempt)
    findings: list[Finding] = []
    for module in (markings, banners, portions, cui, transmittal, formats):
        findings.extend(module.check(ctx))
    cab = authority.find_authority_block(doc)
    findings.extend(authority.check_authority(doc, cab, ctx.classification, doc_date, ruleset))
    if archive.wrappers_found:
        from marklint.checks import review

        findings.extend(review.check(ctx, archive.wrappers))
    if ruleset.generic:
        from marklint.checks.generic import check_generic

        findings.extend(check_generic(ctx, ruleset))
    for slug, line, message in doc.notes:
        findings.append(ctx.finding(slug, (line, 1), message, None))
    if ocr is not None:
        findings = ocr_module.with_readings(ctx, findings, ocr)
    fixes.attach_fixes(ctx, findings)
    from marklint.archives import facts as document_facts

    facts = document_facts.document_facts(ctx, doc_date, cab is not None)
    facts.update(archival.facts(archive, ocr))
    del ctx, pages  # the marks are not needed any more: a big file's go before the findings are sorted
    findings = _configure(findings, ruleset, settings)
    generic = [(rule.code, rule.id) for rule in ruleset.generic]
    earned = suppressions.apply_suppressions(doc, findings, generic)  # suppression-unused, -missing-reason
    for finding in earned:
        finding.severity = ruleset.severity(finding.rule) or finding.severity
    findings += _configure(earned, ruleset, settings)
    if settings.show_source:
        _attach_source(doc, findings)
    findings.sort(key=Finding.sort_key)
    document_facts.add_finding_facts(facts, findings)
    return FileResult(
        path=doc.path, findings=findings, pages=len(doc.pages), ruleset=ruleset.name,
        notices=[notice] if notice else [], facts=facts,
    )


def _attach_source(doc: Document, findings: list[Finding]) -> None:
    """--show-source: the source line of each finding (for formats without a text source,
    the first line of the block at the finding's page and line)."""
    if doc.source is None:
        first_lines = {
            (page.number, block.line): block.text.split("\n", 1)[0] for page, block in doc.blocks()
        }
        for finding in findings:
            finding.source = first_lines.get((finding.page, finding.line))
        return
    for finding in findings:
        finding.source = doc.source_line(finding.line)


def _configure(findings: list[Finding], ruleset, settings: Settings) -> list[Finding]:
    """Drop the findings of rules the rule set turns off or the select/ignore lists exclude,
    and apply the configuration's severity overrides. Checks already give findings the rule
    set's severity (some cap it lower for a lesser form of a problem)."""
    overrides = dict(settings.severity)
    kept = []
    for finding in findings:
        if settings.select and not _matches(finding, settings.select):
            continue
        if settings.ignore and _matches(finding, settings.ignore):
            continue
        if finding.rule in overrides or finding.code in overrides:
            severity = overrides.get(finding.rule, overrides.get(finding.code))
            if severity is None:
                continue
            finding.severity = severity
        elif ruleset.severity(finding.rule) is None:
            continue
        kept.append(finding)
    return kept


def rules_that_run(settings: Settings) -> tuple[RuleDoc, ...]:
    """The rules (registered ones and the rule set's generic ones) that the command line's
    selection and rule set leave enabled, with their severities."""
    from marklint.checks.registry import RULES, RuleDoc

    ruleset, _ = resolve_ruleset(None if settings.rules == AUTO else settings.rules)
    overrides = dict(settings.severity)
    generic = [RuleDoc(rule.code, rule.id, rule.severity, rule.message) for rule in ruleset.generic]
    enabled = []
    for rule in [*RULES, *generic]:
        if settings.select and not _matches(rule, settings.select):
            continue
        if settings.ignore and _matches(rule, settings.ignore):
            continue
        severity = overrides.get(rule.slug, overrides.get(rule.code, ruleset.severity(rule.slug)))
        if severity is not None:
            enabled.append(rule.with_severity(severity))
    return tuple(enabled)


def lint_bytes(path: str, data: bytes, settings: Settings) -> FileResult:
    """Lint the contents of a file (or of stdin, named `path`)."""
    from marklint.config import ConfigError
    from marklint.readers import read_document
    from marklint.ruleset import RuleSetError

    try:
        settings = effective_settings(path, settings)
        ruleset, _ = resolve_ruleset(None if settings.rules == AUTO else settings.rules)
        breaks = ruleset.page_break_patterns + settings.page_break_patterns
        options = ReaderOptions(page_break_patterns=breaks, include_quotes=settings.include_quotes)
        doc = read_document(path, data, settings.input_format, options)
        del data  # when the caller holds no reference either, a big file's bytes go before the checks
        return lint_document(doc, settings)
    except (InputError, RuleSetError, ConfigError) as exc:
        return FileResult(path=path, error=str(exc))


def read_path(path: str) -> bytearray:
    """The bytes of the file at `path`; InputError with a one-line reason when it cannot be
    read. Pipes, sockets and devices are refused before opening (reading one could block or
    never end). A bytearray, so that the text reader can free a big file's bytes once it has
    decoded them (it empties the buffer)."""
    try:
        mode = os.stat(path).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise InputError("not a regular file (a pipe, socket or device)")
        with open(path, "rb") as handle:
            data = bytearray(os.fstat(handle.fileno()).st_size)
            view = memoryview(data)
            filled = 0
            while filled < len(data) and (count := handle.readinto(view[filled:])):
                filled += count
            view.release()
            del data[filled:]
            data.extend(handle.read())  # whatever was appended since the size was taken
            return data
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})") from None


def lint_path(path: str, settings: Settings) -> FileResult:
    """Read and lint one file; unreadable files become FileResult.error."""
    try:
        data = read_path(path)
    except InputError as exc:
        return FileResult(path=path, error=str(exc))
    return lint_bytes(path, data, settings)


def expand_paths(paths: list[str], settings: Settings, walked: list[str] | None = None) -> list[str]:
    """Files to lint: given files as they are, directories walked recursively (sorted) for
    files of a known format that pass the include/exclude globs (the command line's and the
    directory's configuration's). Missing paths are kept so that linting reports them.
    Every directory walked is appended to `walked` when given. Raises ConfigError for a
    malformed configuration."""
    from marklint.readers import EXTENSIONS

    files: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            files.append(path)
            continue
        settings = effective_settings(path, settings)
        for root, dirs, names in os.walk(path):
            if walked is not None:
                walked.append(root)
            dirs[:] = sorted(
                d for d in dirs if not d.startswith(".") and not _excluded(os.path.join(root, d), settings)
            )
            prefix = root if root.endswith(os.sep) else root + os.sep  # as os.path.join, once per directory
            for name in sorted(names):
                if os.path.splitext(name)[1].lower() not in EXTENSIONS:
                    continue
                full = prefix + name
                if settings.exclude and _excluded(full, settings):
                    continue
                if settings.include and not any(_glob(full, g) for g in settings.include):
                    continue
                files.append(full)
    return files


def _glob(path: str, pattern: str) -> bool:
    """Whether the path, or any trailing part of it (`a/b/c.txt`, `b/c.txt`, `c.txt`), matches
    the glob: so a pattern written relative to a configuration's directory or to the walked
    directory matches wherever that directory lies."""
    parts = path.replace(os.sep, "/").split("/")
    return any(fnmatch.fnmatch("/".join(parts[i:]), pattern) for i in range(len(parts)))


def _excluded(path: str, settings: Settings) -> bool:
    return any(_glob(path, g) for g in settings.exclude)


def lint_paths(paths: list[str], settings: Settings) -> list[FileResult]:
    """Lint files and directories (recursively), in a deterministic order."""
    return [lint_path(path, settings) for path in expand_paths(paths, settings)]
