from __future__ import annotations

from typing import NamedTuple

from marklint.checks.context import CheckContext
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding
from marklint.markings import epms
from marklint.markings.allied_render import render

TYPE_CHECKING = False  # not typing's (see marklint.markings.scheme_reader)
if TYPE_CHECKING:
    from marklint.readers.email import HeaderField

RULE = RuleDoc(
    "MK707", "email-protective-marking", ERROR,
    "an Australian e-mail whose [SEC=...] subject marking or X-Protective-Marking header is missing, malformed or disagrees",
    why="A-09 (AUS-EPMS s.6, s.7.1 Tables 1-2, s.8 Tables 3-17): an Australian Government e-mail carries its protective marking twice, in the subject (`[SEC=PROTECTED, CAVEAT=RI:AUSTEO]`) and in the `X-Protective-Marking` header (`VER=2024.1, NS=gov.au, SEC=PROTECTED, CAVEAT=RI:AUSTEO, ORIGIN=<address>`). Tags and values are case-sensitive (`OFFICIAL:Sensitive`, `TOP-SECRET`), the elements come in the standard's order, EXPIRES= and DOWNTO= go together with DOWNTO= below SEC=, caveats need PROTECTED or higher (NATIONAL-CABINET OFFICIAL:Sensitive), ACCESS= markers OFFICIAL:Sensitive or higher; at most one marking in the subject and one header, of at most 998 ASCII characters. The two must agree (the header wins), and say what the body's highest marking says. Under a rule set whose scheme defines an e-mail marking (`au`); e-mail (.eml) only.",
    bad="From: jane.citizen@agency.gov.au\nTo: desk@agency.gov.au\nSubject: Budget figures [SEC=OFFICIAL]\nX-Protective-Marking: VER=2024.1, NS=gov.au, SEC=PROTECTED, ORIGIN=jane.citizen@agency.gov.au\n\nPROTECTED\n\nThe figures for the next quarter are attached.\n\nPROTECTED\n",
    good="From: jane.citizen@agency.gov.au\nTo: desk@agency.gov.au\nSubject: Budget figures [SEC=PROTECTED]\nX-Protective-Marking: VER=2024.1, NS=gov.au, SEC=PROTECTED, ORIGIN=jane.citizen@agency.gov.au\n\nPROTECTED\n\nThe figures for the next quarter are attached.\n\nPROTECTED\n",
    example_format="email",
    example_rules="au",
)


class _Read(NamedTuple):
    """A marking read from a header field: the field, the marking, and the offset in the
    field's value the marking was read from (its offsets count from there)."""

    field: HeaderField
    marking: epms.EmailMarking
    base: int

    def at(self, offset: int) -> tuple[int, int]:
        """The (line, column) in the file of the marking's character at `offset`."""
        return self.field.at(self.base + offset)


def _fields(ctx: CheckContext, name: str) -> list[HeaderField]:
    return [f for f in ctx.doc.metadata.get("headers", ()) if f.name.lower() == name.lower()]


def _read_subject(ctx: CheckContext, subject: HeaderField, findings: list[Finding]) -> _Read | None:
    """The subject's marking, read from inside its brackets, reporting a second marking or a
    missing bracket; None without a subject marking."""
    found = epms.subject_markings(subject.value)
    if not found:
        return None
    start, end, closed = found[0]
    if not closed:
        findings.append(ctx.finding(RULE, subject.at(start), "the subject marking is not closed with ]", 1))
    for extra, _, _ in found[1:]:
        findings.append(ctx.finding(RULE, subject.at(extra), "a second marking in the subject (at most one)", 1))
    inside = start + 1
    return _Read(subject, epms.read(subject.value[inside:end], ctx.vocab.allied, header=False), inside)


def _problems(ctx: CheckContext, read: _Read, where: str) -> list[Finding]:
    return [ctx.finding(RULE, read.at(offset), f"{where}: {message} (A-09)", 1)
            for offset, message in read.marking.problems]


def _body_marking(ctx: CheckContext):
    """The body's highest marking: its overall banner or the roll-up of its paragraphs,
    whichever is higher (None when the body is unmarked)."""
    scheme = ctx.vocab.allied.id
    found = [m for m in (ctx.overall_marking, ctx.document_rollup) if m is not None and m.scheme == scheme]
    return max(found, key=lambda m: m.rank, default=None)


def check(ctx: CheckContext) -> list[Finding]:
    """The e-mail protective marking (A-09) of a message under a scheme that defines one."""
    scheme = ctx.vocab.allied
    if ctx.doc.format != "email" or scheme is None or scheme.email is None:
        return []
    findings: list[Finding] = []
    subjects = _fields(ctx, "Subject")
    subject = _read_subject(ctx, subjects[0], findings) if subjects else None
    headers = _fields(ctx, epms.HEADER)
    for extra in headers[1:]:
        findings.append(ctx.finding(RULE, extra.at(0), f"a second {epms.HEADER} header (at most one)", 1))
    header = _Read(headers[0], epms.read(headers[0].value, scheme, header=True), 0) if headers else None
    if subject is None and header is None:
        where = subjects[0].at(0) if subjects else (1, 1)
        return [ctx.finding(RULE, where, f"no protective marking: no [SEC=...] in the subject and no {epms.HEADER} header", 1)]
    if subject is not None:
        findings += _problems(ctx, subject, "subject marking")
        if header is None:
            findings.append(ctx.finding(RULE, subject.at(-1), f"no {epms.HEADER} header (the subject has a marking)", 1))
    if header is not None:
        findings += _problems(ctx, header, epms.HEADER)
        if subject is None:
            where = subjects[0].at(0) if subjects else header.at(0)
            findings.append(ctx.finding(RULE, where, f"no [SEC=...] marking in the subject (the {epms.HEADER} header has one)", 1))
        elif subject.marking.meaning() != header.marking.meaning() and None not in (subject.marking.level, header.marking.level):
            findings.append(ctx.finding(
                RULE, subject.at(0), f"subject marking [{epms.render(subject.marking, scheme)}] disagrees with "
                f"the {epms.HEADER} header ({epms.render(header.marking, scheme)}), which wins", 1))
    findings += _against_body(ctx, header if header is not None else subject)
    return sorted(findings, key=lambda f: (f.line, f.column))


def _against_body(ctx: CheckContext, read: _Read) -> list[Finding]:
    """The e-mail marking (the header's, else the subject's) against the body's highest marking:
    the same level, caveats and access markers the scheme knows."""
    body = _body_marking(ctx)
    marking = read.marking
    if body is None or marking.level is None:
        return []
    scheme = ctx.vocab.allied
    known = set(scheme.email.caveats.values()) | set(scheme.email.access.values())
    carried = {e for e in body.dissem if e in known}
    if marking.level == body.level and marking.elements == carried:
        return []
    return [ctx.finding(RULE, read.at(marking.at.get("SEC", 0)),
                        f"the e-mail marking ({epms.render(marking, scheme)}) does not match the body's highest "
                        f"marking {render(body, 'banner')}", 1)]
