"""The record bases of marklint.values: equality, hashing, repr and pickling by `_fields`."""

from __future__ import annotations

import pickle
import re

import pytest

from marklint.document import Block, BlockKind, BlockTable, Document, Page, Region
from marklint.findings import Edit, FileResult, Finding, Fix, Severity
from marklint.markings.model import Aea, Problem
from marklint.userpattern import UserPattern
from marklint.values import FrozenValue, Value


class _Pair(Value):
    __slots__ = ("left", "right")
    _fields = __slots__

    def __init__(self, left: object, right: object) -> None:
        self.left = left
        self.right = right


class _Single(FrozenValue):
    _fields = ("only",)

    def __init__(self, only: object) -> None:
        self.__dict__["only"] = only


def test_value_compares_by_fields_and_class_and_is_unhashable():
    assert _Pair(1, [2]) == _Pair(1, [2])
    assert _Pair(1, 2) != _Pair(1, 3)
    assert _Pair(1, 2).__eq__((1, 2)) is NotImplemented
    assert repr(_Pair(1, "a")) == "_Pair(left=1, right='a')"
    with pytest.raises(TypeError):
        hash(_Pair(1, 2))


def test_frozen_value_of_one_field():
    single = _Single("x")
    assert single._values == ("x",)
    assert repr(single) == "_Single(only='x')"
    assert hash(single) == hash(("x",))
    with pytest.raises(AttributeError, match="cannot assign"):
        single.only = "y"
    with pytest.raises(AttributeError, match="cannot delete"):
        del single.only
    assert pickle.loads(pickle.dumps(single)) == single


def test_slotted_frozen_records_stay_frozen_and_slotted():
    edit = Edit(1, 2, 1, 5, "SECRET")
    with pytest.raises(AttributeError):
        edit.line = 3
    assert not hasattr(edit, "__dict__")
    assert hash(edit) == hash(Edit(1, 2, 1, 5, "SECRET"))
    assert repr(edit) == "Edit(line=1, column=2, end_line=1, end_column=5, replacement='SECRET')"


def test_records_round_trip_through_pickle():
    block = Block(BlockKind.LINE, "SECRET", 1, 1, Region.HEADER, (1,), "header")
    source = BlockTable("(S) One\ntwo.").block(BlockKind.PARAGRAPH, 0, 12, 3)
    fix = Fix("Write the banner", "safe", (Edit(1, 1, 1, 7, "SECRET"),))
    finding = Finding("a.txt", 1, 1, "B-01", "banner-missing-top", Severity.ERROR, "no banner", fix=fix)
    records = [
        finding, fix, FileResult("a.txt", [finding], 1, "us-cnsi", None, ["note"]), block, source,
        Page(1, [block, source]), Document("a.txt", "text", [Page(1, [block])], "SECRET\n", {"k": 1}),
        Problem("marking-syntax", 1, 3, "bad", "S"), Aea("RD", True, (1, 2)), UserPattern(re.compile("x")),
    ]
    for record in records:
        back = pickle.loads(pickle.dumps(record, -1))
        assert type(back) is type(record) and back == record and repr(back) == repr(record)


def test_block_and_source_block_are_never_equal():
    source = BlockTable("one").block(BlockKind.PARAGRAPH, 0, 3, 1)
    block = Block(BlockKind.PARAGRAPH, "one", 1)
    assert source._values == block._values
    assert source != block and block != source
