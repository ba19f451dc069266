from marklint.checks.marking_problems import problems_of_kind
from marklint.checks.rule import WARNING, RuleDoc

RULE = RuleDoc(
    "MK009", "marking-advisory", WARNING, "a combination the rules allow but advise against",
    why='K-14: RD and FRD are normally NOFORN unless an AEA §123/§144 agreement allows release, so RD or FRD without NOFORN or an explicit release marking is reported (ICMSRM16 p.104, p.111; ISM22 ISM-ID-00467, a warning). F-14: a classified PROPIN marking also carries an explicit FD&R marking (ISM22 ISM-ID-00473, a warning). (d)5: RSV is normally NOFORN (ISM22 ISM-ID-00464; the 2016 register is silent). A-04: NATO classification markings do not carry NOFORN or EYES ONLY (CAPCO08 §2). U-08: DL ONLY supersedes the other CUI limited dissemination controls, so DL ONLY beside another LDC (CUI//DL ONLY/FEDCON) is reported (CUI Registry LDC definitions [S]).',
    bad="SECRET//RD\n\n(S//RD) The convoy leaves at dawn.\n\nSECRET//RD\n",
    good="SECRET//RD//NOFORN\n\n(S//RD//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nDerived From: Memo, March 3, 2025, Office of Plans\nDeclassify On: N/A to RD/FRD portions. See source list for NSI portions.\n\nSECRET//RD//NOFORN\n",
)

check = problems_of_kind(RULE)
