"""Content-free fingerprints and baseline files.

A fingerprint identifies a finding without holding any document text: it is a SHA-256 hash of
the rule slug, the normalised marking the finding is about (a banner or portion mark, never
portion prose), the file's path as shown (relative to the working directory) and the occurrence index of that (rule, marking) pair in the
file, counted in position order. Line numbers are not part of it, so a finding keeps its
fingerprint when lines are added or removed above it. SARIF `partialFingerprints`, GitLab Code
Quality fingerprints and baselines all use it.

A baseline (`--write-baseline FILE`) is JSON, sorted and stable, for example::

    {
      "version": 1,
      "tool": "marklint",
      "findings": [
        {"path": "docs/memo.txt", "rule": "banner-mismatch", "fingerprint": "3f0c..."}
      ]
    }

`--baseline FILE` then marks every finding whose fingerprint is listed as suppressed with
`Suppression("external")`: it stays in SARIF output but no longer counts.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from marklint.findings import FileResult, Finding, Suppression
from marklint.report import display_path

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names the file."""


def _normalise_marking(marking: str | None) -> str:
    return " ".join((marking or "").split())


def fingerprints(findings: list[Finding]) -> list[str]:
    """Fingerprints of one file's findings, in the order given.

    The occurrence index of each (rule, marking) pair is counted over `findings` in position
    order, so pass all of a file's findings, suppressed ones included.
    """
    order = sorted(range(len(findings)), key=lambda i: findings[i].sort_key())
    seen: dict[tuple[str, str], int] = {}
    result = [""] * len(findings)
    for index in order:
        finding = findings[index]
        marking = _normalise_marking(finding.marking)
        occurrence = seen.get((finding.rule, marking), 0)
        seen[(finding.rule, marking)] = occurrence + 1
        key = "\0".join((finding.rule, marking, display_path(finding.path, "."), str(occurrence)))
        # surrogateescape: a file name that is not UTF-8 keeps its bytes
        result[index] = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return result


def write_baseline(results: list[FileResult], path: str) -> int:
    """Record every unsuppressed finding of `results` in a baseline file; return the count."""
    entries = []
    for result in results:
        for finding, fingerprint in zip(result.findings, fingerprints(result.findings)):
            if finding.suppression is None:
                entries.append(
                    {"path": display_path(finding.path, "."), "rule": finding.rule, "fingerprint": fingerprint}
                )
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    document = {"version": BASELINE_VERSION, "tool": "marklint", "findings": entries}
    try:
        Path(path).write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"{path}: cannot write baseline: {error.strerror}") from None
    return len(entries)


def load_baseline(path: str) -> set[str]:
    """Read a baseline file and return its fingerprints."""
    from marklint.safeio import BASELINE_LIMIT, ReadError, read_bounded

    try:
        data = json.loads(read_bounded(path, BASELINE_LIMIT).decode("utf-8"))
    except ReadError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error}") from None
    except OSError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error.strerror}") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a marklint baseline (nested too deeply)") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        detail = f"line {error.lineno}: {error.msg}" if isinstance(error, json.JSONDecodeError) else "not UTF-8"
        raise BaselineError(f"{path}: not a marklint baseline ({detail})") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise BaselineError(f"{path}: not a marklint baseline (expected version {BASELINE_VERSION})")
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise BaselineError(f"{path}: not a marklint baseline (findings must be a list of objects with a fingerprint)")
    return {e["fingerprint"] for e in entries}


def apply_baseline(results: list[FileResult], known: set[str]) -> int:
    """Mark each unsuppressed finding whose fingerprint is in `known` as externally suppressed;
    return how many it marked."""
    hidden = 0
    for result in results:
        for finding, fingerprint in zip(result.findings, fingerprints(result.findings)):
            if finding.suppression is None and fingerprint in known:
                finding.suppression = Suppression("external", "baseline")
                hidden += 1
    return hidden
