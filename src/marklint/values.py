"""Value and FrozenValue: the bases of marklint's small hand-written records.

Records are written as plain classes on these bases rather than as dataclasses, because defining
a dataclass costs milliseconds of start-up (it compiles generated code), importing `dataclasses`
more, and a one-page run defines dozens of them.
"""

from __future__ import annotations

from operator import attrgetter


class Value:
    """A mutable record compared, shown and pickled by its `_fields`, as a dataclass.

    A subclass lists its `_fields` and sets them in an explicit `__init__` that takes them
    positionally, in that order: a record pickles as `type(record)(*record._values)`. Two
    records are equal when they are of the same class and their fields are equal; being
    mutable, a Value is unhashable. The base has no slots: a subclass declares `__slots__` or
    gets a `__dict__`. A hot slotted class may write its own `_values` property: reading slots
    by plain attribute access is about twice as fast as `attrgetter`'s look-ups by name.
    """

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]
    _fields: tuple[str, ...] = ()
    _values: tuple  # the values of `_fields`, in order (a property, set for each class)

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "_values" in cls.__dict__:
            return
        fields = cls._fields
        if len(fields) > 1:
            # a property of an attrgetter reads every field without a Python-level call
            get = attrgetter(*fields)
        else:  # attrgetter of one name returns the value, not a 1-tuple
            def get(record: Value) -> tuple:
                return tuple(getattr(record, name) for name in fields)
        cls._values = property(get)  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        return self._values == other._values if other.__class__ is self.__class__ else NotImplemented

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self._values))
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple:
        # by position: smaller and faster to load than the default (every field by name)
        return self.__class__, self._values


class FrozenValue(Value):
    """An immutable Value, also hashed by its `_fields`, as a frozen dataclass.

    A subclass sets its fields in `__init__` through `self.__dict__`, or with
    `object.__setattr__` when it declares `__slots__`. It pickles as any object (its `__dict__`
    or slots by name), since its `__init__` need not take its fields positionally; a slotted
    one whose `__init__` does can take `Value.__reduce__` back.
    """

    __slots__ = ()
    __reduce__ = object.__reduce__

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(self._values)
