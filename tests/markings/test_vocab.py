"""Vocabulary files: loading, merging, and errors that name the file and line."""

import pytest

from marklint.markings import MarkingError, VocabularyError, check, load_vocabulary, parse


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_default_vocabulary_loads_every_part():
    v = load_vocabulary()
    assert v is load_vocabulary(("default",))
    assert v.us_levels["TS"] == ("TOP SECRET", "TS")
    assert v.tokens["NOFORN"].portion == "NF"
    assert "HCS" in v.sci_systems and "PRVCY" in v.cui_specified
    assert v.tetragraphs["FVEY"] == (("AUS", "CAN", "GBR", "NZL", "USA"), True)
    assert len(v.trigraphs) > 240


def test_adding_a_control_is_a_yaml_edit(tmp_path):
    extra = _write(tmp_path, "extra.yaml", "category: dissem\ntokens:\n"
                   "  - {id: NEWCTL, title: NEW CONTROL, portion: NC2, levels: [TS, S], requires: [NOFORN]}\n")
    vocab = load_vocabulary(["default", extra])
    m = parse("SECRET//NOFORN/NEW CONTROL", vocab=vocab)
    assert m.banner() == "SECRET//NOFORN/NEWCTL"
    assert m.portion() == "(S//NF/NC2)"
    assert check("(C//NC2)", vocab=vocab)[0].rule == "marking-conflict"
    with pytest.raises(MarkingError, match='unknown marking word "NEW CONTROL"'):
        parse("SECRET//NOFORN/NEW CONTROL")  # not in the default vocabulary


def test_adding_a_country_is_a_yaml_edit(tmp_path):
    extra = _write(tmp_path, "c.yaml", "trigraphs:\n  XQZ: Test Land\n")
    vocab = load_vocabulary(["default", extra])
    assert parse("SECRET//REL TO USA, XQZ", vocab=vocab).rel_to == ("XQZ",)


@pytest.mark.parametrize("text,where,message", [
    ("category: dissem\ntokens:\n  - {title: X}\n", "3:5", "missing id"),
    ("category: dissem\ntokens:\n  - id: X\n    levels: [TS, Q]\n", "4:5", "unknown level (use TS, S, C, R, U or CUI)"),
    ("category: dissem\ntokens:\n  - id: X\n    rollup: sometimes\n", "4:5", "rollup must be one of"),
    ("colour: blue\n", "1:1", "unknown vocabulary key"),
    ("category: dissem\ntokens: [\n", "3:1", "YAML syntax error"),
    ("- a\n- b\n", "1", "a vocabulary file must be a mapping"),
    ("category: dissem\ntokens:\n  - id: X\n    retired: 1995-04-12\n", "4:5", "needs a replacement"),
])
def test_errors_name_file_and_line(tmp_path, text, where, message):
    """Errors name the file, line and column, and never quote what the file holds there
    (`unknown level`, not `unknown level 'Q'`: a vocabulary path may name any file)."""
    path = _write(tmp_path, "bad.yaml", text)
    with pytest.raises(VocabularyError) as info:
        load_vocabulary([path])
    assert info.value.message.startswith(f"{path}:{where}: ")
    assert "'Q'" not in info.value.message and "colour" not in info.value.message
    assert message in info.value.message


def test_unknown_reference_is_an_error(tmp_path):
    path = _write(tmp_path, "ref.yaml", "include: [default]\ncategory: dissem\ntokens:\n"
                  "  - {id: X, requires: [NOSUCH]}\n")
    with pytest.raises(VocabularyError, match="token 'X' names unknown token 'NOSUCH'"):
        load_vocabulary([path])


def test_missing_file_and_include_cycle(tmp_path):
    with pytest.raises(VocabularyError, match="vocabulary file not found"):
        load_vocabulary([str(tmp_path / "none.yaml")])
    a = _write(tmp_path, "a.yaml", "include: [b]\n")
    _write(tmp_path, "b.yaml", "include: [a]\n")
    with pytest.raises(VocabularyError, match="include cycle"):
        load_vocabulary([a])
