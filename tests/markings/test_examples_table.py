"""marking-rules.md section X: the official banner/portion pairs render to each other exactly."""

import pytest

from marklint.markings import check, parse, rollup
from marklint.markings.model import Problem

# (banner, portion): parse(banner).portion() == portion and parse(portion).banner() == banner
PAIRS = [
    ("TOP SECRET//SI-G/TK//RSEN/ORCON/NOFORN", "(TS//SI-G/TK//RS/OC/NF)"),
    ("TOP SECRET//SI-ABC-DEF//ORCON/NOFORN", "(TS//SI-ABC-DEF//OC/NF)"),
    ("TOP SECRET//SI-G ABCD EFGH-XYZ//ORCON/NOFORN", "(TS//SI-G ABCD EFGH-XYZ//OC/NF)"),
    ("TOP SECRET//ANB/SI/TK/XNB//NOFORN", "(TS//ANB/SI/TK/XNB//NF)"),
    ("TOP SECRET//HCS-P JJJ-P DDDD//ORCON/NOFORN", "(TS//HCS-P JJJ-P DDDD//OC/NF)"),
    ("TOP SECRET//HCS-P/LMN//SAR-BP//NOFORN", "(TS//HCS-P/LMN//SAR-BP//NF)"),
    ("TOP SECRET//SAR-BP-123/CA-XYZ YYY//NOFORN", "(TS//SAR-BP-123/CA-XYZ YYY//NF)"),
    ("TOP SECRET//RD-CNWDI//NOFORN", "(TS//RD-CNWDI//NF)"),
    ("//COSMIC TOP SECRET//BOHEMIA", "(//CTS//BOHEMIA)"),
    ("//DEU SECRET//REL TO USA, DEU", "(//DEU S//REL TO USA, DEU)"),
    ("//NATO SECRET//ATOMAL//ORCON", "(//NS//ATOMAL//OC)"),
    ("TOP SECRET//FGI DEU GBR//REL TO USA, DEU, GBR", "(TS//FGI DEU GBR//REL TO USA, DEU, GBR)"),
    ("SECRET//REL TO USA, DEU/RELIDO", "(S//REL TO USA, DEU/RELIDO)"),
    ("SECRET", "(S)"),
    ("SECRET//NOFORN/PROPIN", "(S//NF/PR)"),
    ("UNCLASSIFIED//REL TO USA, FVEY", "(U//REL TO USA, FVEY)"),
    ("UNCLASSIFIED//FOUO/NOFORN", "(U//FOUO/NF)"),
    ("UNCLASSIFIED//SSI", "(U//SSI)"),
    # template examples (ICMSRM16 pages in marking-rules.md X)
    ("TOP SECRET//NOFORN", "(TS//NF)"),
    ("SECRET//RELIDO", "(S//RELIDO)"),
    ("SECRET//HCS-O//ORCON/NOFORN", "(S//HCS-O//OC/NF)"),
    ("UNCLASSIFIED//LIMDIS", "(U//DS)"),
    ("SECRET//NOFORN//EXDIS", "(S//NF//XD)"),
    ("SECRET//NOFORN//NODIS", "(S//NF//ND)"),
    ("UNCLASSIFIED//SBU", "(U//SBU)"),
    ("UNCLASSIFIED//SBU NOFORN", "(U//SBU-NF)"),
    ("UNCLASSIFIED//LES", "(U//LES)"),
    ("UNCLASSIFIED//LES NOFORN", "(U//LES-NF)"),
    ("TOP SECRET//FGI", "(TS//FGI)"),
    ("SECRET//FGI AUS GBR", "(S//FGI AUS GBR)"),
    ("UNCLASSIFIED//DEA SENSITIVE", "(U//DSEN)"),
    ("SECRET//DISPLAY ONLY IRQ", "(S//DISPLAY ONLY IRQ)"),
    ("CONFIDENTIAL//DISPLAY ONLY AFG, IRQ", "(C//DISPLAY ONLY AFG, IRQ)"),
    ("SECRET//NOFORN/DEA SENSITIVE", "(S//NF/DSEN)"),
    ("SECRET//SAR-ABC-DEF 123/SDA-121//NOFORN", "(S//SAR-ABC-DEF 123/SDA-121//NF)"),
    ("SECRET//RD-CNWDI//REL TO USA, GBR", "(S//RD-CNWDI//REL TO USA, GBR)"),
    ("SECRET//FGI GBR JPN NATO//REL TO USA, GBR, JPN, NATO", "(S//FGI GBR JPN NATO//REL TO USA, GBR, JPN, NATO)"),
    ("SECRET//REL TO USA, GBR, JPN, ISAF, NATO", "(S//REL TO USA, GBR, JPN, ISAF, NATO)"),
    ("TOP SECRET//123/SI-G ABCD DEFG-MMM AACD//ORCON/NOFORN", "(TS//123/SI-G ABCD DEFG-MMM AACD//OC/NF)"),
    ("TOP SECRET//TK-BLFH ABCD//NOFORN", "(TS//TK-BLFH ABCD//NF)"),
    ("//JOINT TOP SECRET CAN ISR USA//REL TO USA, CAN, ISR", "(//JOINT TS CAN ISR USA//REL TO USA, CAN, ISR)"),
    ("//JOINT SECRET AUS USA//REL TO USA, AUS", "(//JOINT S AUS USA//REL TO USA, AUS)"),
    ("CUI//SP-EXPT/SP-PRVCY//FEDCON/NOFORN", "(CUI//SP-EXPT/SP-PRVCY//FEDCON/NF)"),
    ("SECRET//CUI//SP-PRVCY//NOFORN", "(S//CUI//SP-PRVCY//NF)"),
]

# Long banner forms and the canonical banner they mean (S-09, section X "=" rows).
LONG = [
    ("TOP SECRET//SI-GAMMA/TALENT KEYHOLE//RISK SENSITIVE/ORIGINATOR CONTROLLED/NOFORN",
     "TOP SECRET//SI-G/TK//RSEN/ORCON/NOFORN"),
    ("TOP SECRET//AUNPUB/SI/TALENT KEYHOLE/XUNPUB//NOFORN", "TOP SECRET//ANB/SI/TK/XNB//NOFORN"),
    ("TOP SECRET//HCS-P/LMN//SPECIAL ACCESS REQUIRED-BUTTER POPCORN//NOT RELEASABLE TO FOREIGN NATIONALS",
     "TOP SECRET//HCS-P/LMN//SAR-BP//NOFORN"),
    ("TOP SECRET//SAR-BUTTER POPCORN-123/CANDY APPLE-XYZ YYY//NOFORN", "TOP SECRET//SAR-BP-123/CA-XYZ YYY//NOFORN"),
    ("TOP SECRET//SAR-BUTTER POPCORN/SODA", "TOP SECRET//SAR-BP/SDA"),
    ("UNCLASSIFIED//LIMITED DISTRIBUTION", "UNCLASSIFIED//LIMDIS"),
    ("SECRET//NOFORN//NO DISTRIBUTION", "SECRET//NOFORN//NODIS"),
    ("UNCLASSIFIED//SENSITIVE BUT UNCLASSIFIED", "UNCLASSIFIED//SBU"),
]

# Banners over several portions (section X rows where the portion is not a rendering).
ROLLUPS = [
    ("SECRET//REL TO USA, FVEY/RELIDO", ["(S//REL/RELIDO)", "(C//REL TO USA, FVEY/RELIDO)"]),
    ("SECRET//TK//FGI//NOFORN", ["(//FGI S//NF)", "(S//TK//NF)"]),
    ("//JOINT SECRET CAN GBR USA//REL TO USA, CAN, GBR", ["(//JOINT S CAN GBR USA//REL TO USA, CAN, GBR)"]),
    ("SECRET//FRD-SIGMA 14 18//REL TO USA, ACGU", ["(S//FRD-SG 14 18//REL TO USA, ACGU)"]),
    ("UNCLASSIFIED//REL TO USA, FVEY", ["(U//REL)", "(U//REL TO USA, FVEY)"]),
    ("SECRET//REL TO USA, FVEY", ["(S//REL)", "(U)", "(S//REL TO USA, FVEY)"]),
    ("SECRET//REL TO USA, JPN", ["(U//FOUO/REL TO USA, JPN)", "(S//REL TO USA, JPN)"]),
    ("UNCLASSIFIED//NOFORN//SBU", ["(U//SBU-NF)", "(U//REL TO USA, FVEY)"]),
    ("SECRET//FGI CAN GBR//REL TO USA, CAN, GBR", ["(S//FGI CAN//REL TO USA, CAN, GBR)", "(//GBR S//REL TO USA, CAN, GBR)"]),
    ("CUI//SP-SPECIFIED-A/SP-SPECIFIED-B", ["(CUI//SP-SPECIFIED-A)", "(CUI)", "(CUI//SP-SPECIFIED-B)"]),
]


# Other strings of section X (templates, ISM renderer tests, CUI handbook): (text, banner,
# portion, slugs check() reports). Renderer output is not always valid by the register.
MORE = [
    # register templates that show no FD&R: RSV (d)5 and RD K-14 advise NOFORN (warnings)
    ("TOP SECRET//RSV-123-ABC", "TOP SECRET//RSV-123-ABC", "(TS//RSV-123-ABC)", {"marking-advisory"}),
    ("SECRET//RD-SIGMA 18 20", "SECRET//RD-SIGMA 18 20", "(S//RD-SG 18 20)", {"marking-advisory"}),
    ("TOP SECRET//FGI CAN DEU//NOFORN", "TOP SECRET//FGI CAN DEU//NOFORN", "(TS//FGI CAN DEU//NF)", set()),
    ("(S//REL TO USA, TEYE)", "SECRET//REL TO USA, TEYE", "(S//REL TO USA, TEYE)", set()),
    ("(TS//EYES)", "TOP SECRET//EYES", "(TS//EYES)", {"legacy-marking"}),
    ("SECRET//USA/CAN/GBR EYES ONLY", "SECRET//USA/CAN/GBR EYES ONLY", "(S//USA/CAN/GBR EYES ONLY)", {"legacy-marking"}),
    ("(//CAN GBR S)", "//CAN GBR SECRET", "(//CAN GBR S)", set()),
    ("(//FGI TS)", "//FGI TOP SECRET", "(//FGI TS)", set()),
    ("(TS//IMC/REL TO USA, AUS, CAN, GBR, NZL)", "TOP SECRET//IMCON/REL TO USA, AUS, CAN, GBR, NZL",
     "(TS//IMC/REL TO USA, AUS, CAN, GBR, NZL)", set()),
    ("//AUS TOP SECRET//SI", "//AUS TOP SECRET//SI", "(//AUS TS//SI)", set()),
    ("TOP SECRET//SI//FGI//NOFORN/FISA", "TOP SECRET//SI//FGI//NOFORN/FISA", "(TS//SI//FGI//NF/FISA)", set()),
    ("SECRET//RAWFISA", "SECRET//RAWFISA", "(S//RAWFISA)", set()),
    ("SECRET//SAR-ABC/SAR-DEF", "SECRET//SAR-ABC/DEF", "(S//SAR-ABC/DEF)", {"legacy-marking"}),
    ("TOP SECRET//HCS-P/SI-G/TK//CUI//SP-AIV/SP-PRIIG/CMPRS/JURY//ORCON/REL TO USA, GBR/DL_ONLY/FEDCON",
     "TOP SECRET//HCS-P/SI-G/TK//CUI//SP-AIV/SP-PRIIG/CMPRS/JURY//ORCON/REL TO USA, GBR/DL ONLY/FEDCON",
     "(TS//HCS-P/SI-G/TK//CUI//SP-AIV/SP-PRIIG/CMPRS/JURY//OC/REL TO USA, GBR/DL ONLY/FEDCON)",
     # HCS needs NOFORN (K-05); DL_ONLY is ISM's token spelling; DL ONLY supersedes FEDCON (U-08)
     {"marking-conflict", "marking-form", "marking-advisory"}),
    ("CUI//CMPRS/JURY//DL_ONLY/FEDCON/NOFORN", "CUI//CMPRS/JURY//DL ONLY/FEDCON/NOFORN",
     "(CUI//CMPRS/JURY//DL ONLY/FEDCON/NF)", {"marking-form", "marking-advisory"}),
    ("CUI//SP-AIV/SP-FISA//NOFORN", "CUI//SP-AIV/SP-FISA//NOFORN", "(CUI//SP-AIV/SP-FISA//NF)", set()),
    ("(CUI//LEI//NF/RELIDO)", "CUI//LEI//NOFORN/RELIDO", "(CUI//LEI//NF/RELIDO)", {"marking-conflict"}),
    ("UNCLASSIFIED//FGI GBR//CUI//SP-AIV/SP-PRIIG/CMPRS/JURY//REL TO USA, GBR",
     "UNCLASSIFIED//FGI GBR//CUI//SP-AIV/SP-PRIIG/CMPRS/JURY//REL TO USA, GBR",
     "(U//FGI GBR//CUI//SP-AIV/SP-PRIIG/CMPRS/JURY//REL TO USA, GBR)", set()),
    ("SECRET//SI/TK//FGI GBR//CUI//SP-FSEC/INTEL/LEI//REL TO USA, GBR",
     "SECRET//SI/TK//FGI GBR//CUI//SP-FSEC/INTEL/LEI//REL TO USA, GBR",
     "(S//SI/TK//FGI GBR//CUI//SP-FSEC/INTEL/LEI//REL TO USA, GBR)", set()),
    ("TOP SECRET//REL TO USA, FVEY//ACCM-FICTITIOUS EFFORT/TEA LEAF",
     "TOP SECRET//REL TO USA, FVEY//ACCM-FICTITIOUS EFFORT/TEA LEAF",
     "(TS//REL TO USA, FVEY//ACCM-FICTITIOUS EFFORT/TEA LEAF)", set()),
    ("UNCLASSIFIED//ACCM-ABC", "UNCLASSIFIED//ACCM-ABC", "(U//ACCM-ABC)", {"marking-conflict"}),
    ("SECRET//CUI", "SECRET//CUI", "(S//CUI)", set()),
    ("(S//CUI//SP-BBBB/SP-CCCC)", "SECRET//CUI//SP-BBBB/SP-CCCC", "(S//CUI//SP-BBBB/SP-CCCC)", {"marking-unknown-token"}),
    ("CONTROLLED//SP-SPECIFIED", "CUI//SP-SPECIFIED", "(CUI//SP-SPECIFIED)", {"marking-unknown-token"}),
]


@pytest.mark.parametrize("text,banner,portion,slugs", MORE, ids=[m[0] for m in MORE])
def test_more_examples(text, banner, portion, slugs):
    m = parse(text)
    assert (m.banner(), m.portion()) == (banner, portion)
    assert {p.rule for p in check(text)} == slugs


def test_joint_portion_shorthand():
    # K-22: "(//JOINT S//REL)" under "//JOINT SECRET CAN GBR USA//REL TO USA, CAN, GBR"
    m = parse("(//JOINT S//REL)")
    assert (m.scheme, m.level, m.owners, m.rel_to) == ("joint", "S", (), ())
    assert m.portion() == "(//JOINT S//REL)"
    assert check("(//JOINT S//REL)") == []
    assert [p.rule for p in check("(//JOINT S//REL TO USA, GBR)")] == ["marking-conflict"]
    assert [p.rule for p in check("//JOINT SECRET//REL")] == ["marking-syntax"]


@pytest.mark.parametrize("banner,portion", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair_renders_both_ways(banner, portion):
    assert parse(banner).portion() == portion
    assert parse(portion).banner() == banner
    assert parse(banner) == parse(portion)
    assert check(banner) == []
    assert check(portion) == []


@pytest.mark.parametrize("long,short", LONG, ids=[p[1] for p in LONG])
def test_long_and_short_forms_are_equal(long, short):
    assert parse(long) == parse(short)
    assert hash(parse(long)) == hash(parse(short))
    assert parse(long).banner() == short
    assert check(long) == []


@pytest.mark.parametrize("banner,portions", ROLLUPS, ids=[r[0] for r in ROLLUPS])
def test_banner_over_portions(banner, portions):
    assert rollup(parse(p) for p in portions).banner() == banner


def test_dl_only_supersedes_the_other_ldcs():
    # U-08: DL ONLY supersedes the other limited dissemination controls: a warning beside them
    assert check("CUI//DL ONLY/FEDCON") == [Problem(
        "marking-advisory", 6, 13,
        '"DL ONLY" supersedes the other limited dissemination controls (FEDCON): the dissemination list governs (U-08)')]
    assert [(p.rule, p.column, p.message) for p in check("(CUI//SP-PRVCY//DL ONLY/NF)")] == [
        ("marking-advisory", 17, '"DL ONLY" supersedes the other limited dissemination controls (NOFORN): '
                                 "the dissemination list governs (U-08)")]
    assert check("CUI//DL ONLY") == []
    assert check("(CUI//FEDCON)") == []
