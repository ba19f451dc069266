import re

from marklint.checks.context import CheckContext
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK603", "aea-notice-missing", ERROR, "Atomic Energy Act information without its warning notice",
    why='T-07, A5: a document holding Restricted Data bears the RD notice ("This document contains Restricted Data as defined in the Atomic Energy Act of 1954. Unauthorized disclosure subject to administrative and criminal sanctions."); one holding Formerly Restricted Data and no RD, the FRD notice ("FORMERLY RESTRICTED DATA: Unauthorized disclosure subject to administrative and criminal sanctions. Handle as Restricted Data in foreign dissemination. Section 144.b, Atomic Energy Act, 1954."); one holding CNWDI, the CNWDI notice ("Critical Nuclear Weapon Design Information - DoD Instruction 5210.02 applies") as well (32 CFR 2001.24(h); 10 CFR 1045.140; ICMSRM16 p.104-113; ISM22 CVEnumISMNoticeProse RD_00001, FRD_00001, CNWDI_00001; E). Where a document holds both RD and FRD, the RD notice alone is required. Checked under us-cnsi and the rule sets built on it; off for the earlier eras and the allied systems.',
    bad="SECRET//RESTRICTED DATA//NOFORN\n\n(S//RD//NF) The device design is attached.\n\n(U) Comments are due Friday.\n\nClassified By: Jane Smith, Director, Office of Plans\nDerived From: CG-W-5, dated 20200101\nDeclassify On: N/A to RD/FRD portions. See source list for NSI portions.\n\nSECRET//RESTRICTED DATA//NOFORN\n",
    good="SECRET//RESTRICTED DATA//NOFORN\n\nRESTRICTED DATA\nThis document contains Restricted Data as defined in the Atomic Energy Act of 1954. Unauthorized disclosure subject to administrative and criminal sanctions.\n\n(S//RD//NF) The device design is attached.\n\n(U) Comments are due Friday.\n\nClassified By: Jane Smith, Director, Office of Plans\nDerived From: CG-W-5, dated 20200101\nDeclassify On: N/A to RD/FRD portions. See source list for NSI portions.\n\nSECRET//RESTRICTED DATA//NOFORN\n",
)

# Each notice by the words that set it apart (any case and spacing; the wording varies a little
# between DOE and DoD forms).
_NOTICES = {
    "RD": re.compile(r"contains\s+restricted\s+data", re.IGNORECASE),
    "FRD": re.compile(r"formerly\s+restricted\s+data\W+unauthorized\s+disclosure"
                      r"|handle\s+as\s+restricted\s+data\s+in\s+foreign\s+dissemination", re.IGNORECASE),
    "CNWDI": re.compile(r"critical\s+nuclear\s+weapon\s+design\s+information\W+dod\s+(?:directive|instruction)"
                        r"\s+5210\.0?2\s+applies", re.IGNORECASE),
}
_NAMES = {"RD": "Restricted Data", "FRD": "Formerly Restricted Data",
          "CNWDI": "Critical Nuclear Weapon Design Information"}


def check(ctx: CheckContext) -> list[Finding]:
    """A US classified document whose portions hold RD, FRD or CNWDI and that lacks the notice
    each one asks for (the FRD notice only where there is no RD)."""
    overall = ctx.overall
    if overall is None or overall.marking is None or overall.marking.scheme != "us":
        return []
    held = {item.id for mark in ctx.portions if mark.marking is not None for item in mark.marking.aea} \
        | {"CNWDI" for mark in ctx.portions if mark.marking is not None for item in mark.marking.aea if item.cnwdi}
    if "RD" in held:
        held.discard("FRD")
    findings = []
    for kind in ("RD", "FRD", "CNWDI"):
        if kind in held and _NOTICES[kind].search(ctx.text) is None:
            findings.append(ctx.finding(RULE, overall, f"document holds {_NAMES[kind]} ({kind}) but has no "
                                        f"{kind} warning notice (T-07)", overall.page))
    return findings
