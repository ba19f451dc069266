"""The lint pipeline: file -> reader -> Document -> recognizer -> checks -> Findings.

`lint_path(path, settings)` and `lint_bytes(path, data, settings)` are pure functions of picklable
arguments (worker processes and Dask call them). Every failure to read a file becomes
`FileResult.error`; nothing here prints.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain

from marklint.document import Document, InputError, ReaderOptions
from marklint.findings import FileResult, Finding, Severity
from marklint.values import FrozenValue

TYPE_CHECKING = False  # not typing's: a cached run imports neither typing nor the rule registry
if TYPE_CHECKING:
    from marklint.checks.registry import RuleDoc
    from marklint.dates import DateFound

AUTO = "auto"


class Settings(FrozenValue):
    """What the command line asks for; configuration files fill in what it leaves open.

    `rules` is a rule set name, a path or "auto" (None: the configuration's, else us-cnsi).
    `select`/`ignore` hold slugs, codes or code prefixes (`MK3`); `extend_select` adds to the
    selection, the command line's or else the configuration's. `formats` maps file extensions
    (`.note`) to reader names, besides marklint.readers.EXTENSIONS. `severity` maps a slug or
    code to a Severity or None (off). `require_banner` is "when-marked" or "always".
    `include_quotes` lints block quotes as portions (ReaderOptions.include_quotes; None: the
    configuration's, else true). `exempt` holds the configuration's extra administrative-element
    patterns (docs/structure.md). `use_config` False (`--isolated`) reads no configuration file;
    `config_file` is the one given with `--config` (used for every file instead of the discovered
    ones) and, in the effective settings of a file, the configuration file in use.
    `date` (`--date`) is the date of origin, overriding the one read from the document.
    `skip_speaker_notes` leaves slides' speaker notes out (ReaderOptions.skip_speaker_notes).
    `ocr` turns OCR tolerance on (True) or off (False); None leaves it to the collection of the
    document's archival wrapper. `collections` are extra archive collection files
    (`marklint.archives.collections`).
    Immutable and hashable: it keys the result cache and goes to worker processes.
    """

    _fields = ("rules", "select", "ignore", "severity", "require_banner", "page_break_patterns", "include",
               "exclude", "include_quotes", "exempt", "input_format", "show_source", "use_config",
               "config_file", "date", "skip_speaker_notes", "ocr", "collections", "extend_select", "formats")

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
        include_quotes: bool | None = None,
        exempt: tuple[str, ...] = (),
        input_format: str | None = None,
        show_source: bool = False,
        use_config: bool = True,
        config_file: str | None = None,
        date: date | None = None,
        skip_speaker_notes: bool = False,
        ocr: bool | None = None,
        collections: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        formats: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.__dict__.update(
            rules=rules, select=select, ignore=ignore, severity=severity, require_banner=require_banner,
            page_break_patterns=page_break_patterns, include=include, exclude=exclude,
            include_quotes=include_quotes, exempt=exempt, input_format=input_format, show_source=show_source,
            use_config=use_config, config_file=config_file, date=date, skip_speaker_notes=skip_speaker_notes,
            ocr=ocr, collections=collections, extend_select=extend_select, formats=formats,
        )

    def replace(self, **changes: object) -> Settings:
        """A copy with `changes` applied (as dataclasses.replace)."""
        return Settings(**{**self.__dict__, **changes})


def _matches(rule: RuleDoc | Finding, keys: tuple[str, ...]) -> bool:
    slug = rule.rule if isinstance(rule, Finding) else rule.slug
    return any(key == slug or rule.code.startswith(key.upper()) for key in keys)


def effective_settings(path: str, settings: Settings) -> Settings:
    """Settings for one file: the command line's, completed by the nearest configuration
    (`file_config`). The command line wins for the rule set and the banner
    requirement; select/ignore/severity/page-break/include/exclude lists are combined, and the
    configuration's per-file ignores whose glob matches `path` join the ignore list. The
    result's `select` includes `extend_select` (emptied, so that applying this again is harmless)."""
    config = file_config(path, settings)
    if config is None:
        return _extended(settings, settings.select)
    relative = os.path.relpath(os.path.abspath(path), config.root)
    per_file = tuple(
        key for pattern, keys in config.per_file_ignores.items()
        if _glob(relative, pattern) for key in keys
    )
    return _extended(settings, settings.select or tuple(config.select)).replace(
        rules=settings.rules or config.rules,
        formats=tuple(config.formats.items()) + settings.formats,
        ignore=settings.ignore + tuple(config.ignore) + per_file,
        severity=tuple(config.severity.items()) + settings.severity,
        require_banner=settings.require_banner or config.require_banner,
        page_break_patterns=tuple(config.page_break_patterns) + settings.page_break_patterns,
        include=settings.include + tuple(config.include),
        exclude=settings.exclude + tuple(config.exclude),
        include_quotes=config.include_quotes if settings.include_quotes is None else settings.include_quotes,
        exempt=tuple(config.exempt) + settings.exempt,
        config_file=config.path,
        skip_speaker_notes=settings.skip_speaker_notes or config.skip_speaker_notes,
        ocr=config.ocr if settings.ocr is None else settings.ocr,
        collections=settings.collections + tuple(config.archive_collections),
    )


def file_config(path: str, settings: Settings):
    """The `marklint.config.Config` that applies to `path` under `settings`: none with
    `--isolated`, the `--config` file when given, else the nearest one (`find_config`).
    Raises ConfigError."""
    if not settings.use_config:
        return None
    from marklint.config import explicit_config, find_config

    return explicit_config(settings.config_file) if settings.config_file else find_config(path)


def _extended(settings: Settings, select: tuple[str, ...]) -> Settings:
    """`settings` selecting `select` plus its `extend_select` (an empty selection is every rule,
    which nothing extends)."""
    if not settings.extend_select:
        return settings if select == settings.select else settings.replace(select=select)
    return settings.replace(select=select + settings.extend_select if select else (), extend_select=())


CUI_RULESET = "cui"


def resolve_ruleset(reference: str | None, origin: DateFound | None = None, cui_bannered: bool = False,
                    order: tuple[str, int, date] | None = None):
    """(RuleSet, notice) for a rule set reference; "auto" picks `cui` for a document whose
    banner is CUI (`cui_bannered`), else by the date of origin: the shipped set whose date range
    holds it; without a date, by the order an undated cable's authority line names (`order`,
    `marklint.dates.order_named`); else the banners-only set. The notice names the choice, the
    date and the line it came from."""
    from marklint.ruleset import DEFAULT_RULESET, UNDATED_RULESET, load_ruleset, select_ruleset_for_date

    if reference != AUTO:
        return load_ruleset(reference or DEFAULT_RULESET), None
    if cui_bannered:
        return load_ruleset(CUI_RULESET), f"--rules auto chose {CUI_RULESET} (the document's banner is CUI)"
    chosen = select_ruleset_for_date(origin.date) if origin is not None else None
    if origin is None and order is not None and (named := select_ruleset_for_date(order[2])) is not None:
        return named, f"--rules auto chose {named.name} (no document date; {order[0]} at line {order[1]})"
    if chosen is None:
        undated = load_ruleset(UNDATED_RULESET)
        why = f"no rule set covers {origin.describe()}" if origin else "no document date found"
        return undated, f"--rules auto: {why}; banner checks only (rule set {undated.name})"
    return chosen, f"--rules auto chose {chosen.name} (document dated {origin.describe()})"


_vocabularies: dict[tuple[str, ...], object] = {}


def _vocabulary(names: tuple[str, ...]) -> object:
    if not names:
        return None
    if names not in _vocabularies:
        from marklint.markings import load_vocabulary

        _vocabularies[names] = load_vocabulary(names)
    return _vocabularies[names]


def _numbered_lines(doc: Document, datable: bool = False) -> Iterator[tuple[int, str]]:
    """(line number, text) of the lines `marklint.dates.date_of_origin` reads: the first
    `_DATING_CHARS` characters of the source (a date of origin is near the top, and a big file
    must not be split whole), else every line of every block (DOCX, PDF, and HTML, whose source
    lines hold tags around a date line), after a message's own `Date:` header (the newest
    message of a thread: the quoted ones are older). With `datable`, of the source's lines only
    those that can hold a date (`datable_lines`)."""
    if doc.source is not None and doc.format != "html":
        import re

        from marklint.dates import datable_lines

        head = doc.source[:_DATING_CHARS]
        return datable_lines(head) if datable else enumerate(re.split(r"\r\n|\r|\n", head), 1)
    dated = [(field.at(0)[0], f"Date: {field.value}") for field in doc.metadata.get("headers", ())
             if field.name.lower() == "date"]
    lines = ((block.line + i, line) for _, block in doc.blocks() for i, line in enumerate(block.text.split("\n")))
    return chain(dated, lines)


_DATING_CHARS = 200_000


def dating(doc: Document, override: date | None = None, copy_lines: frozenset[int] = frozenset(), ocr: bool = False):
    """The document's Dating (`marklint.dates`); `override` (--date) replaces its origin.
    `copy_lines` are source lines whose dates are the copy's (the lines of an archival wrapper
    page such as a FOIA cover letter): they are not read. Other wrapper lines are: the date
    finder records a release or review stamp's date apart (`marklint.copydates`), and an
    identification form's DATE field is the document's own date. `ocr`: the copy is read with
    OCR tolerance (a date-time group's OCR slips are read)."""
    from marklint.dates import DateFound, Dating, date_of_origin

    lines = _numbered_lines(doc, datable=True)
    if copy_lines:
        lines = ((number, line) for number, line in lines if number not in copy_lines)
    found = date_of_origin(lines, ocr)
    if override is not None:
        return Dating(DateFound(override, 0, "override"), found.copy_dates)
    return found


_exemption_tests: dict[tuple[int, tuple[str, ...]], tuple[object, Callable[[str], str | None]]] = {}
_EXEMPTION_MEMO_LIMIT = 4096  # distinct first lines remembered per rule set (bounds memory)
_EXEMPTION_MEMO_CHARS = 200  # and only short ones: administrative lines are short, prose rarely recurs


def exemption_test(ruleset, extra: tuple[str, ...] = ()) -> Callable[[str], str | None]:
    """`exemption(first_line)` for a rule set: the name of the administrative element a
    block's first line is (a rule-set exempt pattern's name, "authority", "designation", or
    CONFIGURED for a pattern of the configuration's `exempt:` list, `extra`), or None.
    Memoised by line per rule set and list: dates, salutations and signatures recur from
    document to document, and each costs every pattern of the rule set."""
    entry = _exemption_tests.get((id(ruleset), extra))
    if entry is not None and entry[0] is ruleset:  # the entry holds the rule set: its id stays its own
        return entry[1]
    from marklint.checks.authority_block import is_authority_line
    from marklint.layout import CONFIGURED
    from marklint.userpattern import PatternSet, UserPattern

    # One set of every pattern, in the order they are tried: the rule set's exempt elements,
    # then (after the authority lines) its CUI designation lines and the configuration's list.
    names = [pattern.name for pattern in ruleset.portions.exempt]
    designations = len(names) + len(ruleset.cui.designation_patterns)
    patterns = PatternSet([pattern.regex for pattern in ruleset.portions.exempt + ruleset.cui.designation_patterns]
                          + [UserPattern.compile(pattern) for pattern in extra])  # validated with the configuration
    memo: dict[str, str | None] = {}

    def exempt(text: str) -> str | None:
        index = patterns.first(text)
        if index is not None and index < len(names):
            return names[index]
        if is_authority_line(text):
            return "authority"
        if index is None:
            return None
        return "designation" if index < designations else CONFIGURED

    def exemption(first_line: str) -> str | None:
        text = first_line.strip()
        if len(text) > _EXEMPTION_MEMO_CHARS:
            return exempt(text)
        found = memo.get(text, memo)
        if found is memo:
            if len(memo) >= _EXEMPTION_MEMO_LIMIT:
                memo.clear()
            found = memo[text] = exempt(text)
        return found

    _exemption_tests[(id(ruleset), extra)] = (ruleset, exemption)
    return exemption


def recognized(doc: Document, settings: Settings):
    """(CheckContext, notice, Dating, Archive, OCR readings or None): the document with its
    archival wrapper set aside (`marklint.archives`), its date, rule set (and --rules auto's
    notice), banners, portion marks and structure, as the checks (and `marklint explain`)
    see them."""
    from marklint import recognize
    from marklint.archives import archival
    from marklint.checks import context
    from marklint.dates import order_named

    pages_before = {page.number: page for page in doc.pages}
    archive = archival.set_wrappers_aside(doc, settings.collections)
    wrappers = archive.wrappers
    document_dated = ({  # the lines of wrapper pages whose dates are the document's (an identification form)
        block.line + row for number in wrappers.pages - wrappers.copy_dated for block in pages_before[number].blocks
        for row in range(block.text.count("\n") + 1)} | wrappers.document_dated) - wrappers.header_lines
    copy_lines = frozenset(line for line in wrappers.spans if wrappers.covers(line) and line not in document_dated)
    tolerant = bool(settings.ocr or (settings.ocr is None and archive.ocr))
    dates = dating(doc, settings.date, copy_lines, tolerant)
    origin = dates.origin
    auto = settings.rules == AUTO
    order = order_named(_numbered_lines(doc)) if auto and origin is None else None
    ruleset, notice = resolve_ruleset(settings.rules, origin, auto and _cui_bannered(doc), order)
    vocab = _vocabulary(ruleset.vocabulary)
    ocr = None
    if tolerant:
        from marklint.archives import ocr as ocr_module

        ocr = ocr_module.tolerate(doc, vocab)
    exemption = exemption_test(ruleset, settings.exempt)
    pages = recognize.recognize(doc, vocab, exemption)
    if ocr is not None:
        ocr_module.settle_edges(pages)
    ctx = context.CheckContext(doc, ruleset, vocab, pages, origin.date if origin is not None else None,
                               settings.require_banner or "when-marked", exemption,
                               wrappers if archive.wrappers_found else None, ocr, _dated_in_portion(origin, pages))
    return ctx, notice, dates, archive, ocr


def _dated_in_portion(origin, pages: list) -> bool:
    """Whether the date of origin was read inside a marked portion's sentence (`(S) ... On 4
    March 1999 the board ...`) for want of a date of the document's own: an event it reports,
    so the document is no older, but may be much younger."""
    if origin is None or origin.kind != "text":
        return False
    return any(mark.block.line <= origin.line <= mark.block.line + mark.block.text.count("\n")
               for page in pages for mark in page.portions)


def lint_document(doc: Document, settings: Settings = Settings()) -> FileResult:
    """Run every check on a Document and return its findings (severity, selection and
    suppressions applied). `settings` must already hold the file's configuration."""
    # Imported here, on first use, to keep start-up small; two statements, as each import
    # statement costs about a microsecond per document even when the module is loaded.
    from marklint import summary, suppressions
    from marklint.excerpt import redact
    from marklint.checks.authority import authority_block
    from marklint.checks.run import attach_fixes, run_checks

    ctx, notice, dates, archive, ocr = recognized(doc, settings)
    ruleset, pages = ctx.ruleset, ctx.pages
    findings = run_checks(ctx)
    cab = ctx.fact(authority_block)
    if ruleset.generic:
        from marklint.checks.generic import check_generic

        findings.extend(check_generic(ctx, ruleset))
    if ocr is not None:
        from marklint.archives import ocr as ocr_module

        findings = ocr_module.legible(findings, ocr)
    attach_fixes(ctx, findings)
    ctx.forget_facts()
    from marklint.archives import archival

    why = notice or ("named by --rules or the configuration" if settings.rules else "the default rule set")
    facts = summary.document_facts(ctx, dates, why, cab)
    facts.update(archival.facts(archive, ocr))
    del ctx, pages  # the marks are not needed any more: a big file's go before the findings are sorted
    findings = _configure(findings, ruleset, settings)
    generic = [(rule.code, rule.id) for rule in ruleset.generic]
    earned = suppressions.apply_suppressions(doc, findings, generic)  # suppression-unused, -missing-reason
    for finding in earned:
        finding.severity = ruleset.severity(finding.rule) or finding.severity
    findings += _configure(earned, ruleset, settings)
    for finding in findings:
        redact(finding)
    if settings.show_source:
        _attach_source(doc, findings)
    locations = doc.metadata.get("locations")
    if locations:
        _attach_locations(locations, findings)
    findings.sort(key=Finding.sort_key)
    summary.add_finding_facts(facts, findings)
    return FileResult(
        path=doc.path, findings=findings, pages=len(doc.pages), ruleset=ruleset.name,
        notices=([notice] if notice else []) + list(doc.metadata.get("notices", ())),
        config=settings.config_file, facts=facts,
    )


def _cui_bannered(doc: Document) -> bool:
    """Whether the document's first content line is a CUI banner (`CUI`, `CUI//SP-PRVCY`,
    `CONTROLLED`): a banner whose level is CUI, not a classified banner carrying CUI."""
    from marklint.document import BlockKind
    from marklint.mark_strings import banner_of

    for _, block in doc.blocks():
        if block.kind is BlockKind.COMMENT:
            continue
        found = banner_of(block.text.strip()) if "\n" not in block.text else None
        return found is not None and found[1].marking is not None and found[1].marking.level == "CUI"
    return False


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


def _attach_locations(locations: dict[tuple[int, int], str], findings: list[Finding]) -> None:
    """Name the place of each finding from the reader's (page, line) -> location table
    (`Document.metadata["locations"]`, for slides and sheets). Findings about the whole
    document (no page) keep their messages' own naming."""
    for finding in findings:
        finding.location = locations.get((finding.page, finding.line))


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

    settings = _extended(settings, settings.select)
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
    from marklint.errors import VocabularyError
    from marklint.ruleset import RuleSetError

    try:
        settings = effective_settings(path, settings)
        doc = read_bytes(path, data, settings)
        del data  # when the caller holds no reference either, a big file's bytes go before the checks
        return lint_document(doc, settings)
    except (InputError, RuleSetError, ConfigError, VocabularyError) as exc:
        return FileResult(path=path, error=str(exc))


def read_bytes(path: str, data: bytes, settings: Settings) -> Document:
    """Read the contents of a file into a Document as linting does (the rule set's and the
    configuration's page breaks; `settings` must already hold the file's configuration).
    Raises InputError or RuleSetError."""
    from marklint.readers import read_document

    # A rule set named by --rules or the configuration gives the page breaks and the banners
    # that end a page; `auto` chooses among sets that share the default's banner words.
    ruleset, _ = resolve_ruleset(None if settings.rules == AUTO else settings.rules)
    breaks = ruleset.page_break_patterns + settings.page_break_patterns
    options = ReaderOptions(page_break_patterns=breaks, include_quotes=settings.include_quotes is not False,
                            skip_speaker_notes=settings.skip_speaker_notes, vocabulary=_vocabulary(ruleset.vocabulary))
    return read_document(path, data, reader_for(path, settings), options)


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


def reader_for(path: str, settings: Settings) -> str | None:
    """The reader `path` is read with when the settings name one (--format-in, or the
    configuration's `formats` for its extension); None: by extension (marklint.readers)."""
    if settings.input_format or not settings.formats:
        return settings.input_format
    return dict(settings.formats).get(os.path.splitext(path)[1].lower())


def expand_paths(paths: list[str], settings: Settings, unreadable: list[FileResult] | None = None,
                 force_exclude: bool = False) -> list[str]:
    """Files to lint: given files as they are (unless `force_exclude` and an exclude glob
    matches them), directories walked recursively (sorted) for files of a known format (or
    one the configuration's `formats` maps) that pass the include/exclude globs (the command
    line's and the directory's configuration's). Missing paths are kept so that linting
    reports them. A directory that cannot be read while walking is appended to `unreadable`
    as a FileResult with an error (the walk goes on). Raises ConfigError for a malformed
    configuration."""
    from marklint.readers import EXTENSIONS

    files: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            if not (force_exclude and _excluded(path, effective_settings(path, settings))):
                files.append(path)
            continue
        local = effective_settings(path, settings)
        known = EXTENSIONS.keys() | dict(local.formats).keys()

        def report(error: OSError) -> None:
            if unreadable is not None:
                reason = "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error))
                unreadable.append(FileResult(path=error.filename or path, error=f"cannot read the directory ({reason})"))

        for root, dirs, names in os.walk(path, onerror=report):
            dirs[:] = sorted(
                d for d in dirs if not d.startswith(".") and not _excluded(os.path.join(root, d), local)
            )
            prefix = root if root.endswith(os.sep) else root + os.sep  # as os.path.join, once per directory
            for name in sorted(names):
                if os.path.splitext(name)[1].lower() not in known:
                    continue
                full = prefix + name
                if local.exclude and _excluded(full, local):
                    continue
                if local.include and not any(_glob(full, g) for g in local.include):
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

