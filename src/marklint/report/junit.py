"""JUnit XML for Jenkins and other CI: one test case per file, one failure per reported finding,
an error for a file that could not be read. Suppressed findings are left out."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from marklint.findings import FileResult, described
from marklint.report import ReportContext, escape_name, path_display, reported


def render(results: list[FileResult], ctx: ReportContext) -> str:
    """Render results as a JUnit `testsuites` document."""
    suite = ET.Element("testsuite", name="marklint")
    failures = errors = 0
    display = path_display(ctx.root)
    for result in results:
        path = escape_name(display(result.path))  # XML cannot hold control characters
        case = ET.SubElement(suite, "testcase", name=path, classname="marklint")
        if result.error is not None:
            errors += 1
            ET.SubElement(case, "error", message=result.error)
            continue
        for finding in reported(result):
            failures += 1
            summary = f"{finding.code} {finding.rule}: {described(finding)}"
            failure = ET.SubElement(case, "failure", message=summary, type=finding.code)
            failure.text = f"{path}:{finding.line}:{finding.column}: {finding.severity.label}: {summary}"
            if ctx.show_source and finding.source is not None:
                failure.text += f"\n{finding.source}"
    counts = {"tests": str(len(results)), "failures": str(failures), "errors": str(errors)}
    suite.attrib.update(counts)
    root = ET.Element("testsuites", name="marklint", **counts)
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
