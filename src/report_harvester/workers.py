"""Worker processes for the stages that parallelise (extraction): how they start and when they end.

Parse and extract are pure functions of bytes, so any number of processes can run them; only the
process that owns the database stores their results.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1


def default_jobs() -> int:
    """One process per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def process_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool whose workers end with this process.

    fork shares the parent's imported modules and compiled patterns; with other threads running a
    fork could copy a held lock, so then the workers start afresh (spawn) instead.
    """
    method = "fork" if threading.active_count() == 1 and sys.platform == "linux" else "spawn"
    return ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=_follow_parent,
        initargs=(os.getpid(),),
    )


def _follow_parent(parent: int) -> None:
    """Pool initializer: a worker ends when the process that started it does.

    A parent killed outright (SIGKILL, out of memory) never shuts its pool down, and the workers
    would wait forever for work, holding the parent's stdout and stderr open.
    """
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    else:

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # it died before the request above took effect
        os._exit(1)
