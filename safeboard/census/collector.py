"""Python's cycle collector paused while a census is read and loaded.

A census of 200,000 children becomes a million small tuples of dates and strings, none of
them part of a reference cycle. While they accumulate, the collector would walk all of them
again at each of its full collections: about a fifth of the time the reading takes. Nothing
the reader or the loader makes needs it (reference counting frees everything they drop), so
it is switched off while they run and back on, if it was on, when they end.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
