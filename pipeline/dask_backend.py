"""The Dask backend: the same per-file tasks on a ``dask.distributed`` cluster.

Without a scheduler address a ``LocalCluster`` of ``jobs`` single-threaded
worker processes is started (and closed) for the run; with one
(``--scheduler tcp://host:8786``) the run uses that cluster, whose workers must
have this package installed (``pip install minutes-pipeline[dask]`` from the
same checkout) and be able to read the input paths (a shared file system).
Results are gathered in task order with a bounded window of tasks in flight,
so the output is identical to the local backend's and memory stays flat.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator

WINDOW_PER_WORKER = 8


def dask_map(fn: Callable, tasks: Iterable, jobs: int, scheduler: str | None, warm: Callable,
             warm_args: tuple) -> Iterator:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("the dask backend needs dask.distributed: pip install -e '.[dask]'") from exc
    cluster = None if scheduler else LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                                  dashboard_address=None, silence_logs=40)
    client = Client(scheduler or cluster)
    try:
        client.run(warm, warm_args)
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        window: deque = deque()
        for task in tasks:
            window.append(client.submit(fn, task, pure=False))
            if len(window) >= WINDOW_PER_WORKER * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
