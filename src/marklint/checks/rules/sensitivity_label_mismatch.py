from marklint.checks.context import CheckContext
from marklint.checks.formats import at_overall, parse_banner
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK702", "sensitivity-label-mismatch", ERROR, "a Microsoft sensitivity label that contradicts the visible banner",
    why="B-03: the marking a document shows must be its classification (32 CFR 2001.21(b)). A Word file's enabled `MSIP_Label_*_Name` custom property is what mail and DLP systems act on; when that label is a marking (\"Secret\", \"SECRET//NOFORN\") that differs from the overall banner, one of them is wrong. Labels that are not markings (\"General\") are not judged. Word files only.",
    example_format="docx",
)


def check(ctx: CheckContext) -> list[Finding]:
    """Enabled Microsoft sensitivity labels (`MSIP_Label_*`) whose name is a marking that
    contradicts the visible overall banner (or that is classified, in a document without one)."""
    findings = []
    overall = ctx.overall_marking
    for name in ctx.doc.metadata.get("sensitivity_labels", []):
        label = parse_banner(ctx, name.upper())
        if label is None:
            continue  # a label that is not a marking ("General", "Internal") says nothing here
        if overall is None:
            if label.is_classified:
                findings.append(at_overall(ctx, RULE, f"sensitivity label {name!r} but the document shows no banner"))
            continue
        contradicts = label != overall if label.has_controls else label.rank != overall.rank
        if contradicts:
            findings.append(at_overall(
                ctx, RULE, f"sensitivity label {name!r} contradicts the overall banner {ctx.overall.text}"))
    return findings
