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


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as local_cluster:
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
