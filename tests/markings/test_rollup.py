"""Roll-up examples of marking-rules.md R-05..R-07, K-13, N-03, U-05, F-08, F-09, N-08 and options."""

import pytest

from marklint.markings import RollupOptions, load_vocabulary, parse, rollup

CASES = [
    ("R-01", ["(S)", "(C)", "(U)"], "SECRET"),
    ("R-01", ["(TS)", "(S)"], "TOP SECRET"),
    ("R-02", ["(TS//SI)", "(S//TK)"], "TOP SECRET//SI/TK"),
    ("R-02", ["(TS//SI-G ABCD//OC/NF)", "(TS//SI-G EFGH-XYZ//OC/NF)"], "TOP SECRET//SI-G ABCD EFGH-XYZ//ORCON/NOFORN"),
    ("R-02", ["(TS//SAR-BP//NF)", "(S//SAR-CA//NF)"], "TOP SECRET//SAR-BP/CA//NOFORN"),
    ("R-03", ["(//DEU TS)", "(S//FGI CAN)"], "TOP SECRET//FGI CAN DEU"),
    ("R-03", ["(S//FGI GBR)", "(//FGI S)"], "SECRET//FGI"),
    ("R-05", ["(S//REL TO USA, CAN, AUS)", "(S//REL TO USA, CAN, GBR)"], "SECRET//REL TO USA, CAN"),
    ("R-05", ["(S//REL TO USA, GBR)", "(U//FISA)"], "SECRET//NOFORN/FISA"),
    ("R-05", ["(S//NF)", "(S//REL TO USA, GBR)"], "SECRET//NOFORN"),
    ("R-05", ["(S//REL TO USA, GBR)", "(S//REL TO USA, FRA)"], "SECRET//NOFORN"),
    ("R-05", ["(S//REL TO USA, GBR)", "(S//RELIDO)"], "SECRET//NOFORN"),
    ("R-05", ["(S//RELIDO)", "(C//RELIDO)"], "SECRET//RELIDO"),
    ("R-05", ["(S//RELIDO)", "(S//DISPLAY ONLY IRQ)"], "SECRET//NOFORN"),
    ("R-05", ["(S//DISPLAY ONLY AFG, IRQ)", "(S//DISPLAY ONLY IRQ)"], "SECRET//DISPLAY ONLY IRQ"),
    ("R-05", ["(S//DISPLAY ONLY IRQ)", "(S//REL TO USA, IRQ)"], "SECRET//DISPLAY ONLY IRQ"),
    ("R-05", ["(S//REL TO USA, GBR)", "(S)"], "SECRET//NOFORN"),
    # rule 27: a tetragraph released to (NATO) does not come back as its members under DISPLAY ONLY
    ("R-05", ["(S//REL TO USA, AUS, NATO/DISPLAY ONLY AFG, IRQ)", "(C//REL TO USA, AUS, NATO/DISPLAY ONLY AFG, IRQ)"],
     "SECRET//REL TO USA, AUS, NATO/DISPLAY ONLY AFG, IRQ"),
    ("R-05", ["(S//REL TO USA, TEYE)", "(S//REL TO USA, FVEY)"], "SECRET//REL TO USA, AUS, GBR"),
    ("R-05", ["(S//REL TO USA, FVEY)", "(C//REL TO USA, FVEY)"], "SECRET//REL TO USA, FVEY"),
    ("R-05", ["(S//SBU-NF)"], "SECRET//NOFORN"),
    ("R-06", ["(U)", "(U//REL TO USA, FVEY)"], "UNCLASSIFIED//REL TO USA, FVEY"),
    ("R-06", ["(U//FOUO)", "(S//REL TO USA, GFNX)"], "SECRET//NOFORN"),
    ("K-13", ["(S//RD)", "(S//FRD)"], "SECRET//RD"),
    ("K-13", ["(S//RD-SG 14)", "(S//FRD-SG 18)"], "SECRET//RD-SIGMA 14 18"),
    ("K-13", ["(S//FRD)", "(S//TFNI)"], "SECRET//FRD"),
    ("K-15", ["(U//DCNI)", "(S)"], "SECRET//NOFORN"),
    ("K-23", ["(//JOINT S CAN GBR USA//REL TO USA, CAN, GBR)", "(S//REL TO USA, CAN, GBR)"],
     "SECRET//FGI CAN GBR//REL TO USA, CAN, GBR"),
    ("F-08", ["(S//OC)", "(S//OC-USGOV)"], "SECRET//ORCON"),
    ("F-09", ["(U//FOUO)", "(S)"], "SECRET"),
    ("F-09", ["(U//FOUO)", "(S//NF)"], "SECRET//NOFORN"),
    ("F-09", ["(U//FOUO)", "(U//PR)"], "UNCLASSIFIED//PROPIN"),
    ("F-09", ["(U//FOUO/NF)"], "UNCLASSIFIED//FOUO/NOFORN"),
    ("N-03", ["(S//LES-NF)", "(S//NF)"], "SECRET//NOFORN//LES"),
    ("N-03", ["(U//LES)", "(S)"], "SECRET//LES"),
    ("N-01", ["(U//SBU)", "(C)"], "CONFIDENTIAL"),
    ("N-08", ["(S//NF//XD)", "(S//NF//ND)"], "SECRET//NOFORN//NODIS"),
    ("N-08", ["(U//SBU)", "(U//FOUO)"], "UNCLASSIFIED//SBU"),
    ("U-05", ["(CUI//SP-PRVCY)", "(CUI//SP-CTI//FEDCON)", "(U)"], "CUI//SP-CTI/SP-PRVCY//FEDCON"),
    ("U-05", ["(S)", "(CUI//SP-PRVCY//NF)"], "SECRET//CUI//SP-PRVCY//NOFORN"),
    ("A-01", ["(//NS)", "(//NC//ATOMAL)"], "//NATO SECRET//ATOMAL"),
    ("R-04", ["(S//NF//ACCM-TEA LEAF)", "(C//ACCM-ABC)"], "SECRET//NOFORN//ACCM-ABC/TEA LEAF"),
    # U-16: FOUO beside CUI is reported (cui-legacy-mixed), not rolled up into the CUI banner
    ("U-16", ["(CUI)", "(U//FOUO)"], "CUI"),
    ("U-16", ["(CUI//SP-PRVCY)", "(U//FOUO)", "(U)"], "CUI//SP-PRVCY"),
    ("U-16", ["(S)", "(CUI)", "(U//FOUO)"], "SECRET//CUI"),
]


@pytest.mark.parametrize("rule_id,portions,banner", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_rollup(rule_id, portions, banner):
    assert rollup(parse(p) for p in portions).banner() == banner


def test_caveated_unclassified_option():
    portions = [parse("(U//FOUO)"), parse("(S//REL TO USA, GBR)")]
    assert rollup(portions).banner() == "SECRET//NOFORN"
    assert rollup(portions, options=RollupOptions(caveated_unclassified="ignore")).banner() == \
        "SECRET//REL TO USA, GBR"


def test_tetragraph_expansion_option(tmp_path):
    # R-07's ISMROLL example needs FRME's members, which countries.yaml does not publish yet;
    # a rule set publishes them by adding a vocabulary file.
    extra = tmp_path / "frme.yaml"
    extra.write_text("tetragraphs:\n  FRME: {name: FRAMEWORK, members: [AUS, CAN, FRA, USA], decomposable: true}\n")
    vocab = load_vocabulary(["default", str(extra)])
    a = parse("(S//REL TO USA, AUS, CAN, FRA, YEM)", vocab=vocab)
    b = parse("(S//REL TO USA, FRME)", vocab=vocab)
    assert rollup([a, b]).banner() == "SECRET//REL TO USA, AUS, CAN, FRA"
    assert rollup([a, b], options=RollupOptions(tetragraph_expansion="eyes-only")).banner() == "SECRET//NOFORN"


def test_restricted_level_option():
    portions = [parse("(//GBR R)"), parse("(U)")]
    assert rollup(portions).banner() == "CONFIDENTIAL//FGI GBR"
    assert rollup(portions, options=RollupOptions(restricted_level="S")).banner() == "SECRET//FGI GBR"


def test_rollup_of_nothing_is_an_error():
    with pytest.raises(ValueError):
        rollup([])


def test_bad_option_is_an_error():
    with pytest.raises(ValueError):
        RollupOptions(caveated_unclassified="maybe")


def test_propin_after_cui_is_the_category_in_pure_cui_and_the_ic_control_after_a_classification():
    assert parse("CUI//PROPIN").cui_categories == (("PROPIN", False),)
    commingled = rollup([parse("(CUI)"), parse("(TS)"), parse("(TS//PROPIN)")])
    assert commingled.banner() == "TOP SECRET//CUI//PROPIN"
    assert parse(commingled.banner()) == commingled
    assert parse("TOP SECRET//CUI//PROPIN").cui_categories == ()
