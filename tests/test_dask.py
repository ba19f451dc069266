"""`--dask`: files linted on a Dask cluster come back in input order; clear errors otherwise."""

from __future__ import annotations

import sys

import pytest

from marklint import distributed as dist
from marklint.distributed import DaskError, map_on_dask


def measure(path: str, data: bytes, settings: object) -> tuple[str, int, object]:
    return path, len(data), settings


def unreadable(path: str, settings: object) -> tuple[str, None, object]:
    return path, None, settings


def test_missing_extra_names_the_install_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(DaskError) as info:
        map_on_dask("tcp://127.0.0.1:8786", measure, unreadable, ["a.txt"], None)
    assert str(info.value) == "--dask needs the optional Dask support: pip install 'marklint[dask]'"


def test_unreachable_scheduler_is_a_clear_error(monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(dist, "CONNECT_TIMEOUT", "0.5s")
    with pytest.raises(DaskError, match=r"^cannot connect to the Dask scheduler at 'tcp://127\.0\.0\.1:1': "):
        map_on_dask("tcp://127.0.0.1:1", measure, unreadable, ["a.txt"], None)


# Without a dashboard the scheduler still serves HTTP, on port 8787 unless told otherwise: the
# second cluster would find it taken by the first and warn.
NO_FIXED_PORT = {"dashboard_address": "127.0.0.1:0"}


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None, scheduler_kwargs=NO_FIXED_PORT) as local_cluster:
        yield local_cluster


def test_results_in_input_order_with_small_window(cluster, tmp_path, monkeypatch):
    monkeypatch.setattr(dist, "WINDOW_TASKS", 2)
    monkeypatch.setattr(dist, "WINDOW_BYTES", 10)
    paths = []
    for i, size in enumerate([5, 0, 40, 3, 17]):
        path = tmp_path / f"f{i}.txt"
        path.write_bytes(b"x" * size)
        paths.append(str(path))
    paths.insert(2, str(tmp_path / "missing.txt"))
    got = map_on_dask(cluster.scheduler_address, measure, unreadable, paths, {"rules": "us-ic"})
    assert got == [
        (paths[0], 5, {"rules": "us-ic"}),
        (paths[1], 0, {"rules": "us-ic"}),
        (paths[2], None, {"rules": "us-ic"}),
        (paths[3], 40, {"rules": "us-ic"}),
        (paths[4], 3, {"rules": "us-ic"}),
        (paths[5], 17, {"rules": "us-ic"}),
    ]


DRAFT = "SECRET\n\n{body}\n\n(S) A marked paragraph.\n\nSECRET\n"


def make_drafts(root) -> None:
    (root / "drafts" / "sub").mkdir(parents=True)
    (root / "drafts" / "a.txt").write_text(DRAFT.format(body="No portion mark here."))
    (root / "drafts" / "sub" / "b.md").write_text("# Title\n\n" + DRAFT.format(body="(TS) Too high."))
    (root / "drafts" / "c.txt").write_bytes(b"\x00binary")
    (root / "drafts" / "d.txt").write_text(DRAFT.format(body="(U) Fine."))


def run_main(args, capsys):
    from marklint.cli import main

    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_on_a_cluster_matches_a_local_run(cluster, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    make_drafts(tmp_path)
    for fmt in ("text", "json"):
        local = run_main(["--no-cache", "--jobs", "1", "--format", fmt, "drafts", "missing.txt"], capsys)
        remote = run_main(["--no-cache", "--dask", cluster.scheduler_address, "--format", fmt, "drafts", "missing.txt"], capsys)
        assert remote == local
        assert local[0] == 2
        assert local[2] == ("marklint: drafts/c.txt: not a text file (contains NUL bytes)\n"
                            "marklint: missing.txt: no such file or directory\n")


def test_cli_without_the_extra(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    make_drafts(tmp_path)
    monkeypatch.setitem(sys.modules, "distributed", None)
    code, out, err = run_main(["--no-cache", "--dask", "tcp://127.0.0.1:8786", "drafts"], capsys)
    assert (code, out, err) == (2, "", "marklint: --dask needs the optional Dask support: pip install 'marklint[dask]'\n")


def test_worker_processes_give_the_same_output(tmp_path, monkeypatch, capsys):
    """Settings and results cross process boundaries (serialised) on a real multi-process cluster."""
    distributed = pytest.importorskip("distributed")
    monkeypatch.chdir(tmp_path)
    make_drafts(tmp_path)
    local = run_main(["--no-cache", "--jobs", "1", "--format", "json", "drafts"], capsys)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, scheduler_kwargs=NO_FIXED_PORT) as multi:
        capsys.readouterr()  # drop what the cluster printed while starting
        remote = run_main(["--no-cache", "--dask", multi.scheduler_address, "--format", "json", "drafts"], capsys)
    assert remote == local
