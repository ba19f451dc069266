"""Property-based tests: round trips, roll-up laws, and never crashing on any input."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marklint.markings import Marking, MarkingError, Problem, check, parse, rollup

CODES = ["AUS", "CAN", "DEU", "FRA", "GBR", "JPN", "NZL", "ACGU", "FVEY", "NATO", "TEYE", "EU"]
SCI = ["SI", "TK", "SI-G ABCD", "SI-G", "HCS-P", "HCS-O", "HCS-P JJJ", "TK-BLFH", "TK-KAND XYZ", "123", "ANB",
       "RSV-ABC", "SI-ABC-DEF", "KLM", "BUR-BLG"]
SAP = ["SAR-BP", "SAR-BP-123/CA-XYZ YYY", "SAR-ABC/DEF", "SAR-BUTTER POPCORN"]
AEA = ["RD", "FRD-SIGMA 14", "RD-CNWDI", "TFNI", "RD-SIGMA 14 18", "ATOMAL"]
DISSEM = ["RSEN", "FOUO", "ORCON", "ORCON-USGOV", "IMCON", "NOFORN", "PROPIN", "RELIDO", "FISA", "DEA SENSITIVE",
          "RAWFISA", "NF", "OC", "RS"]
NONIC = ["EXDIS", "NODIS", "LES", "SSI", "LES NOFORN", "SBU", "SBU NOFORN", "LIMDIS", "ACCM-TEA LEAF", "ACCM-ABC/XYZ"]
CUICAT = ["SP-PRVCY", "SP-CTI", "SP-EXPT", "AG", "PRIVILEGE", "LEI"]
LDC = ["FEDCON", "NOCON", "FED ONLY", "DL ONLY", "NOFORN"]
CLASSIFICATIONS = ["TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "//DEU GBR SECRET", "//NATO SECRET",
                   "//COSMIC TOP SECRET", "//JOINT SECRET CAN GBR USA", "//FGI CONFIDENTIAL", "//GBR RESTRICTED"]


def _subset(items, max_size=3):
    return st.lists(st.sampled_from(items), max_size=max_size, unique=True)


@st.composite
def us_markings(draw):
    """Marking strings in any order and mixed forms, as authors write them."""
    level = draw(st.sampled_from(CLASSIFICATIONS))
    cats = []
    sci = draw(_subset(SCI))
    if sci:
        cats.append("/".join(sci))
    if draw(st.booleans()):
        cats.append(draw(st.sampled_from(SAP)))
    aea = draw(_subset(AEA, 2))
    if aea:
        cats.append("/".join(aea))
    if draw(st.booleans()):
        cats.append(" ".join(["FGI"] + draw(_subset(CODES[:7]))))
    cui = draw(_subset(CUICAT, 2))
    if cui and draw(st.booleans()):
        cats += ["CUI", "/".join(cui)]
    dissem = draw(_subset(DISSEM))
    if draw(st.booleans()):
        dissem.append("REL TO " + ", ".join(["USA"] + draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=4, unique=True))))
    if draw(st.booleans()):
        dissem.append("DISPLAY ONLY " + ", ".join(draw(st.lists(st.sampled_from(CODES[:7]), min_size=1, max_size=3, unique=True))))
    if dissem:
        cats.append("/".join(draw(st.permutations(dissem))))
    nonic = draw(_subset(NONIC, 2))
    if nonic:
        cats.append("/".join(nonic))
    return "//".join([level] + cats)


@st.composite
def cui_markings(draw):
    cats = draw(_subset(CUICAT))
    ldcs = draw(_subset(LDC))
    return "//".join(["CUI"] + (["/".join(cats)] if cats else []) + (["/".join(ldcs)] if ldcs else []))


markings = st.one_of(us_markings(), cui_markings())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markings, st.booleans())
def test_round_trip(text, as_portion):
    m = parse(f"({text})" if as_portion else text)
    assert parse(m.banner()) == m
    assert parse(m.portion()) == m
    assert parse(m.banner()).banner() == m.banner()
    assert parse(m.portion()).portion() == m.portion()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(markings, min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_rollup_laws(texts, rnd):
    portions = [parse(f"({t})") for t in texts]
    banner = rollup(portions)
    shuffled = portions[:]
    rnd.shuffle(shuffled)
    assert rollup(shuffled) == banner  # order-independent
    assert rollup(portions + portions) == banner  # duplicates change nothing
    assert rollup([banner]) == banner  # idempotent
    assert banner.rank >= max(p.rank for p in portions)  # never lowers the level
    assert parse(banner.banner()) == banner


def test_rollup_order_independent_exhaustive():
    portions = [parse(p) for p in ["(S//REL TO USA, GBR, FVEY)", "(U//FOUO)", "(C//NF//LES)", "(TS//SI//OC)"]]
    results = {rollup(list(p)) for p in itertools.permutations(portions)}
    assert len(results) == 1


def _never_crashes(text: str) -> None:
    try:
        m = parse(text)
    except MarkingError as exc:
        assert exc.rule in ("marking-syntax", "marking-unknown-token")
        assert 1 <= exc.column < exc.end_column
    else:
        assert isinstance(m, Marking)
        m.banner()
        m.portion()
    problems = check(text)
    assert all(isinstance(p, Problem) for p in problems)
    # spans lie inside the string (an empty span is an insertion point)
    assert all(1 <= p.column <= p.end_column <= max(len(text), 1) + 1 for p in problems), problems


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_text(text):
    _never_crashes(text)


@settings(max_examples=200, deadline=None)
@given(st.binary())
def test_random_bytes(data):
    _never_crashes(data.decode("utf-8", errors="replace"))
    _never_crashes(data.decode("latin-1"))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markings, st.lists(st.tuples(st.integers(0, 200), st.sampled_from(
    ["", "/", "//", " ", "-", ",", "(", ")", "\x00", "\t", "\u2044", "\uff33", "S", "NF", "REL TO ", "USA", "X"])),
    max_size=4))
def test_mutated_markings(text, edits):
    for pos, insert in edits:
        pos = pos % (len(text) + 1)
        text = text[:pos] + insert + text[pos + (1 if insert == "" else 0):]
    _never_crashes(text)
    _never_crashes(f"({text})")


def test_huge_and_strange_inputs():
    for text in ["S" * 1_000_000, "SECRET//" * 200_000, "(" * 100_000, "/" * 1_000_000,
                 "SECRET\u2044\u2044NOFORN", "\uff33\uff25\uff23\uff32\uff25\uff34", "SECRET//NOFORN\x00",
                 "\x1b[31mSECRET", "SECRET//REL TO USA, \u0410US", "", "   ", "()", "(//)", "//"]:
        _never_crashes(text)


@pytest.mark.parametrize("texts", [["CUI", "TOP SECRET//PROPIN"], ["TOP SECRET//RSEN/PROPIN", "CUI"]])
def test_a_classified_roll_up_with_cui_reads_back_its_ic_propin(texts):
    """Hypothesis's examples: `TOP SECRET//CUI//PROPIN` keeps the IC control PROPIN (the CUI
    category of that spelling stands right after the marker of a CUI marking only)."""
    banner = rollup([parse(text) for text in texts])
    assert parse(banner.banner()) == banner
