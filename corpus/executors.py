"""Where ``partycorpus build`` runs its per-article work: this process, local
processes, or a Dask cluster.

Every executor has ``map(fn, batches) -> iterator of results`` (in order) and
is a context manager. ``map`` submits all its batches at once and returns an
iterator, so a caller can hand over the next chunk before it writes the
results of the current one (``corpus.build`` keeps two chunks in flight).

- ``InProcessExecutor``: ``--jobs 1``; runs each batch when its result is read.
- ``local_pool(jobs)``: ``--jobs N``; ``concurrent.futures.ProcessPoolExecutor``
  whose processes load the models once (``initializer``).
- ``dask_executor(address)``: ``--scheduler tcp://HOST:PORT``; batches go to
  the workers of a running ``dask scheduler``; models load once per worker
  process. The workers need the same partycorpus version (checked).

>>> with dask_executor("tcp://127.0.0.1:8786") as ex:      # doctest: +SKIP
...     list(ex.map(len, [["Chi bộ"], ["Đảng bộ", "Đảng viên"]]))
[1, 2]
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from .errors import UserError

CONNECT_TIMEOUT = 10        # seconds to reach a scheduler; env PARTYCORPUS_DASK_TIMEOUT


class InProcessExecutor:
    """Runs batches in this process (``--jobs 1``), lazily, in order."""

    def __init__(self, initializer=None):
        if initializer:
            initializer()

    def map(self, fn, iterable):
        return map(fn, iterable)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class _LocalPool(ProcessPoolExecutor):
    """A process pool that drops its queued batches when the build fails or is interrupted."""

    def __exit__(self, exc_type, exc, tb):
        self.shutdown(wait=True, cancel_futures=exc_type is not None)
        return False


def local_pool(jobs: int, initializer=None) -> ProcessPoolExecutor:
    """``jobs`` local processes; ``initializer`` runs once in each (model loading)."""
    return _LocalPool(max_workers=jobs, initializer=initializer)


class DaskExecutor:
    """Batches on a Dask cluster; results come back in submission order.

    Connects on construction; a scheduler that cannot be reached, has no
    workers, or whose workers run another extractor version is a one-line
    ``UserError``.
    """

    def __init__(self, address: str, initializer=None, check_versions=None, timeout: float | None = None):
        try:
            from distributed import Client
        except ImportError:  # pragma: no cover - distributed is a dependency
            raise UserError("--scheduler needs the 'distributed' package (pip install distributed)")
        if not address.startswith(("tcp://", "tls://", "inproc://", "ucx://")) and ":" not in address:
            raise UserError(f"--scheduler {address!r}: expected an address like tcp://HOST:PORT")
        timeout = timeout or float(os.environ.get("PARTYCORPUS_DASK_TIMEOUT", CONNECT_TIMEOUT))
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as e:
            raise UserError(f"--scheduler {address}: cannot connect ({_first_line(e)})")
        except ValueError as e:
            raise UserError(f"--scheduler {address!r}: {_first_line(e)}")
        try:
            self._check_workers(address, timeout)
            if check_versions is not None:
                here = check_versions()
                there = self.client.run(check_versions)
                bad = {w: v for w, v in there.items() if v != here}
                if bad:
                    w, v = sorted(bad.items())[0]
                    raise UserError(f"--scheduler {address}: worker {w} runs other versions {v} than this client "
                                    f"{here}; install the same partycorpus on every worker")
            if initializer is not None:
                self.client.run(initializer)
        except BaseException:
            self.close()
            raise

    def _check_workers(self, address: str, timeout: float) -> None:
        try:
            self.client.wait_for_workers(1, timeout=timeout)
        except (TimeoutError, OSError):
            raise UserError(f"--scheduler {address}: no workers joined within {timeout:.0f} s")

    def map(self, fn, batches):
        """Submit every batch now; yield their results in order."""
        futures = self.client.map(fn, list(batches), pure=False)
        return self._results(futures)

    @staticmethod
    def _results(futures):
        try:
            for f in futures:
                yield f.result()
        finally:
            for f in futures:
                f.release()

    def close(self) -> None:
        client, self.client = getattr(self, "client", None), None
        if client is not None:
            client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def dask_executor(address: str) -> DaskExecutor:
    """The executor for ``build --scheduler ADDRESS``: models warmed on every worker,
    versions checked against this client.

    >>> ex = dask_executor("tcp://10.0.0.5:8786")               # doctest: +SKIP
    """
    from .build import init_worker, worker_versions

    return DaskExecutor(address, initializer=init_worker, check_versions=worker_versions)


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0][:300]
