"""Near misses of single marking strings: the exact problem (rule, columns, message, replacement)
for lower case, extra blanks, wrong separators, repeated words and meaning conflicts that the
tolerant reader used to pass silently or report unhelpfully (marking-rules.md S, K, F, U)."""

import datetime

import pytest

from marklint.markings import check, parse


def problems(text):
    return [(p.rule, p.column, p.end_column, p.message, p.replacement) for p in check(text)]


@pytest.mark.parametrize("text,expected", [
    # S-08: a compartment, a sub-compartment or a SIGMA number written twice
    ("TOP SECRET//SI-G-G//ORCON",
     [("marking-duplicate", 13, 19, 'a compartment or sub-compartment of "SI" is repeated (S-08)', "SI-G")]),
    ("TOP SECRET//SI-G ABCD ABCD//ORCON",
     [("marking-duplicate", 13, 27, 'a compartment or sub-compartment of "SI" is repeated (S-08)', "SI-G ABCD")]),
    ("TOP SECRET//SI-G DEFG ABCD ABCD//ORCON",
     [("marking-duplicate", 13, 32, 'a compartment or sub-compartment of "SI" is repeated (S-08)', None),
      ("marking-syntax", 13, 32, "compartments and sub-compartments are sorted, numbers first (K-01)",
       "SI-G ABCD DEFG")]),
    ("SECRET//RD-SIGMA 14 14//NOFORN", [("marking-duplicate", 9, 23, "a SIGMA number is repeated (S-08)", None)]),
    # K-01: "/" written for "-" is one syntax problem, not a repeated system
    ("TOP SECRET//SI/G//ORCON",
     [("marking-syntax", 15, 17, 'a compartment follows its control system after "-": "SI-G" (K-01)', None)]),
    # K-16, S-03: USA is never a foreign source or a foreign owner
    ("SECRET//FGI USA", [("marking-conflict", 9, 16, "FGI names the foreign sources; USA is not one (K-16)", None)]),
    ("(//USA S)", [("marking-conflict", 4, 9, "US information is not marked with owner codes: a US level, or JOINT "
                                            "when co-owned with other countries (S-03, K-20)", None)]),
    ("SECRET//FGI-GBR", [("marking-syntax", 9, 16, "FGI codes are separated by single spaces (K-16)", "FGI GBR")]),
    # S-02, S-04, K-01: blanks and hyphens inside a value
    ("TOP  SECRET", [("marking-syntax", 1, 12, 'one space between words: "TOP SECRET" (S-04)', "TOP SECRET")]),
    ("TOP-SECRET//NOFORN", [("marking-syntax", 1, 11, 'the classification is written with single spaces: '
                                                     '"TOP SECRET" (S-02)', "TOP SECRET")]),
    ("(//FGI-S)", [("marking-syntax", 4, 9, 'the classification is written with single spaces: "FGI S" (S-02)',
                    "FGI S")]),
    ("SECRET//REL TO  USA, GBR",
     [("marking-syntax", 9, 25, 'one space between words: "REL TO USA, GBR" (S-04)', "REL TO USA, GBR")]),
    ("SECRET//FGI  GBR", [("marking-syntax", 9, 17, 'one space between words: "FGI GBR" (S-04)', "FGI GBR")]),
    ("SECRET//RD - CNWDI//NOFORN",
     [("marking-syntax", 9, 19, 'no spaces around "-": "RD-CNWDI" (K-01, K-11)', "RD-CNWDI")]),
    ("CUI//SP - PRVCY", [("marking-syntax", 6, 16, 'no spaces around "-": "SP-PRVCY" (K-01, K-11)', "SP-PRVCY")]),
    # S-01: lower case wherever it is written
    ("SECRET//sar-bp", [("marking-form", 9, 15, '"sar-bp" must be written "SAR-BP" (S-01)', "SAR-BP")]),
    ("SECRET//FGI gbr", [("marking-form", 9, 16, '"FGI gbr" must be written "FGI GBR" (S-01)', "FGI GBR")]),
    ("SECRET//RD-cnwdi//NOFORN", [("marking-form", 9, 17, '"RD-cnwdi" must be written "RD-CNWDI" (S-01)', "RD-CNWDI")]),
    ("SECRET//Rel To USA, GBR",
     [("marking-form", 9, 24, '"Rel To USA, GBR" must be written "REL TO USA, GBR" (S-01)', "REL TO USA, GBR")]),
    ("//joint SECRET GBR USA//REL TO USA, GBR",
     [("marking-form", 3, 23, '"joint SECRET GBR USA" must be written "JOINT SECRET GBR USA" (S-01)',
       "JOINT SECRET GBR USA")]),
    ("TOP SECRET//SI-g//ORCON", [("marking-form", 13, 17, '"SI-g" must be written "SI-G" (S-01)', "SI-G")]),
    # wrong separators: a missing hyphen, blanks between controls, a level run on into its controls
    ("SECRET//SAR BP", [("marking-syntax", 12, 13, '"SAR" is joined to what follows by "-": "SAR-BP" (K-08)', "-")]),
    ("SECRET//RD SIGMA 14//NOFORN",
     [("marking-syntax", 11, 12, '"RD" is joined to what follows by "-": "RD-SIGMA 14" (K-11)', "-")]),
    ("CUI//SP PRVCY", [("marking-syntax", 8, 9, '"SP" is joined to what follows by "-": "SP-PRVCY" (U-04)', "-")]),
    ("SECRET//NOFORN ORCON", [("marking-syntax", 15, 16, 'controls are separated by "/", not blanks (S-05)', "/"),
                              ("marking-order", 16, 21, '"ORCON" goes before "NOFORN" (register order, S-07)', None)]),
    ("(S//OC NF)", [("marking-syntax", 7, 8, 'controls are separated by "/", not blanks (S-05)', "/")]),
    ("SECRET NOFORN", [("marking-syntax", 7, 8, 'categories are separated by "//" (S-04)', "//")]),
    ("(S,NF)", [("marking-syntax", 3, 4, 'categories are separated by "//" (S-04)', "//")]),
    ("(S-NF)", [("marking-syntax", 3, 4, 'categories are separated by "//" (S-04)', "//")]),
    ("TOP SECRET SI", [("marking-syntax", 11, 12, 'categories are separated by "//" (S-04)', "//")]),
    ("CUI SP-PRVCY", [("marking-syntax", 4, 5, 'categories are separated by "//" (S-04)', "//")]),
    ("CUI-NOFORN", [("marking-syntax", 4, 5, 'categories are separated by "//" (S-04)', "//")]),
    # a hyphen for the blank of a known control (not an SCI system "FED" with a compartment "ONLY")
    ("CUI//SP-PRVCY//FED-ONLY",
     [("marking-syntax", 16, 24, '"FED-ONLY" joins with "-" what is written "FED ONLY"', "FED ONLY")]),
    ("UNCLASSIFIED//SBU-NOFORN",
     [("marking-syntax", 15, 25, '"SBU-NOFORN" joins with "-" what is written "SBU NOFORN"', "SBU NOFORN")]),
    ("SECRET//ORCON USGOV",
     [("marking-syntax", 9, 20, '"ORCON USGOV" joins with a blank what is written "ORCON-USGOV"', "ORCON-USGOV")]),
    # S-13: a long unregistered word names the control it is closest to, of any kind
    ("SECRET//NOFROM", [("marking-unregistered", 9, 15, '"NOFROM" is not a registered SCI control system '
                                                       '(nearest: "NOFORN"); an unpublished system, or a mistake? (S-13)',
                         None)]),
    # U-12: an administrative marking is not a CUI category (the handbook's "CONTROLLED//DRAFT")
    ("CONTROLLED//DRAFT", [("marking-conflict", 13, 18, '"DRAFT" is an administrative marking: it goes on a line '
                                                       "of its own, never inside a CUI marking (U-12)", None)]),
    # transposed words: the known spelling they rearrange is the suggestion
    ("SECRET//TO REL USA, GBR", [("marking-unknown-token", 9, 24, 'unknown marking word "TO REL USA, GBR"; '
                                                                 'did you mean "REL TO USA, GBR"?', None)]),
    ("SECRET TOP//NOFORN", [("marking-unknown-token", 1, 11, 'unknown classification "SECRET TOP"; '
                                                            'did you mean "TOP SECRET"?', None)]),
    ("//SECRET NATO", [("marking-unknown-token", 3, 14, 'unknown non-US classification "SECRET NATO"; '
                                                       'did you mean "NATO SECRET"?', None)]),
    ("CUI//ONLY FED", [("marking-unknown-token", 6, 14, 'unknown dissemination control "ONLY FED"; '
                                                       'did you mean "FED ONLY"?', None)]),
    # S-09: the long title of an AEA subset is a banner form
    ("(TS//RD-CRITICAL NUCLEAR WEAPON DESIGN INFORMATION//NF)",
     [("marking-form", 6, 51, 'a portion mark uses "CNWDI" (S-09)', None)]),
    # N-08, ISM-ID-00038: EXDIS and NODIS take precedence over SBU; never on one element
    ("UNCLASSIFIED//NOFORN//EXDIS/SBU", [("marking-conflict", 29, 32, '"EXDIS" and "SBU" are never used together; '
                                                                     '"EXDIS" takes precedence', None)]),
    ("(U//NF//ND/SBU)", [("marking-conflict", 12, 15, '"NODIS" and "SBU" are never used together; '
                                                     '"NODIS" takes precedence', None)]),
    ("SECRET//REL TO USA, NATO abc", [("marking-form", 21, 29, '"NATO abc" must be written "NATO ABC" (S-01)',
                                       "NATO ABC")]),
    # A3, K-01: compartment and sub-compartment words take the shapes the register gives them
    ("TOP SECRET//SI-ABCD//NOFORN",
     [("marking-syntax", 16, 20, 'unregistered SI compartments are 2 or 3 letters, not "ABCD" (A3, K-01)', None)]),
    ("(TS//SI-AB1//NF)",
     [("marking-syntax", 9, 12, 'unregistered SI compartments are 2 or 3 letters, not "AB1" (A3, K-01)', None)]),
    ("TOP SECRET//HCS-P ABCDEFG//ORCON/NOFORN",
     [("marking-syntax", 19, 26, 'HCS-P sub-compartments are at most 6 letters or digits, not "ABCDEFG" (A3, K-01)',
       None)]),
    ("TOP SECRET//SI-G ABC//ORCON",
     [("marking-syntax", 18, 21, 'SI-G sub-compartments are 4 letters, not "ABC" (A3, K-01)', None)]),
    ("TOP SECRET//SI-GAMMA ABCD EFG//ORCON",
     [("marking-syntax", 27, 30, 'SI-G sub-compartments are 4 letters, not "EFG" (A3, K-01)', None)]),
    ("TOP SECRET//RSV-ABCD//NOFORN",
     [("marking-syntax", 17, 21, 'unregistered RSV compartments are 3 letters or digits, not "ABCD" (A3, K-01)',
       None)]),
    ("TOP SECRET//TK-BLFH ABCDEFG//NOFORN",
     [("marking-syntax", 21, 28, 'TK-BLFH sub-compartments are at most 6 letters or digits, not "ABCDEFG" (A3, K-01)',
       None)]),
    ("SECRET//TK-IDIT ABC-KAND ABCDEFG//NOFORN",
     [("marking-syntax", 26, 33, 'TK-KAND sub-compartments are at most 6 letters or digits, not "ABCDEFG" (A3, K-01)',
       None)]),
    # F-12: USA heads an EYES ONLY list; the list is read, not taken for a stray category
    ("SECRET//GBR/USA EYES ONLY",
     [("marking-order", 9, 26, "an EYES ONLY list names USA first (F-12)", "USA/GBR EYES ONLY"),
      ("legacy-marking", 9, 26, '"EYES ONLY" is retired; use "REL TO USA, GBR"', None)]),
    # P-02: blanks just inside a portion mark's parentheses
    ("( S )", [("marking-syntax", 2, 3, "a portion mark has no blanks inside its parentheses (P-02)", None)]),
    ("(S//NF  )", [("marking-syntax", 7, 9, "a portion mark has no blanks inside its parentheses (P-02)", None)]),
])
def test_near_miss_problems(text, expected):
    assert problems(text) == expected


@pytest.mark.parametrize("text", [
    # K-20: a tetragraph co-owner is named by itself in the REL TO list
    "//JOINT SECRET CAN GBR USA NATO//REL TO USA, CAN, GBR, NATO",
    # A11: NATO sub-groups (ISM NATO:[name]) are one code each, sorted with the tetragraphs (ISM22 XSpec)
    "SECRET//REL TO USA, DEU, JPN, NZL, ZAF, FVEY, NATO ABC, NATO DEF, RSMA",
    "SECRET//REL TO USA, NATO PfP",
    # mixed case the vocabulary itself spells (ISM22 BannerMapping, nacs.xml)
    "CUI//PRIVILEGE//Attorney-Client",
    "(//NPfPS)",
    # the register's own repeated compartment name with different sub-compartments (X, p.194)
    "TOP SECRET//HCS-P JJJ-P DDDD//ORCON/NOFORN",
    # A3: the longest shapes the register allows (ICMSRM16 p.68, 72, 76, 81, 89)
    "TOP SECRET//HCS-P ABC123//ORCON/NOFORN",
    "TOP SECRET//RSV-A1B//NOFORN",
    "TOP SECRET//SI-AB-G ABCD EFGH-XYZ//ORCON/NOFORN",
    "TOP SECRET//TK-BLFH ABCDEF//NOFORN",
])
def test_correct_markings_have_no_problem(text):
    assert problems(text) == []
    m = parse(text)
    assert (m.portion() if text.startswith("(") else m.banner()) == text


def test_a_tetragraph_co_owner_missing_from_rel_to_is_still_reported():
    assert problems("//JOINT SECRET CAN GBR USA NATO//REL TO USA, CAN, GBR") == [
        ("marking-conflict", 34, 54, "REL TO must include every JOINT co-owner; missing NATO (K-20)", None)]


def test_the_meaning_read_through_the_near_miss():
    assert parse("TOP SECRET//SI/G//ORCON").banner() == "TOP SECRET//SI-G//ORCON"
    assert parse("SECRET//SAR BP").banner() == "SECRET//SAR-BP"
    assert parse("SECRET//NOFORN ORCON").banner() == "SECRET//ORCON/NOFORN"
    assert parse("TOP SECRET//SI-G-G//ORCON").banner() == "TOP SECRET//SI-G//ORCON"
    # the retired list form keeps its lower-case "and" to the era-dependent list rule (L-07)
    assert [p.rule for p in check("SECRET//REL TO USA, AUS and GBR")] == ["marking-syntax"]


@pytest.mark.parametrize("text,expected", [
    # S-08: a repeated value is dropped, not moved; the repeat alone does not put the list out of order
    ("SECRET//FGI GBR GBR", [("marking-duplicate", 9, 20, "an FGI code is repeated (S-08)", "FGI GBR")]),
    ("SECRET//REL TO USA, GBR, GBR",
     [("marking-duplicate", 16, 29, "a country code is repeated in REL TO", "USA, GBR")]),
    ("SECRET//ORCON/NOFORN/ORCON", [("marking-duplicate", 22, 27, '"ORCON" is repeated (S-08)', None)]),
    ("TOP SECRET//SI/TK/SI", [("marking-duplicate", 19, 21, '"SI" is repeated (S-08)', None)]),
    ("(//GBR GBR S)", [("marking-duplicate", 4, 11, "an owner code is repeated", None)]),
    # a repeat after a value really out of place still leaves the order problem
    ("SECRET//NOFORN/NOFORN/ORCON", [("marking-duplicate", 16, 22, '"NOFORN" is repeated (S-08)', None),
                                     ("marking-order", 23, 28, '"ORCON" goes before "NOFORN" (register order, S-07)',
                                      None)]),
    # K-13: a token that may not stand with another is removed, so where it stands is moot
    ("SECRET//FRD/RD//NOFORN",
     [("marking-conflict", 13, 15, '"RD" and "FRD" are never used together; "RD" takes precedence', None)]),
    ("SECRET//TFNI/RD//NOFORN",
     [("marking-conflict", 14, 16, '"RD" and "TFNI" are never used together; "RD" takes precedence', None)]),
    # S-09: a banner may spell out the REL TO marking title; a portion uses "REL TO"
    ("SECRET//AUTHORIZED FOR RELEASE TO USA, GBR", []),
    ("(S//AUTHORIZED FOR RELEASE TO USA, GBR)",
     [("marking-form", 5, 30, 'a portion mark uses "REL TO" (S-09)', "REL TO")]),
    # S-13: an unknown word beside dissemination controls, or in a pure CUI marking, is a misspelt
    # control, not an unpublished SCI system
    ("(TS//SI//NF/FOO)",
     [("marking-unknown-token", 13, 16, 'unknown dissemination control "FOO"; did you mean "FOUO"?', "FOUO")]),
    ("CUI//SP-CTI//DELIB", [("marking-unknown-token", 14, 19, 'unknown marking word "DELIB"', None)]),
    # the first part after CUI is a category or a limited dissemination control: both are suggested
    ("CUI//FEDCOM", [("marking-unknown-token", 6, 12, 'unknown CUI category or limited dissemination control '
                                                     '"FEDCOM"; did you mean "FEDCON"?', "FEDCON")]),
    # K-07 and K-04: one level problem for an SCI system, said once
    ("UNCLASSIFIED//SI", [("marking-conflict", 1, 13, "SCI and SAP markings are used only on classified "
                                                     "information (K-07)", None)]),
    ("CONFIDENTIAL//HCS-P//NOFORN", [("marking-conflict", 15, 20, "HCS is not used with CONFIDENTIAL (K-04)", None)]),
    ("SECRET//SI-G ABCD//ORCON", [("marking-conflict", 9, 18, "SI-G is not used with SECRET (K-04)", None)]),
    # S-06, U-14: a registered SCI system after CUI is out of place, not a misspelt CUI category
    ("SECRET//CUI//SI//SP-CTI",
     [("marking-order", 14, 16, 'the SCI control "SI" goes before the CUI marking "CUI" (S-06)', None)]),
    # K-07 in a pure CUI marking points at its "CUI"
    ("CUI//SI", [("marking-conflict", 1, 4, "SCI and SAP markings are used only on classified information (K-07)",
                  None)]),
    # F-02, F-06, K-16: "/" written for a list's own separator continues the list
    ("SECRET//REL TO USA/GBR", [("marking-syntax", 19, 20, 'codes in the list are separated by ", ", not "/" (F-02)',
                                 ", ")]),
    ("SECRET//DISPLAY ONLY AFG/IRQ",
     [("marking-syntax", 25, 26, 'codes in the list are separated by ", ", not "/" (F-06)', ", ")]),
    ("SECRET//FGI GBR/DEU", [("marking-syntax", 16, 17, 'codes in the list are separated by " ", not "/" (K-16)', " ")]),
    # L-07: the retired "and" also after a comma ("USA, AUS, and GBR"); upper-case "AND" there is Andorra
    ("SECRET//REL TO USA, AUS, and GBR",
     [("marking-syntax", 26, 29, 'country lists are separated by ", " ("and" was retired in July 2005, L-07)', None)]),
    ("SECRET//REL TO USA, AND, GBR", []),
    # S-13: an unregistered compartment close to a registered one of its system is that one misspelt
    ("TOP SECRET//SI-GAMA//ORCON",
     [("marking-unknown-token", 16, 20, 'unknown SI compartment "GAMA"; did you mean "GAMMA"?', "GAMMA")]),
    ("TOP SECRET//TK-BLUFISH//NOFORN",
     [("marking-unknown-token", 16, 23, 'unknown TK compartment "BLUFISH"; did you mean "BLUEFISH"?', "BLUEFISH")]),
    # K-10: the DoD roll-up of several programs is not a program name under IC rules
    ("SECRET//SAR-MULTIPLE PROGRAMS",
     [("marking-unknown-token", 9, 30, '"SAR-MULTIPLE PROGRAMS" is the DoD form for several programs (K-10); under '
                                       "IC rules each program is listed; lint with --rules us-dod", None)]),
    # a hyphen inside a list keyword or a control word is a slip, read as the control it breaks
    ("SECRET//REL-TO USA, GBR", [("marking-syntax", 12, 13, '"REL TO" is written with a blank, not "-"', " ")]),
    ("SECRET//NO-FORN", [("marking-syntax", 9, 16, '"NO-FORN" is written "NOFORN"', "NOFORN")]),
    ("(S//NO-FORN)", [("marking-syntax", 5, 12, '"NO-FORN" is written "NF"', "NF")]),
    # S-05: a control after a list, written with a comma or a blank for "/", is that control
    ("SECRET//REL TO USA, GBR, RELIDO", [("marking-syntax", 24, 26, 'controls are separated by "/" (S-05)', "/")]),
    ("SECRET//REL TO USA, GBR DISPLAY ONLY IRQ",
     [("marking-syntax", 24, 25, 'controls are separated by "/" (S-05)', "/")]),
    ("SECRET//DISPLAY ONLY IRQ, RELIDO",
     [("marking-syntax", 25, 27, 'controls are separated by "/" (S-05)', "/"),
      ("marking-conflict", 27, 33, '"RELIDO" and "DISPLAY ONLY" are never used together', None)]),
    # F-12: "EYES ONLY" without its list is not a list whose country is "ONLY"
    ("SECRET//EYES ONLY", [("marking-syntax", 9, 18, '"EYES ONLY" needs a list of country codes', None),
                           ("legacy-marking", 9, 18, '"EYES ONLY" is retired; use REL TO', None)]),
])
def test_one_problem_said_once(text, expected):
    assert problems(text) == expected


def test_a_list_continued_after_a_slash_means_the_whole_list():
    assert parse("SECRET//REL TO USA, AUS/GBR").banner() == "SECRET//REL TO USA, AUS, GBR"
    assert parse("(S//FGI GBR/DEU)").portion() == "(S//FGI DEU GBR)"
    assert parse("SECRET//REL TO USA, GBR, RELIDO").banner() == "SECRET//REL TO USA, GBR/RELIDO"
    assert parse("SECRET//REL-TO USA, GBR").banner() == "SECRET//REL TO USA, GBR"
    assert parse("SECRET//NO-FORN").banner() == "SECRET//NOFORN"
    assert parse("SECRET//ORCON, REL TO USA, AUS and GBR").banner() == "SECRET//ORCON/REL TO USA, AUS, GBR"


def test_sar_after_the_ic_dissems_was_its_place_until_october_2003():
    # L-07: before October 2003 SAR sat in the non-IC category; reported from then on (S-06)
    old, new = datetime.date(1999, 6, 1), datetime.date(2003, 10, 1)
    assert check("SECRET//NOFORN//SAR-BP", era=old) == []
    assert problems_at("SECRET//NOFORN//SAR-BP", new) == [
        ("marking-order", 17, 23, 'the special access program "SAR-BP" goes before the dissemination control '
                                  '"NOFORN" (S-06)', None)]
    # commas separated controls before July 2005 (S-05, L-07), after a list too, and before one
    assert check("SECRET//REL TO USA, GBR, RELIDO", era=old) == []
    assert check("SECRET//ORCON, REL TO USA, AUS and GBR", era=old) == []
    assert problems_at("SECRET//ORCON, REL TO USA, GBR", datetime.date(2005, 7, 1)) == [
        ("marking-syntax", 9, 31, 'controls are separated by "/" (commas were retired in July 2005, S-05)',
         "ORCON/REL TO USA, GBR")]
    # only the whole SAR category had that place: SAR among the dissems is wrong in any era
    assert [p.rule for p in check("SECRET//NOFORN/SAR-BP", era=old)] == ["marking-syntax", "marking-order"]


def problems_at(text, era):
    return [(p.rule, p.column, p.end_column, p.message, p.replacement) for p in check(text, era=era)]
