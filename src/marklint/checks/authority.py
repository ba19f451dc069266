"""The classification authority block (CAB): checking it (C-01..C-15, C-18, L-02..L-04).

The block is found and its lines read by `marklint.checks.authority_block`; a label read as
the one it resembles (`Declass On:`) is reported here as a warning.

A fact-finder: the block is read, and checked against the rule set's `authority` section (see
marklint.ruleset.AuthorityPolicy), once per document; each authority rule's module
(`marklint.checks.rules.cab_*`, and legacy-marking for older eras' lines) reports its problems.
"""

from __future__ import annotations

import re
from datetime import date

from marklint.checks.authority_block import LABELS, AuthorityBlock, CabLine, find_authority_block
from marklint.dates import add_years, parse_date, parse_yyyymmdd
from marklint.document import Block, BlockKind, Document
from marklint.findings import Finding, Severity
from marklint.values import FrozenValue

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from collections.abc import Callable

    from marklint.checks.context import CheckContext
    from marklint.checks.rule import RuleDoc
    from marklint.markings import Marking
    from marklint.ruleset import RuleSet


_EXEMPTION_RE = (
    r"(?P<codes>(?P<family>25|50|75)X(?P<digit>[1-9])?(?:[ ,;]{1,3}(?:25|50|75)X[1-9]){0,8})"
    r"(?:\s*[,;]\s*|\s+)?(?P<rest>.*)"
)
_CODE_RE = r"(?:25|50|75)X[1-9]?"
_HUM_WMD_RE = r"(?P<code>50X1-HUM|50X2-WMD)(?P<rest>.*)"
_EO12951_RE = r"25X1,?\s*E\.?O\.?\s*12951"
_AEA_NATO_RE = r"N/A to [A-Z/ ,]{2,40} portions\.?\s*See source list for NSI portions\.?"
_NUMERIC_DATE_RE = r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}"
# The cable label `DECL:` (`E.O. 12958: DECL: 03/15/2015`) takes the cable's own date forms.
_CABLE_DECL_RE = r"decl(?:\s+on)?"
_HAS_DATE_RE = r"\b(?:\d{8}|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})\b"
_AEA_IDS = frozenset({"RD", "FRD", "TFNI"})




def _is_classified(marking: Marking | None) -> bool:
    return marking is not None and marking.is_classified


def _commingled(marking: Marking | None) -> str | None:
    """"RD/FRD/TFNI" or "NATO" when the document carries AEA or NATO information (C-14)."""
    if marking is None:
        return None
    if any(item.id in _AEA_IDS for item in marking.aea):
        return "RD/FRD/TFNI"
    if marking.scheme == "nato" or "NATO" in (marking.fgi or ()):
        return "NATO"
    return None


def _anchor(doc: Document) -> tuple[int, int, int]:
    """(line, column, page) of the document's first content block (its top banner), or 1:1."""
    for page in doc.pages:
        for block in page.blocks:
            if block.kind is not BlockKind.COMMENT and block.text.strip():
                return block.line, block.column, page.number
    return 1, 1, 1


class AuthorityProblem(FrozenValue):
    """One problem of the authority block: the rule (slug) it breaks, where, and the severity
    the rule set gives it (capped lower for a lesser form of the problem)."""

    _fields = ("rule", "line", "column", "end_column", "page", "severity", "message")

    def __init__(self, rule: str, line: int, column: int, end_column: int | None, page: int, severity: Severity,
                 message: str) -> None:  # end_column defaults to column, as a Finding's
        self.__dict__.update(rule=rule, line=line, column=column, end_column=column if end_column is None else end_column, page=page,
                             severity=severity, message=message)


class _Emitter:
    """Collects problems with the rule set's severities (rules the set turns off are dropped)."""

    def __init__(self, doc: Document, ruleset: RuleSet) -> None:
        self.doc = doc
        self.ruleset = ruleset
        self.findings: list[AuthorityProblem] = []

    def at(self, slug: str, line: int, column: int, page: int, message: str,
           end_column: int | None = None, cap: Severity | None = None) -> None:
        severity = self.ruleset.severity(slug)
        if severity is None:
            return
        severity = min(severity, cap) if cap is not None else severity
        self.findings.append(AuthorityProblem(slug, line, column, end_column, page, severity, message))

    def value(self, slug: str, cab_line: CabLine, message: str, cap: Severity | None = None) -> None:
        self.at(slug, cab_line.value_line, cab_line.value_column, cab_line.page, message,
                cab_line.value_column + len(cab_line.value), cap)


def check_authority(doc: Document, cab: AuthorityBlock | None, overall: Marking | None,
                    doc_date: date | None, ruleset: RuleSet, legacy_day: date | None = None,
                    date_in_text: bool = False) -> list[AuthorityProblem]:
    """Check the authority block against the document's overall marking and the rule set.

    `overall` is the parsed overall banner (None when the document has none); `doc_date` is
    the date of origin (limits are counted from it; without it they are not checked; when
    `date_in_text`, it was read in a portion's sentence, an event the document may be written
    long after, so a value may fall before it but is not judged too late by it);
    `legacy_day` the day older forms are judged on (default: `doc_date`, else the rule set's
    `undated_day`). Problems carry the rule set's severities.
    """
    out = _Emitter(doc, ruleset)
    policy = ruleset.authority
    if not _is_classified(overall):
        if cab is not None:
            first = cab.lines[0]
            what = "an unclassified" if overall is not None else "an unmarked"
            out.at("cab-unexpected", first.line, first.column, first.page,
                   f"classification authority block on {what} document (C-01)")
        return out.findings
    if cab is None:
        if policy.required_on(doc_date):
            line, column, page = _anchor(doc)
            out.at("cab-missing", line, column, page,
                   "classified document has no classification authority block "
                   "(Classified By / Derived From / Declassify On) (C-01)")
        return out.findings
    for cab_line in cab.lines:
        if cab_line.lookalike:
            out.at("cab-incomplete", cab_line.line, cab_line.column, cab_line.page,
                   f"unknown authority-block label '{cab_line.label}:'; "
                   f"did you mean '{LABELS[cab_line.key]}'? (C-18)",
                   cab_line.column + len(cab_line.label) + 1, cap=Severity.WARNING)
    _legacy_forms(out, cab, legacy_day or doc_date or ruleset.undated_day())
    if not policy.required_on(doc_date):
        return out.findings
    _check_required(out, cab, policy)
    if policy.classifier_identity == "name-and-position":
        for line in cab.all("classified-by"):
            if line.form is None and _name_only(line.value):
                out.value("cab-incomplete", line,
                          "Classified By names a person but no position or office; give both, or a "
                          "personal identifier (C-02)")
    review = next((line for line in cab.all("review-on") if line.value), None)
    if review is not None:
        _check_review(out, review, policy, doc_date, date_in_text)
    schedule = next((line for line in cab.all("gds") if line.value), None)
    if schedule is not None and doc_date is not None:
        _check_gds_year(out, schedule, doc_date, date_in_text)
    if cab.derivative:
        for reason in cab.all("reason"):
            if policy.reason_on_derivative is not None:
                out.at("cab-incomplete", reason.line, reason.column, reason.page,
                       "a derivative authority block does not carry the original Reason forward (C-04)",
                       cap=policy.reason_on_derivative)
    else:
        for reason in cab.all("reason"):
            if reason.value and not policy.reason_pattern.match(_reason_normal(reason.value)):
                out.value("cab-reason-invalid", reason,
                          f"{_shown('Reason', reason.value)} is not 1.4 plus one or more of the letters (a)..(h), "
                          "e.g. '1.4(c)' (C-03)")
    declassify = [line for line in cab.all("declassify-on") if line.value]
    if len(declassify) > 1:
        extra = declassify[1]
        out.at("cab-declassify-invalid", extra.line, extra.column, extra.page,
               "more than one Declassify On line; the block takes exactly one value (C-06)")
    if declassify:
        _check_declassify(out, declassify[0], policy, overall, doc_date, date_in_text)
    return out.findings


def _check_required(out: _Emitter, cab: AuthorityBlock, policy) -> None:
    required = policy.derivative if cab.derivative else policy.original
    kind = "derivative" if cab.derivative else "original"
    first = cab.lines[0]
    for entry in required:
        keys = entry.split("|")  # any one of them
        present = [line for key in keys for line in cab.all(key)]
        shown = LABELS[keys[0]] if len(keys) == 1 else " or ".join(LABELS[key][:-1] for key in keys)
        if not present:
            needs = ", ".join(" or ".join(LABELS[k][:-1] for k in e.split("|")) for e in required)
            # a block with neither a Reason nor a source may be a derivative one that lost its source line
            source = "" if cab.derivative or "derived-from" not in policy.derivative else \
                f" and no {LABELS['derived-from']} line (derivative classification)"
            out.at("cab-incomplete", first.line, first.column, first.page,
                   f"authority block has no {shown} line ({kind} classification needs {needs}){source} (C-02..C-05)")
        elif not any(line.value or line.key in _VALUELESS or line.form is not None for line in present):
            # (a cable's abbreviated label at the end of a line has its value on the next one)
            line = present[0]
            out.at("cab-incomplete", line.line, line.column, line.page,
                   f"{shown} line is empty (C-02..C-05)")


_VALUELESS = ("group", "exempt", "telegram")  # a legend or a telegram's E.O. line is complete without a value
_NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?|[A-Z]\.)"
# A title with the name is the position (`Ambassador Eric Edelman`, `Political Counselor Robert Ford`).
_TITLE_WORD = (r"\b(?:Ambassador|Charg[eé]|Consul|Counselor|Minister|Secretary|Director|Acting|Deputy|Chief|Admiral"
               r"|General|Officer|Attach[eé]|Commander|Coordinator|Manager|Adviser|Advisor|Analyst)\b")
_NAME_ONLY_RE = rf"(?!.*{_TITLE_WORD})(?:(?:Mr|Ms|Mrs|Dr)\.?\s)?{_NAME_WORD}(?:\s{_NAME_WORD}){{1,3}}"


def _name_only(value: str) -> bool:
    """A personal name with no position or office (`J. Smith`, `Jane Q. Smith`): C-02 asks
    for the name and the position, or a personal identifier (which holds digits or symbols)."""
    return re.compile(_NAME_ONLY_RE).fullmatch(value.strip().rstrip(".")) is not None


def _legacy_forms(out: _Emitter, cab: AuthorityBlock, day: date) -> None:
    """legacy-marking for authority lines written in an older era's form after that form was
    retired on `day` (`CL BY` in a 2015 document; a Group legend after 1972)."""
    for line in cab.lines:
        form = line.form
        if form is None or form.current_on(day):
            continue
        out.at("legacy-marking", line.line, line.column, line.page,
               f"'{form.written}' is a legacy authority line ({form.name.replace('-', ' ')}, current until "
               f"{form.until.isoformat()}); write {form.modern}", line.column + len(line.label))


def _reason_normal(value: str) -> str:
    """A reason as the rule set's pattern reads it: letters in lower case, joined without the
    commas, spaces and `and` that cables write between them (`1.4 (b) and (d).` is `1.4(b)(d)`)."""
    value = value.rstrip(" .").lower()
    if not value.startswith("1."):
        return value
    return re.sub(r"\)[\s,]*(?:and[\s,]*)?(?=\()", ")", re.sub(r"^1\.(\d)\s+\(", r"1.\1(", value))


def _check_review(out: _Emitter, line: CabLine, policy, doc_date: date | None, date_in_text: bool) -> None:
    """EO 12065 sec. 1-402: a review date no more than `max-years.review` after classification."""
    if _out_of_time(out, line, line.value, policy, doc_date, date_in_text):
        return
    limit = policy.max_years.get("review")
    day = parse_date(line.value)
    if limit is None or doc_date is None or day is None or date_in_text:
        return
    latest = add_years(doc_date, limit)
    if day > latest:
        out.value("cab-declassify-too-late", line,
                  f"review date {day.isoformat()} is more than {limit} years after the document's date "
                  f"{doc_date.isoformat()} (latest {latest.isoformat()}) (EO 12065 sec. 1-402)")


_GDS_YEARS = 10  # EO 11652 sec. 5(A): Top Secret declassified at the end of the tenth full calendar year


def _check_gds_year(out: _Emitter, line: CabLine, doc_date: date, date_in_text: bool) -> None:
    """EO 11652's General Declassification Schedule with its year (`GDS 1984`): after the
    document's own year and at most ten years on (not judged when `date_in_text`)."""
    written = re.compile(r"(19|20)\d\d").fullmatch(line.value)
    if written is None:
        return
    year = int(written.group(0))
    if year < doc_date.year:
        out.value("cab-declassify-invalid", line,
                  f"GDS {year} is before the document's own year {doc_date.year} (EO 11652 sec. 5(A))")
    elif year > doc_date.year + _GDS_YEARS and not date_in_text:
        out.value("cab-declassify-too-late", line,
                  f"GDS {year} is more than {_GDS_YEARS} years after the document's year {doc_date.year}; the "
                  "schedule declassified even Top Secret at the end of the tenth full year (EO 11652 sec. 5(A))")


def _out_of_time(out: _Emitter, line: CabLine, value: str, policy, doc_date: date | None,
                 date_in_text: bool) -> bool:
    """Whether the line's value is one of the rule set's retired values (OADR, X1..X8, MR ...),
    reported when the document's date is before the value came in (unless `date_in_text`: the
    document may be younger) or after it was retired."""
    what = "Review On" if line.key == "review-on" else "Declassify On"
    for retired in policy.retired:
        found = retired.regex.search(value)
        if found:
            if doc_date is not None and doc_date < (retired.valid_from or doc_date) and not date_in_text:
                out.value("cab-declassify-invalid", line,
                          f"{what} '{found.group(0)}' was not yet in use: valid only on documents dated "
                          f"from {retired.valid_from.isoformat()} (L-01, L-04)")
                return True
            if retired.valid_until is not None and doc_date is not None and doc_date <= retired.valid_until:
                return True
            when = (f"valid only on documents dated on or before {retired.valid_until.isoformat()}"
                    if retired.valid_until else "never valid")
            use = f"; use {retired.replacement}" if retired.replacement else ""
            out.value("cab-declassify-invalid", line,
                      f"{what} '{found.group(0)}' is a retired value, {when}{use} (C-15, L-04)")
            return True
    return False


def _check_declassify(out: _Emitter, line: CabLine, policy, overall: Marking | None,
                      doc_date: date | None, date_in_text: bool) -> None:
    value = line.value
    if value.startswith("(") and value.endswith(")"):  # State cables: `DECL: (11/27/26)`
        value = value[1:-1].strip()
    shapes = policy.declassify_shapes
    if _out_of_time(out, line, value, policy, doc_date, date_in_text):
        return
    commingled = _commingled(overall)
    if re.compile(_AEA_NATO_RE, re.IGNORECASE).fullmatch(value):
        _shape_allowed(out, line, "aea-nato", shapes)
        return
    if commingled is not None and "aea-nato" in shapes:
        out.value("cab-declassify-invalid", line,
                  f"a document with {commingled} information takes no declassification date or event: "
                  f"'N/A to {commingled} portions. See source list for NSI portions.' (C-14)")
        return
    special = re.compile(_HUM_WMD_RE, re.IGNORECASE).fullmatch(value)
    if special:
        if special.group("rest").strip(" ,;"):
            out.value("cab-declassify-invalid", line,
                      f"{special.group('code').upper()} takes no date or event (C-10)")
        else:
            _shape_allowed(out, line, special.group("code").lower(), shapes)
        return
    if re.compile(_EO12951_RE, re.IGNORECASE).fullmatch(value):
        _shape_allowed(out, line, "eo12951", shapes)
        return
    exemption = re.compile(_EXEMPTION_RE, re.IGNORECASE).fullmatch(value)
    if exemption and (exemption.group("digit") or exemption.group("family") == "75"):
        if not _shape_allowed(out, line, "exemption", shapes):
            return
        family = f"{exemption.group('family')}x"
        rest = exemption.group("rest").strip()
        code = exemption.group("codes").upper()
        if len(re.compile(_CODE_RE).findall(code)) > 1:
            out.value("cab-declassify-invalid", line,
                      f"several exemptions ({code}) on one Declassify On line; the IC register "
                      "allows a single value (C-06)", cap=Severity.WARNING)
        if not rest:
            out.value("cab-declassify-invalid", line,
                      f"exemption {code} needs a date or event: '{code}, YYYYMMDD' (C-11, C-12)")
            return
        _check_date_or_event(out, line, rest, family, policy, doc_date, date_in_text, shapes, exemption_code=code)
        return
    _check_date_or_event(out, line, value, "date", policy, doc_date, date_in_text, shapes)


_SHOWABLE_RE = r"[A-Za-z0-9][A-Za-z0-9 ,./()\-]{0,31}"
_WORD_RE = r"[a-z]{3}"


def _shown(label: str, value: str) -> str:
    """`label 'value'` when the value is a short code such as `OADR` or `1.5(c)`; only the label
    when it is free text (an event, a phrase), which may itself be sensitive (content safety)."""
    if re.compile(_SHOWABLE_RE).fullmatch(value) and not re.compile(_WORD_RE).search(value):
        return f"{label} '{value}'"
    return f"{label} value"


def _shape_allowed(out: _Emitter, line: CabLine, shape: str, shapes) -> bool:
    if shape in shapes:
        return True
    out.value("cab-declassify-invalid", line,
              f"{_shown('Declassify On', line.value)} ({shape}) is not allowed by rule set {out.ruleset.name} (C-06)")
    return False


def _check_date_or_event(out: _Emitter, line: CabLine, text: str, family: str, policy,
                         doc_date: date | None, date_in_text: bool, shapes, exemption_code: str = "") -> None:
    day = parse_yyyymmdd(text)
    if day is None and text.isdigit() and len(text) == 8:
        out.value("cab-declassify-invalid", line, f"'{text}' is not a valid date (C-07)")
        return
    if day is None and re.compile(_NUMERIC_DATE_RE).fullmatch(text):
        if policy.numeric_dates == "yyyymmdd" and not re.compile(_CABLE_DECL_RE, re.IGNORECASE).fullmatch(line.label):
            fixed = parse_date(text)
            hint = f" ({fixed.strftime('%Y%m%d')})" if fixed else ""
            out.value("cab-declassify-invalid", line,
                      f"numeric date '{text}' must be written YYYYMMDD{hint} (C-07)")
            return
        day = parse_date(text)
        if day is None:
            out.value("cab-declassify-invalid", line, f"'{text}' is not a valid date (C-07)")
            return
    if day is None:
        day = parse_date(text)
        if day is not None and policy.numeric_dates == "yyyymmdd" \
                and not re.compile(_CABLE_DECL_RE, re.IGNORECASE).fullmatch(line.label):
            out.value("cab-declassify-invalid", line, f"date '{text}' is spelled out: write it "
                      f"{day.strftime('%Y%m%d')} (C-07)", cap=Severity.WARNING)
    if day is None:
        if re.compile(_HAS_DATE_RE).search(text) or parse_date(text.split(" or ")[0]) is not None:
            out.value("cab-declassify-invalid", line,
                      f"{_shown('Declassify On', line.value)} holds more than one value; give exactly one "
                      "date or event (C-06)")
            return
        _shape_allowed(out, line, "event", shapes)
        return
    if not exemption_code and not _shape_allowed(out, line, "date", shapes):
        return
    what = f"{exemption_code} date" if exemption_code else "declassification date"
    if doc_date is not None and day < doc_date:
        out.value("cab-declassify-invalid", line,
                  f"{what} {day.strftime('%Y%m%d')} is before the document's date {doc_date.isoformat()}: "
                  "the information would be declassified before it was classified (C-08)")
        return
    limit = policy.max_years.get(family)
    if limit is None or doc_date is None or date_in_text:
        return
    latest = add_years(doc_date, limit)
    if day > latest:
        out.value("cab-declassify-too-late", line,
                  f"{what} {day.strftime('%Y%m%d')} is more than {limit} years after the document's "
                  f"date {doc_date.isoformat()} (latest {latest.strftime('%Y%m%d')}) (C-08)")



def authority_block(ctx: CheckContext) -> AuthorityBlock | None:
    """The document's authority block (a fact: `ctx.fact(authority_block)`); a quoted or
    forwarded message below it keeps its own; in a scanned copy (OCR tolerance on) a form's
    blank printed labels yield to an authority typed later."""
    return find_authority_block(ctx.doc, lambda block: is_quoted_message_header(ctx, block), ctx.ocr is not None)


def is_quoted_message_header(ctx: CheckContext, block: Block) -> bool:
    """Whether a block opens a quoted or forwarded message (the rule set's `forward-header`
    pattern: `-----Original Message-----`, `On ... wrote:`, `Begin forwarded message:`)."""
    return ctx.exemption(block.text.split("\n", 1)[0]) == "forward-header"


def claimed(ctx: CheckContext) -> Marking | None:
    """The classification the authority block answers for: the document's marking, or its
    highest portion when that is classified and the marking is not (a CUI or UNCLASSIFIED
    banner over an (S) portion still needs the block the classified portion needs)."""
    marking = ctx.classification
    highest = ctx.max_portion()
    if highest is not None and highest.marking.is_classified and (marking is None or not marking.is_classified):
        return highest.marking
    return marking


def authority_problems(ctx: CheckContext) -> list[AuthorityProblem]:
    """Every problem of the document's authority block (a fact: `ctx.fact(authority_problems)`)."""
    return check_authority(ctx.doc, ctx.fact(authority_block), claimed(ctx), ctx.date, ctx.ruleset, ctx.legacy_day(),
                           ctx.date_in_text)


def judged(ctx: CheckContext, rule: RuleDoc) -> list[Finding]:
    """The findings of one authority rule: the block's problems of that rule."""
    return [Finding(path=ctx.doc.path, line=p.line, column=p.column, code=rule.code, rule=p.rule,
                    severity=p.severity, message=p.message, end_column=p.end_column, page=p.page)
            for p in ctx.fact(authority_problems) if p.rule == rule.slug]


def problems_of_rule(rule: RuleDoc) -> Callable[[CheckContext], list[Finding]]:
    """The `check` of an authority rule that reports the block's problems of that rule."""
    return lambda ctx: judged(ctx, rule)
