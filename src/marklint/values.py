"""FrozenValue: the immutable value class behind many small records of marklint.

Records are written as plain classes on this base rather than as dataclasses, because defining
a dataclass costs milliseconds of start-up (it compiles generated code) and a one-page run
defines dozens of them.
"""

from __future__ import annotations


class FrozenValue:
    """An immutable value: compared, hashed and shown by its `_fields`, as a frozen dataclass.

    A subclass lists its `_fields` and sets them in `__init__` through `self.__dict__`.
    Instances keep a `__dict__`, so they pickle (caches, worker processes) as they are.
    """

    _fields: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        return self._values() == other._values() if other.__class__ is self.__class__ else NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"
