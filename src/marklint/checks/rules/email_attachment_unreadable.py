from marklint.checks.context import CheckContext
from marklint.checks.rule import WARNING, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK706", "email-attachment-unreadable", WARNING, "an e-mail attachment marklint should read but cannot",
    why="B-10: attached files raise the message's overall marking (32 CFR 2001.23(i)). An attachment whose name marklint reads (.docx, .pdf, .md, ...) but that is damaged, encrypted or needs a missing optional dependency cannot be counted, so the message's banner may be too low. E-mail (.eml) only.",
    bad="From: analyst@example.mil\nSubject: (U) Convoy\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nSECRET\n\n(S) The convoy leaves at dawn.\n\n/s/ J. Smith\n\nClassified By: J. Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20501231\n\nSECRET\n\n--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"annex.docx\"\n\nUEsDBA==\n--b--\n",
    good="From: analyst@example.mil\nSubject: (U) Convoy\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nSECRET\n\n(S) The convoy leaves at dawn.\n\n/s/ J. Smith\n\nClassified By: J. Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20501231\n\nSECRET\n\n--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"annex.txt\"\n\nU0VDUkVUCgooUykgVGhlIGFubmV4LgoKU0VDUkVUCg==\n--b--\n",
    example_format="email",
)


def check(ctx: CheckContext) -> list[Finding]:
    """The attachments the e-mail reader could not read (`metadata["unreadable_attachments"]`:
    name, why, the line that names it), whose marking is therefore not counted."""
    return [ctx.finding(RULE, (line, 1),
                        f"attachment {name} cannot be read ({problem}), so its marking is not counted (B-10)", None)
            for name, problem, line in ctx.doc.metadata.get("unreadable_attachments", ())]
