"""The one way a module plugs into another: a keyed, ordered registry.

An earlier module (core, reminders, priorities, themes...) owns an extension point: the home
page, the daily reminder run, a priority's page. A later module adds to it by registering an
entry from its `AppConfig.ready()`, so the earlier module never imports the later one
(decision 8). Every extension point is a `Registry`, with the same behaviour everywhere:

- an entry has a key, unique within its registry; registering a second entry under a taken
  key is a mistake in the code and raises `AlreadyRegistered` at start-up;
- entries come back ordered by their `order`, then by key, whatever order the apps started in.

The extension points themselves are listed in `core/extension_points.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Generic, Protocol, TypeVar

from django.core.exceptions import ImproperlyConfigured


class AlreadyRegistered(ImproperlyConfigured):
    """Two entries claim one key: two modules would otherwise silently fight over a place."""


class Entry(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def order(self) -> int: ...


EntryT = TypeVar("EntryT", bound=Entry)


class Registry(Generic[EntryT]):
    def __init__(
        self, name: str, *, key: Callable[[EntryT], Hashable] = lambda entry: entry.key
    ) -> None:
        self.name = name
        self._key = key
        self._entries: dict[Hashable, EntryT] = {}

    def register(self, entry: EntryT) -> EntryT:
        key = self._key(entry)
        if key in self._entries:
            raise AlreadyRegistered(f"The {self.name} registry already holds {key!r}.")
        self._entries[key] = entry
        return entry

    def unregister(self, key: Hashable) -> None:
        self._entries.pop(key, None)

    @contextmanager
    def registered(self, entry: EntryT) -> Iterator[EntryT]:
        """An entry for the length of a block, as a test needs it."""
        self.register(entry)
        try:
            yield entry
        finally:
            self.unregister(self._key(entry))

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __getitem__(self, key: Hashable) -> EntryT:
        return self._entries[key]

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[EntryT]:
        return iter(sorted(self._entries.values(), key=lambda entry: (entry.order, entry.key)))

    def where(self, predicate: Callable[[EntryT], bool]) -> list[EntryT]:
        return [entry for entry in self if predicate(entry)]

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {len(self)} entries>"
