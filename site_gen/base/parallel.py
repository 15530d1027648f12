"""Use every core for the two costly steps of a big build: reading notices and rendering their pages.

Workers are forked after the shared state is set, so they inherit the Jinja
environment and the notices instead of receiving them pickled; only file paths
or indexes go out and results come back, in order, so the output does not depend
on the number of processes. Small sites stay in one process: starting workers
costs more than it saves below a few hundred notices.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

MIN_ITEMS = 200
MIN_CHUNK = 4
_inherited: dict[str, Any] = {}
_FUNCTION, _ITEMS = "parallel.function", "parallel.items"  # what ordered_map's workers run, beside `shared`


def workers() -> int:
    requested = os.environ.get("SITE_GEN_WORKERS")
    if requested and requested.isdigit():
        return max(1, int(requested))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def ordered_map(
    function: Callable[[Any], Any], items: Sequence[Any], shared: dict[str, Any] | None = None
) -> Iterator[Any]:
    """function over items, in order; in forked worker processes when it pays off.

    `shared` is made available to the function through `inherited()` in every process.
    """
    _inherited.clear()
    _inherited.update(shared or {})
    count = workers()
    if len(items) < MIN_ITEMS or count < 2 or not forks():
        yield from map(function, items)
        return
    import multiprocessing  # here: a rebuild with nothing to do never needs it
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    _inherited.update({_FUNCTION: function, _ITEMS: items})
    with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=die_with_parent) as pool:
        for results in pool.map(_run_chunk, chunks(len(items), count)):
            yield from results


def chunks(total: int, count: int) -> list[range]:
    """Shrinking runs of indexes (guided scheduling): big ones first, so few round trips, small ones last, so the
    workers finish together instead of one idling while another ends a long run."""
    found, start = [], 0
    while start < total:
        size = max(MIN_CHUNK, (total - start) // (count * 4))
        found.append(range(start, min(total, start + size)))
        start += size
    return found


def _run_chunk(indexes: range) -> list[Any]:
    function, items = _inherited[_FUNCTION], _inherited[_ITEMS]
    return [function(items[index]) for index in indexes]


def forks() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def die_with_parent() -> None:
    """A worker of a build that was killed stops at once, instead of writing on into a folder nobody will use."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL: Linux only
    except (AttributeError, OSError):
        pass


def inherited(name: str) -> Any:
    return _inherited[name]
