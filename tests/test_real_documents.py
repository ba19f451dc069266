"""The real archive documents of tests/fixtures/real (a copy of ../shared/corpus/real, 40 public
domain documents of 1958-2012 with reviewers' sidecars): `--rules auto` must choose the regime
the sidecar names, find the date of origin, recognise the legible banners, and never ask for
portion marks before they were required (EO 12065, 1 December 1978).

The thresholds are those of issue 15: regime >= 36/40, date >= 36/40, >= 90% of legible
banners, no portion-missing before 1978-12-01. The counts are printed (pytest -s shows them).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from marklint.lint import Settings, lint_path
from marklint.readers import read_document
from marklint.recognize import recognize

REAL = Path(__file__).parent / "fixtures" / "real"
SIDECARS = sorted(REAL.glob("*/*.yaml"))
REGIMES = (("EO 10290", "us-eo10290"), ("EO 10501", "us-eo10501"), ("EO 11652", "us-eo11652"),
           ("EO 12065", "us-eo12065"), ("EO 12356", "us-eo12356"), ("EO 12958", "us-eo12958"),
           ("EO 13526", "us-cnsi"))
PORTIONS_REQUIRED = date(1978, 12, 1)
# A sidecar's banner fields describe what is on the page; a quoted string that is exactly a
# banner (a level word, then codewords or control words) is a legible banner. OCR-damaged ones
# ("SECREI", "SEGRET/SENSITIVE") and release headers are not.
LEGIBLE = re.compile(r"(?:TOP SECRET|SECRET|CONFIDENTIAL|S-E-C-R-E-T|S E C R E T)(?:[ /][A-Z]{2,12})*")
QUOTED = re.compile(r'"([^"]+)"')


def _sidecar(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _expected_ruleset(regime: str) -> str:
    return next(name for prefix, name in REGIMES if regime.startswith(prefix))


def _letters(text: str) -> str:
    return re.sub(r"[^A-Z]", "", text)


def _legible_banners(page: dict) -> list[str]:
    found = []
    for key in ("top_banner", "bottom_banner"):
        value = str(page.get(key) or "")
        for quoted in QUOTED.findall(value):
            if LEGIBLE.fullmatch(quoted) and "(OCR" not in value.split(quoted, 1)[1][:6]:
                found.append(_letters(quoted))
    return found


def _banners_by_form_feed_page(path: Path) -> dict[int, list[str]]:
    """The banners marklint recognises, by the file's form-feed page (the sidecars' pages)."""
    data = path.read_bytes()
    doc = read_document(str(path), data)
    text = data.decode("utf-8")
    starts = [0] + [m.end() for m in re.finditer("\f", text)]
    line_of_page = [text.count("\n", 0, start) + 1 for start in starts]
    banners: dict[int, list[str]] = {}
    for page in recognize(doc):
        for mark in page.banners:
            number = sum(1 for first in line_of_page if first <= mark.line)
            banners.setdefault(number, []).append(_letters(mark.text))
    return banners


def _evaluate():
    rows = []
    for sidecar_path in SIDECARS:
        sidecar = _sidecar(sidecar_path)
        text_path = sidecar_path.with_suffix(".txt")
        result = lint_path(str(text_path), Settings(rules="auto", use_config=False))
        assert result.error is None, result.error
        facts = result.facts
        recognised = _banners_by_form_feed_page(text_path)
        legible = matched = 0
        for page in sidecar.get("pages") or []:
            wanted = _legible_banners(page)
            have = list(recognised.get(page["page"], []))
            legible += len(wanted)
            for banner in wanted:
                if banner in have:
                    have.remove(banner)
                    matched += 1
        rows.append({
            "file": text_path.name,
            "ruleset_ok": result.ruleset == _expected_ruleset(sidecar["regime"]),
            "date_ok": facts["date_of_origin"] == sidecar["date"],
            "legible": legible,
            "matched": matched,
            "early": date.fromisoformat(sidecar["date"]) < PORTIONS_REQUIRED,
            "portion_missing": sum(1 for f in result.findings if f.rule == "portion-missing"),
            "result": result,
        })
    return rows


@pytest.fixture(scope="module")
def evaluation():
    return _evaluate()


def test_the_development_set_is_all_there():
    assert len(SIDECARS) == 40


def test_auto_chooses_the_sidecars_regime(evaluation):
    good = sum(row["ruleset_ok"] for row in evaluation)
    print(f"\nregime chosen by auto: {good}/{len(evaluation)}; wrong:",
          [(row["file"], row["result"].ruleset) for row in evaluation if not row["ruleset_ok"]])
    assert good >= 36


def test_date_of_origin_matches_the_sidecar(evaluation):
    good = sum(row["date_ok"] for row in evaluation)
    print(f"\ndate of origin: {good}/{len(evaluation)}; wrong:",
          [(row["file"], row["result"].facts["date_of_origin"]) for row in evaluation if not row["date_ok"]])
    assert good >= 36


def test_legible_banners_are_recognised(evaluation):
    legible = sum(row["legible"] for row in evaluation)
    matched = sum(row["matched"] for row in evaluation)
    print(f"\nlegible banners recognised: {matched}/{legible}; short:",
          [(row["file"], row["matched"], row["legible"]) for row in evaluation if row["matched"] < row["legible"]])
    assert legible >= 50
    assert matched >= 0.9 * legible


def test_no_portion_missing_before_portion_marking_was_required(evaluation):
    early = [row for row in evaluation if row["early"]]
    offending = [(row["file"], row["portion_missing"]) for row in early if row["portion_missing"]]
    print(f"\ndocuments before {PORTIONS_REQUIRED}: {len(early)}; with portion-missing: {offending}")
    assert len(early) >= 12
    assert offending == []
