"""Checks on the country and organisation code vocabulary, rules/vocab/countries.yaml."""

import re
from pathlib import Path

import pytest
import yaml

VOCAB = Path(__file__).resolve().parents[2] / "rules" / "vocab" / "countries.yaml"


@pytest.fixture(scope="module")
def vocab() -> dict:
    with VOCAB.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_top_level_shape(vocab: dict) -> None:
    assert set(vocab) == {"trigraphs", "tetragraphs"}
    assert all(isinstance(name, str) and name for name in vocab["trigraphs"].values())
    for code, entry in vocab["tetragraphs"].items():
        assert set(entry) == {"name", "members", "decomposable"}, code
        assert isinstance(entry["name"], str) and entry["name"], code
        assert isinstance(entry["members"], list), code
        assert isinstance(entry["decomposable"], bool), code


def test_every_trigraph_is_three_upper_case_letters(vocab: dict) -> None:
    bad = [code for code in vocab["trigraphs"] if not re.fullmatch(r"[A-Z]{3}", code)]
    assert bad == []


def test_trigraph_count_is_iso_plus_genc_extras(vocab: dict) -> None:
    # 249 ISO 3166-1 alpha-3 codes + CPT, DGA + 30 GENC X-codes.
    assert len(vocab["trigraphs"]) == 281


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("XKS", "Kosovo"),
        ("CPT", "Clipperton Island"),
        ("XJM", "Jan Mayen"),
        ("XJN", "Juan de Nova Island"),
        ("XQZ", "Akrotiri"),
        ("XXD", "Dhekelia"),
        ("UMI", "United States Minor Outlying Islands"),
    ],
)
def test_known_trigraphs(vocab: dict, code: str, name: str) -> None:
    assert vocab["trigraphs"][code] == name


def test_codes_not_in_genc_or_iso_are_absent(vocab: dict) -> None:
    assert "XCL" not in vocab["trigraphs"]
    assert "1000" not in vocab["tetragraphs"]


def test_every_tetragraph_member_is_a_known_trigraph(vocab: dict) -> None:
    unknown = {
        code: [m for m in entry["members"] if m not in vocab["trigraphs"]]
        for code, entry in vocab["tetragraphs"].items()
    }
    assert {code: bad for code, bad in unknown.items() if bad} == {}


@pytest.mark.parametrize(
    ("code", "members"),
    [
        ("ACGU", ["AUS", "CAN", "GBR", "USA"]),
        ("FVEY", ["AUS", "CAN", "GBR", "NZL", "USA"]),
        ("TEYE", ["AUS", "GBR", "USA"]),
        (
            "NATO",
            "ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD "
            "MKD NOR POL PRT ROU SVK SVN ESP SWE TUR GBR USA".split(),
        ),
    ],
)
def test_decomposable_memberships(vocab: dict, code: str, members: list[str]) -> None:
    entry = vocab["tetragraphs"][code]
    assert entry["decomposable"] is True
    assert sorted(entry["members"]) == sorted(members)
    assert len(entry["members"]) == len(set(entry["members"]))


def test_nato_has_32_members(vocab: dict) -> None:
    assert len(vocab["tetragraphs"]["NATO"]["members"]) == 32


def test_only_the_four_recorded_tetragraphs_decompose(vocab: dict) -> None:
    decomposable = {code for code, e in vocab["tetragraphs"].items() if e["decomposable"]}
    assert decomposable == {"ACGU", "FVEY", "TEYE", "NATO"}
    for code, entry in vocab["tetragraphs"].items():
        if not entry["decomposable"]:
            assert entry["members"] == [], code


def test_tetragraph_list_matches_ism(vocab: dict) -> None:
    expected = (
        "ACGU AMSP AOSC APFS ASEA AUSTRALIA_GROUP BHTF BWCS CFCK CFOD CFUP CLFC CMFC CMFP CPMT "
        "CTOC CWCS ECTF EFOR EU EUDA FRME FVEY GCCH GCTF GFNX GMIF IESC IMSC IMSP IPMC IRKS ISAF "
        "ISSG KFOR MCFI MESF MGEU MIFH MLEC MNTF MPFL NACT NATO NCFE NKIC NRDC NSG OSAG OSTY PAWA "
        "PGMF PSMX RISC RSMA SFOR SOFP SPAA TEYE TFTC UNCK"
    ).split()
    assert sorted(vocab["tetragraphs"]) == sorted(expected)
    assert vocab["tetragraphs"]["FVEY"]["name"] == "FIVE EYES"


def test_no_code_is_both_trigraph_and_tetragraph(vocab: dict) -> None:
    assert set(vocab["trigraphs"]) & set(vocab["tetragraphs"]) == set()
