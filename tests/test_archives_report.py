"""`marklint report`: CSV and a self-contained HTML page for a collection."""

import csv
import io
import shutil
import subprocess
import sys

import pytest

from archives_support import REAL
from marklint.archives.report import COLUMNS, chart_svg, totals
from marklint.cli import main


@pytest.fixture
def collection(tmp_path):
    for name in ("state_foia/state_2012_email_donilon_confidential_noforn_14g.txt",
                 "jfk/jfk_1973_cia_cable_dar_es_salaam_e2_impdet.txt",
                 "jfk/jfk_1995_cia_csi_memo_arrb_portion_marked_oadr.txt"):
        shutil.copy(REAL / name, tmp_path / name.split("/")[1])
    (tmp_path / "draft.txt").write_text("Nothing classified here.\n")
    (tmp_path / "bad.txt").write_bytes(b"SECRET\x00")
    return tmp_path


def _run(tmp_path, *args):
    out, err = io.StringIO(), io.StringIO()
    from marklint.archives.report_command import run_report

    code = run_report([str(tmp_path / "docs"), "-o", str(tmp_path / "out"), "--no-cache", *args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_report_rows_and_totals(collection, tmp_path, jobs):
    docs = tmp_path / "docs"
    shutil.copytree(collection, docs, ignore=shutil.ignore_patterns("docs", "out.*"))
    code, out, err = _run(tmp_path, "--jobs", jobs)
    assert code == 2  # bad.txt cannot be read: it is a row, and the run says so
    assert "bad.txt: not a text file (contains NUL bytes)" in err
    assert out.startswith(f"marklint: wrote {tmp_path}/out.csv and {tmp_path}/out.html (5 documents: ")
    rows = list(csv.DictReader((tmp_path / "out.csv").open()))
    assert list(rows[0]) == list(COLUMNS)
    by_name = {row["path"].rsplit("/", 1)[1]: row for row in rows}
    assert by_name["bad.txt"]["verdict"] == "unreadable"
    assert by_name["draft.txt"]["verdict"] == "unmarked"
    donilon = by_name["state_2012_email_donilon_confidential_noforn_14g.txt"]
    assert (donilon["case_numbers"], donilon["document_numbers"], donilon["release_date"]) == (
        "F-2014-20439", "C05793752", "2016-01-29")
    assert donilon["exemptions"] == "(b)(1); 1.4(g); (b)(5); (b)(3)"
    assert "review-class-form=1" in donilon["findings_by_rule"]
    cable = by_name["jfk_1973_cia_cable_dar_es_salaam_e2_impdet.txt"]
    assert cable["collections"] == "nara-jfk; cia" and cable["ocr_readings"] == "1"
    memo = by_name["jfk_1995_cia_csi_memo_arrb_portion_marked_oadr.txt"]
    assert (memo["date_of_origin"], memo["era"], memo["classification"]) == ("1995-06-27", "us-eo12356", "SECRET")
    html = (tmp_path / "out.html").read_text()
    assert "<svg" in html and "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script" not in html and "<link" not in html


def test_report_html_is_valid_html5(collection, tmp_path):
    html5lib = pytest.importorskip("html5lib")
    docs = tmp_path / "docs"
    shutil.copytree(collection, docs, ignore=shutil.ignore_patterns("docs", "out.*"))
    _run(tmp_path)
    parser = html5lib.HTMLParser(strict=True)
    tree = parser.parse((tmp_path / "out.html").read_text())
    assert tree is not None and parser.errors == []


def test_report_renders_in_headless_chromium(collection, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no Chromium installed")
    docs = tmp_path / "docs"
    shutil.copytree(collection, docs, ignore=shutil.ignore_patterns("docs", "out.*"))
    _run(tmp_path)
    run = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--dump-dom", f"file://{tmp_path / 'out.html'}"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0
    assert "Documents by era and verdict" in run.stdout and "<rect" in run.stdout


def test_chart_has_a_stack_per_year():
    rows = [{"year": "1995", "era": "us-eo12356", "verdict": "findings"},
            {"year": "1995", "era": "us-eo12356", "verdict": "clean"},
            {"year": "2012", "era": "us-cnsi", "verdict": "clean"}]
    by_year = totals(rows, "year")
    assert {year: dict(counts) for year, counts in by_year.items()} == {
        "1995": {"findings": 1, "clean": 1}, "2012": {"clean": 1}}
    svg = chart_svg(by_year, ["clean", "findings"])
    assert svg.count("<rect") == 3 + 2  # three bars, two legend keys
    assert "<title>1995: 1 findings</title>" in svg


def test_report_command_through_main(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("SECRET\n\n(S) Text.\n\nSECRET\n")
    code = main(["report", str(tmp_path / "d"), "-o", str(tmp_path / "r"), "--no-cache", "--jobs", "1"])
    assert code == 0 and (tmp_path / "r.csv").exists() and (tmp_path / "r.html").exists()


def test_report_needs_a_path():
    run = subprocess.run([sys.executable, "-m", "marklint", "report"], capture_output=True, text=True)
    assert run.returncode == 2 and "PATH" in run.stderr


def test_report_on_a_dask_cluster(tmp_path):
    distributed = pytest.importorskip("distributed")
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(REAL / "state_foia" / "state_2012_email_donilon_confidential_noforn_14g.txt", docs / "a.txt")
    # dated, so that --rules auto judges it by today's rules: no authority block is a finding
    (docs / "b.txt").write_text("SECRET\n\nMarch 3, 2025\n\n(S) Text.\n\nSECRET\n")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        code, out, _ = _run(tmp_path, "--dask", cluster.scheduler_address)
    assert code == 0
    rows = {row["path"].rsplit("/", 1)[1]: row for row in csv.DictReader((tmp_path / "out.csv").open())}
    assert rows["a.txt"]["document_numbers"] == "C05793752"
    assert rows["b.txt"]["verdict"] == "findings"
