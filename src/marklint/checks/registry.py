"""The rule registry: every rule's code, slug, default severity and documentation.

Slugs are a public contract (configuration, suppressions and baselines name them); codes are
stable once published. `bad` and `good` are small plain-text documents: the test suite lints
each rule's `bad` example and expects the rule to fire, and its `good` example and expects it
not to. `marklint rule SLUG|CODE` prints an entry; the rule table of docs/rules/index.md is
generated from this module (`python -m marklint.checks.registry --markdown`), and so is each
rule's page of the documentation site (marklint.rule_docs).
"""

from __future__ import annotations


from marklint.findings import Finding, Severity
from marklint.values import FrozenValue



class RuleDoc(FrozenValue):
    """Documentation and defaults of one rule."""

    _fields = ("code", "slug", "severity", "summary", "why", "bad", "good", "fixable", "example_format")

    def __init__(
        self,
        code: str,
        slug: str,
        severity: Severity,
        summary: str,
        why: str = "",  # the reason, with citations of marking-rules.md ids and the primary source
        bad: str = "",  # a plain-text document on which the rule fires
        good: str = "",  # a near-miss plain-text document on which it does not
        fixable: str = "",  # "", "safe" or "unsafe"
        # The reader the examples are written for ("markdown", ...). Rules about binary formats
        # ("docx", "pdf") have no inline examples: tests/readers builds those files.
        example_format: str = "text",
    ) -> None:
        self.__dict__.update(code=code, slug=slug, severity=severity, summary=summary, why=why, bad=bad,
                             good=good, fixable=fixable, example_format=example_format)

    def with_severity(self, severity: Severity) -> RuleDoc:
        """A copy with another severity (a rule set's or the configuration's override)."""
        return RuleDoc(**{**self.__dict__, "severity": severity})



E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

# Code blocks: MK0xx single markings, MK1xx banners, MK3xx portions, MK4xx authority block,
# MK5xx CUI, MK6xx transmittals, MK7xx format-specific, MK8xx archival releases (review blocks, OCR),
# MK9xx suppressions and inputs.
RULES: tuple[RuleDoc, ...] = (
    RuleDoc(
        "MK001", "marking-syntax", E, "a marking that cannot be parsed (separators, spacing, empty or stray parts)",
        fixable="safe",
        why='S-04, S-05, S-10, S-11, U-03: categories are separated by `//` and values by a single `/`, with no spaces, no empty and no trailing category (ICMSRM16 §A.6 p.15-16, §D.1 p.27; CUIHB p.6, 32 CFR 2002.20(b)). A marking written otherwise is not a valid marking.',
        bad="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET // NOFORN\n",
        good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
    ),
    RuleDoc(
        "MK002", "marking-unknown-token", E, "a word that is not in the vocabulary",
        fixable="safe",
        why='S-13: only registered classification and control markings may appear (32 CFR 2001.24(j)(2); ICMSRM16 §G p.36). An unknown word is usually a misspelling; the message suggests the closest registered word.',
        bad="SECRET//NOFRON\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFRON\n",
        good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
    ),
    RuleDoc(
        "MK003", "marking-order", E, "categories or values out of register order",
        fixable="safe",
        why='S-06, S-07, F-02, U-04, U-06: categories follow the fixed order classification // SCI // SAP // AEA // FGI // dissemination // non-IC, and tokens inside a category follow register order (ICMSRM16 §A.6 p.15-16, §D.1 p.27; CUIHB p.9-12).',
        bad="SECRET//NOFORN/ORCON\n\n(S//OC/NF) The convoy leaves at dawn.\n\nSECRET//NOFORN/ORCON\n",
        good="SECRET//ORCON/NOFORN\n\n(S//OC/NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//ORCON/NOFORN\n",
    ),
    RuleDoc(
        "MK004", "marking-form", E, "a token in the wrong form for a banner or a portion",
        fixable="safe",
        why='S-01, S-02, S-09, F-04: banners are upper case and spell the level out; portion marks use the abbreviated level and the authorized portion marks (ICMSRM16 §A.6 p.15, §D.1 p.27, §G Table 4; 32 CFR 2001.21(c)(1)). A banner in spaced letters (`S E C R E T`, cable style) is reported here too.',
        bad="SECRET//NOFORN\n\n(S//NOFORN) The convoy leaves at dawn.\n\nSECRET//NOFORN\n",
        good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
    ),
    RuleDoc(
        "MK005", "marking-conflict", E, "mutually exclusive tokens, a token not allowed at this level, or a missing companion",
        why='S-03, F-01, F-06..F-11, K-03..K-07, N-01..N-04, U-07, U-08: some markings exclude each other (NOFORN and REL TO), some are allowed only at certain levels, some need a companion (ICMSRM16 §H; ISM22 Schematron rules).',
        bad="SECRET//NOFORN\n\n(S//REL TO USA, GBR/NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n",
        good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
    ),
    RuleDoc(
        "MK006", "marking-duplicate", E, "the same token twice in one marking",
        fixable="safe",
        why='S-08: a marking lists each token once (ICMSRM16 §H.4 p.60; ISM22 ISM-ID-00236).',
        bad="SECRET//NOFORN/NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN/NOFORN\n",
        good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
    ),
    RuleDoc(
        "MK007", "legacy-marking", W, "a retired token or form",
        why="L-06, L-07, K-03: retired tokens and forms (WNINTEL and NOCONTRACT, eliminated in 1995; pre-2005 comma separators; bare HCS) are not used in new documents (DCID 1/7; ICMSRM16 §I Table 8 p.192-193). Older eras' forms are read the same way (docs/eras.md): cable letters `S E C R E T`, codewords and controls after the level without `//`, NO FOREIGN DISSEM, AIUO, whole-text statements, and authority lines such as CL BY, DRV, RVW, GDS, XGDS, E2 IMPDET and Group legends. The document's date decides: a token or form valid at that date is not reported; the message gives the modern form.",
        bad="SECRET//WNINTEL\n\nMarch 3, 2025\n\n(S//WN) The convoy leaves at dawn.\n\nSECRET//WNINTEL\n",
        good="SECRET\n\nMarch 3, 2025\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
    ),
    RuleDoc(
        "MK008", "marking-unregistered", W, "an unregistered word shaped like an unpublished SCI control system",
        why='S-13: only registered markings may appear, but unpublished SCI control systems exist and must be accepted as alphanumeric words (32 CFR 2001.24(j)(2); ICMSRM16 §G p.36, §H.4 p.60). A two- or three-character word (the register\'s notional `ANB`, `XNB`, `123`) is taken for an unpublished system\'s abbreviation; a longer unregistered word (`SECRET//XYZZY//NOFORN`) is understood but reported with the nearest registered system, since it is more often a mistake.',
        bad="SECRET//XYZZY//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//XYZZY//NOFORN\n",
        good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
    ),
    RuleDoc(
        "MK009", "marking-advisory", W, "a combination the rules allow but advise against",
        why='K-14: RD and FRD are normally NOFORN unless an AEA §123/§144 agreement allows release, so RD or FRD without NOFORN or an explicit release marking is reported (ICMSRM16 p.104, p.111; ISM22 ISM-ID-00467, a warning). (d)5: RSV is normally NOFORN (ISM22 ISM-ID-00464; the 2016 register is silent). A-04: NATO classification markings do not carry NOFORN or EYES ONLY (CAPCO08 §2).',
        bad="SECRET//RD\n\n(S//RD) The convoy leaves at dawn.\n\nSECRET//RD\n",
        good="SECRET//RD//NOFORN\n\n(S//RD//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nDerived From: Memo, March 3, 2025, Office of Plans\nDeclassify On: N/A to RD/FRD portions. See source list for NSI portions.\n\nSECRET//RD//NOFORN\n",
    ),
    RuleDoc(
        "MK101", "banner-missing-top", E, "a page has no banner at its top",
        fixable="safe when the page's other banner agrees with the roll-up, else unsafe",
        why='B-01, B-02, U-01: a classified document carries its banner at the top and bottom of every page (32 CFR 2001.21(b)(1),(3); ICMSRM16 §D.1 p.27); a CUI document at least at the top (CUIHB p.6-7).',
        bad="(S) The convoy leaves at dawn.\n\nSECRET\n",
        good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
    ),
    RuleDoc(
        "MK102", "banner-missing-bottom", E, "a page has no banner at its bottom",
        fixable="safe when the page's other banner agrees with the roll-up, else unsafe",
        why='B-01, B-02: the banner is repeated at the bottom of every page of a classified document (32 CFR 2001.21(b)(1),(3); ICMSRM16 §D.1 p.27). For CUI the bottom banner is optional (U-01) and the cui rule set does not require it.',
        bad="SECRET\n\n(S) The convoy leaves at dawn.\n",
        good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
    ),
    RuleDoc(
        "MK103", "banner-mismatch", E, "a page's banners disagree with each other or with the overall banner",
        why="B-01, B-02, U-01: a page's top and bottom banners are the same marking, and each page carries either the overall banner or, where per-page banners are allowed, the roll-up of its own portions (32 CFR 2001.21(b)(3); ICMSRM16 §D p.27; CUIHB p.19).",
        bad="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET\n",
        good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
    ),
    RuleDoc(
        "MK104", "banner-under-classified", E, "a banner lower than the highest portion it covers",
        fixable="unsafe",
        why="B-03, R-01: the banner's classification is at least the highest classification of the portions it covers, per page and for the whole document (32 CFR 2001.21(b)(2); ICMSRM16 §D.2 p.28; ISM22 ISM-ID-00056).",
        bad="SECRET\n\n(TS) The convoy leaves at dawn.\n\nSECRET\n",
        good="TOP SECRET\n\n(TS) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nTOP SECRET\n",
    ),
    RuleDoc(
        "MK105", "banner-over-classified", W, "an overall banner higher than every portion, without a compilation statement",
        why='B-03, T-03, R-09: the overall banner equals the highest portion; a higher banner needs a statement that the document is classified by compilation (32 CFR 2001.24(g), 2001.13(c); ISM22 ISM-ID-00108..00110). Judged per document: B-02 lets a page carry the overall banner above its own portions.',
        bad="TOP SECRET\n\n(S) The convoy leaves at dawn.\n\nTOP SECRET\n",
        good="TOP SECRET\n\n(S) The convoy leaves at dawn.\n\n(U) Classified by compilation: together these facts reveal the plan.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nTOP SECRET\n",
    ),
    RuleDoc(
        "MK106", "banner-rollup", E, "a banner whose controls differ from the roll-up of its portions",
        fixable="unsafe",
        why="B-06, R-02..R-07, U-05: the banner carries the union of the portions' SCI, SAP, AEA and FGI markings and the dissemination controls their roll-up implies (any NOFORN portion makes the banner NOFORN; REL TO is the intersection), and nothing no portion carries (ICMSRM16 §D.2 p.28-30 Table 3; ISMROLL §2.2; CUIHB p.16-19).",
        bad="SECRET\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET\n",
        good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
    ),
    RuleDoc(
        "MK301", "portion-missing", E, "a block that needs a portion mark has none",
        why='P-01, P-04, B-08, U-09: in a classified document every portion (paragraph, subject, title, list item, table cell) is marked; unclassified documents with controls are portion marked; CUI portion marking is optional but all-or-none (32 CFR 2001.21(c); ICMSRM16 §C p.25; CUIHB p.14-17). Administrative elements (dates, salutations, closings, signatures, page numbers, the authority block) are not portions.',
        bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nThe escort joins at noon.\n\nSECRET\n",
        good="SECRET\n\n(S) The convoy leaves at dawn.\n\n(U) The escort joins at noon.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
    ),
    RuleDoc(
        "MK302", "portion-placement", E, "a portion mark that is not at the start of its block",
        why='P-02, P-04: a portion mark is placed immediately before the text it covers, not after it (32 CFR 2001.21(c), 2001.23(b)(4); ICMSRM16 §A.6 p.15, §C.1 p.25).',
        bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nThe escort joins at noon. (U)\n\nSECRET\n",
        good="SECRET\n\n(S) The convoy leaves at dawn.\n\n(U) The escort joins at noon.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
    ),
    RuleDoc(
        "MK401", "cab-missing", E, "a classified document with no classification authority block",
        fixable="unsafe",
        why='C-01: every classified document carries a classification authority block on its face (Classified By, with Reason for original or Derived From for derivative classification, and Declassify On) (32 CFR 2001.21(a), 2001.22(a); ICMSRM16 §E p.31). Under the us-eo12356 rule set this is a warning (L-02, L-03).',
        bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n",
        good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
    ),
    RuleDoc(
        "MK402", "cab-incomplete", E, "an authority block missing a required line",
        why="C-02..C-05, C-18: an original classification needs Classified By, Reason and Declassify On; a derivative classification needs Classified By, Derived From and Declassify On, and does not carry the original Reason forward (a warning); a label that only resembles one of these (`Declass On:`) is a warning (32 CFR 2001.21(a), 2001.22(b)-(e); ICMSRM16 §E.2 p.32). The required lines are data in the rule set's `authority` section.",
        bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nDeclassify On: 20451231\n\nSECRET\n",
        good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
    ),
    RuleDoc(
        "MK403", "cab-declassify-invalid", E, "a Declassify On value of the wrong shape or retired",
        why='C-06, C-07, C-10..C-12, C-14, C-15, L-04: exactly one value, a date written YYYYMMDD, an event, 50X1-HUM or 50X2-WMD alone, 25X#/50X#/75X# with a date or event, `25X1, EO 12951`, or the N/A statement for RD/FRD/TFNI or NATO documents; retired values (OADR, MR, X1-X8, DCI Only, 25X1-human) are invalid on documents dated after they were retired (32 CFR 2001.21(a)(4), 2001.24(h), 2001.26; ICMSRM16 §E.1, §E.6 p.31-34; CAPCO08 §9).',
        bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: OADR\n\nSECRET\n",
        good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
    ),
    RuleDoc(
        "MK404", "cab-declassify-too-late", E, "a declassification date beyond the regime's limit",
        why="C-08, C-11, C-12: an original declassification date is at most 25 years from the date of the decision, 50 years with a 25X# exemption and 75 years with a 50X# exemption, counted from the document's date of origin (32 CFR 2001.12(a), 2001.21(a)(4)(ii), 2001.26). The limits are the rule set's `authority.declassify-on.max-years`.",
        bad="SECRET\n\nMarch 3, 2012\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
        good="SECRET\n\nMarch 3, 2012\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20370303\n\nSECRET\n",
    ),
    RuleDoc(
        "MK405", "cab-reason-invalid", E, "a Reason that is not 1.4(a)..(h)",
        why='C-03: the Reason line of an original classification cites section 1.4 of EO 13526 with one or more of the letters a-h, e.g. `1.4(c)` or `1.4(a)(c)` (32 CFR 2001.21(a)(3); ISM22 ISM-ID-00017). Off under us-eo12356 and a warning under us-eo12958, whose directives allowed the category in words.',
        bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(i)\nDeclassify On: 20451231\n\nSECRET\n",
        good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(a)(c)\nDeclassify On: 20451231\n\nSECRET\n",
    ),
    RuleDoc(
        "MK406", "cab-unexpected", E, "an authority block on an unclassified document",
        why='C-01, B-08: unclassified documents, including UNCLASSIFIED documents with controls such as FOUO and CUI documents, carry no classification authority block (32 CFR 2001.21(a); ICMSRM16 §B.8 p.23-24, §H.1 p.51; ISM22 ISM-ID-00016).',
        bad="UNCLASSIFIED\n\n(U) The meeting moved to Tuesday.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nUNCLASSIFIED\n",
        good="UNCLASSIFIED\n\n(U) The meeting moved to Tuesday.\n\nUNCLASSIFIED\n",
    ),
    RuleDoc(
        "MK501", "cui-designation-missing", E, "a CUI document whose first page names no designating agency",
        why="U-10: the first page of a CUI document identifies the designating agency (a letterhead, signature block or `Controlled by:` line) (CUIHB p.13, 32 CFR 2002.20(a); ISM22 ISM-ID-00497..00500). An office alone (`Chief, Licensing Branch`) does not identify it: the line must name an agency, per the rule set's `cui.agency-patterns` (docs/structure.md).",
        bad="CUI\n\n(CUI) Payroll records for March.\n\nCUI\n",
        good="CUI\n\nControlled by: Department of Good Works, Office of Payroll\n\n(CUI) Payroll records for March.\n\nCUI\n",
    ),
    RuleDoc(
        "MK502", "cui-legacy-mixed", E, "FOUO, SBU or LES in a document that carries CUI",
        why='U-16: legacy markings such as FOUO, SBU and LES are not used in a document that contains CUI; reused legacy material is re-marked as CUI (CUIHB p.31-32, 32 CFR 2002.36; ISM22 ISM-ID-00486).',
        bad="CUI\n\nControlled by: Department of Good Works, Office of Payroll\n\n(CUI) Payroll records for March.\n\n(U//FOUO) Office phone list.\n\nCUI\n",
        good="CUI\n\nControlled by: Department of Good Works, Office of Payroll\n\n(CUI) Payroll records for March.\n\n(U) Office phone list.\n\nCUI\n",
    ),
    RuleDoc(
        "MK601", "transmittal-statement-missing", E, "a transmittal with no 'upon removal' statement",
        why='T-01, U-13: a transmittal shows the highest marking of what it transmits and states what it becomes once the attachments are removed ("Upon removal of attachments, this document is UNCLASSIFIED") (32 CFR 2001.24(b); ICMSRM16 §B.10 p.24; CUIHB p.26, 32 CFR 2002.20(j)).',
        bad="SECRET\n\n(U) The convoy report is attached for your review.\n\nAttachment: Convoy report\n\nSECRET\n",
        good="SECRET\n\n(U) The convoy report is attached for your review.\n\n(U) Upon removal of the attachment, this document is UNCLASSIFIED.\n\nAttachment: Convoy report\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
    ),
    RuleDoc(
        "MK701", "header-footer-banner", E, "a Word header or footer variant without the overall banner",
        why="B-01, B-02: every page shows the banner at top and bottom (32 CFR 2001.21(b)(1),(3)); in Word the banner lives in the section headers and footers, and each enabled variant (first page, odd/default, even, per section) is what some page shows. Variants that fall on a page the reader can place are checked by banner-missing-top/-bottom and banner-mismatch there; this rule reports the others, naming the variant (\"header (even pages), section 2 has no banner\"). Word files only.",
        example_format="docx",
    ),
    RuleDoc(
        "MK702", "sensitivity-label-mismatch", E, "a Microsoft sensitivity label that contradicts the visible banner",
        why="B-03: the marking a document shows must be its classification (32 CFR 2001.21(b)). A Word file's enabled `MSIP_Label_*_Name` custom property is what mail and DLP systems act on; when that label is a marking (\"Secret\", \"SECRET//NOFORN\") that differs from the overall banner, one of them is wrong. Labels that are not markings (\"General\") are not judged. Word files only.",
        example_format="docx",
    ),
    RuleDoc(
        "MK703", "front-matter-mismatch", E, "a Markdown front-matter classification that the banners do not match",
        why="B-01, B-03: the overall banner states the document's classification (32 CFR 2001.21(b)(1)); a Markdown file whose YAML front matter declares `classification: SECRET//NOFORN` must carry that banner. Reported when the banner differs, when there is none, or when the declared value is not a marking. Markdown only.",
        bad="---\nclassification: SECRET//NOFORN\n---\n\n**SECRET**\n\n(S) The convoy leaves at dawn.\n\nClassified By: J. Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20501231\n\n**SECRET**\n",
        good="---\nclassification: SECRET\n---\n\n**SECRET**\n\n(S) The convoy leaves at dawn.\n\nClassified By: J. Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20501231\n\n**SECRET**\n",
        example_format="markdown",
    ),
    RuleDoc(
        "MK704", "pdf-no-text-layer", W, "a PDF (or PDF page) without a text layer, so its markings cannot be checked",
        why="A scanned PDF has only images; nothing in it can be checked, which is not the same as passing (B-01 still applies to it). Run OCR first. PDF only.",
        example_format="pdf",
    ),
    RuleDoc(
        "MK705", "email-authority-placement", E, "an e-mail whose authority block comes before the end of the message",
        why="B-09: a classified e-mail carries the overall marking on the first line of the body and again after the signature block, and the classification authority block goes after the signature block and before that closing marking (32 CFR 2001.23(b)(1),(2),(5)). Reported when a portion follows the authority block. E-mail (.eml) only.",
        bad="From: analyst@example.mil\nTo: desk@example.mil\nSubject: (U) Convoy\n\nSECRET\n\nClassified By: J. Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20501231\n\n(S) The convoy leaves at dawn.\n\n/s/ J. Smith\n\nSECRET\n",
        good="From: analyst@example.mil\nTo: desk@example.mil\nSubject: (U) Convoy\n\nSECRET\n\n(S) The convoy leaves at dawn.\n\n/s/ J. Smith\n\nClassified By: J. Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20501231\n\nSECRET\n",
        example_format="email",
    ),
    RuleDoc(
        "MK706", "email-attachment-unreadable", W, "an e-mail attachment marklint should read but cannot",
        why="B-10: attached files raise the message's overall marking (32 CFR 2001.23(i)). An attachment whose name marklint reads (.docx, .pdf, .md, ...) but that is damaged, encrypted or needs a missing optional dependency cannot be counted, so the message's banner may be too low. E-mail (.eml) only.",
        bad="From: analyst@example.mil\nSubject: (U) Convoy\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nSECRET\n\n(S) The convoy leaves at dawn.\n\n/s/ J. Smith\n\nClassified By: J. Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20501231\n\nSECRET\n\n--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"annex.docx\"\n\nUEsDBA==\n--b--\n",
        good="From: analyst@example.mil\nSubject: (U) Convoy\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nSECRET\n\n(S) The convoy leaves at dawn.\n\n/s/ J. Smith\n\nClassified By: J. Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20501231\n\nSECRET\n\n--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"annex.txt\"\n\nU0VDUkVUCgooUykgVGhlIGFubmV4LgoKU0VDUkVUCg==\n--b--\n",
        example_format="email",
    ),
    RuleDoc(
        "MK801", "review-class-form", E, "a sanitized copy's review block gives its class in a form that is not a valid marking",
        why='S-04, D-03: the review block of a sanitized copy records the level (and controls) at which withheld text was classified at review, and is itself a marking of EO 13526\'s time: categories are separated by `//` (ICMSRM16 §A.6 p.15-16; 32 CFR 2001.13(b)(4)). `CONFIDENTIAL/NOFORN` with one slash is a malformed marking. The block is checked under the rules of the review, not of the document\'s origin (see docs/archives.md).',
        bad="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL/NOFORN — Reason: 1.4(D) — Declassify on: 01/20/2036\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
        good="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL//NOFORN — Reason: 1.4(D) — Declassify on: 01/20/2036\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
    ),
    RuleDoc(
        "MK802", "review-declassify-passed", E, "a review block's 'Declassify on' date had already passed when the copy was released",
        why='D-03, A10: information classified (or reclassified) at review needs a declassification date still to come; a `Declassify on` date on or before the release date means the withheld text should already have been declassified (32 CFR 2001.13(b)(4), 2001.21(a)(4)). The release date is the release header\'s `Date:` (else the review date).',
        bad="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL — Reason: 1.4(D) — Declassify on: 01/20/2014\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
        good="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL — Reason: 1.4(D) — Declassify on: 01/20/2036\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
    ),
    RuleDoc(
        "MK803", "review-exemption-invalid", E, "a review block's 'Declassify on' names 25X without the exemption's number",
        why='A10, C-11: an exemption from automatic declassification is `25X1` to `25X9` (with a date or event); a bare `25X` names no exemption (32 CFR 2001.26(a)(1)-(3); ICMSRM16 §E.1 p.31, §E.6 p.34).',
        bad="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL — Reason: 1.4(D) — Declassify on: 25X\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
        good="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL — Reason: 1.4(D) — Declassify on: 25X1, 01/20/2036\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
    ),
    RuleDoc(
        "MK804", "review-reason-invalid", E, "a review block's Reason is not a classification category 1.4(a)-(h)",
        why='C-03, A9: the Reason of a classification decision is `1.4` with one of the letters a to h (32 CFR 2001.21(a)(3)); a FOIA exemption such as `B3 CIA PERS/ORG` or `B6` belongs to the release stamp, not to the Reason.',
        bad="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL — Reason: 1.4(B), B3 CIA PERS/ORG — Declassify on: 01/20/2036\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
        good="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL — Reason: 1.4(D) — Declassify on: 01/20/2036\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
    ),
    RuleDoc(
        "MK805", "ocr-recognised", I, "a banner read with OCR tolerance (a one-character slip, or a banner inside a line), with its confidence",
        why='B-01, B-03 (banners top and bottom) on scanned releases: OCR misreads banner letters (`SEGRET`, `5ECRET`, `CONFIDENTlAL`) and merges columns, which would hide the banner and report it missing. With `--ocr` (or for a collection configured `ocr: true`, such as the NARA JFK collection) marklint reads such a banner and says so, with a confidence below 1, so that a reviewer can check the scan. Not a defect of the document (see docs/archives.md).',
        bad="2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\nSEGRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n",
        good="2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\nSECRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n",
    ),
    RuleDoc(
        "MK901", "suppression-unused", W, "a suppression comment that suppresses nothing",
        why="Not a marking rule (no marking-rules.md id): a waiver that silences nothing hides no problem today but would silently hide a real one later, for example a new error on the line after a corrected portion. Remove it, or name the rule that actually fires. A directive that names an unknown rule, or no rule at all, is reported too. Suppressions are described in the documentation (Suppressions and baselines).",
        bad="SECRET\n\n# marklint: disable-next-line portion-missing -- quoted exhibit\n(S) The convoy leaves at dawn.\n\nSECRET\n",
        good="SECRET\n\n(S) The convoy leaves at dawn.\n\n# marklint: disable-next-line portion-missing -- quoted exhibit\nThe escort joins at noon.\n\nSECRET\n",
    ),
    RuleDoc(
        "MK902", "suppression-missing-reason", W, "a suppression comment without a reason",
        why="Not a marking rule (no marking-rules.md id): waiving a marking requirement is a decision a reviewer must be able to audit, so the directive says why after ` -- ` (a quoted exhibit, a cover sheet). A directive without a reason still suppresses, and is reported; turn this rule off in configuration if reasons are not wanted.",
        bad="SECRET\n\n(S) The convoy leaves at dawn.\n\n# marklint: disable-next-line portion-missing\nThe escort joins at noon.\n\nSECRET\n",
        good="SECRET\n\n(S) The convoy leaves at dawn.\n\n# marklint: disable-next-line portion-missing -- quoted exhibit\nThe escort joins at noon.\n\nSECRET\n",
    ),
)


_BY_KEY: dict[str, RuleDoc] = {}


def by_key(key: str) -> RuleDoc | None:
    """Find a rule by slug or code (case-insensitive for codes)."""
    if not _BY_KEY:
        _BY_KEY.update({rule.slug: rule for rule in RULES})
        _BY_KEY.update({rule.code: rule for rule in RULES})
    return _BY_KEY.get(key) or _BY_KEY.get(key.upper())


def _indented(text: str) -> str:
    return "".join(f"    {line}\n" if line else "\n" for line in text.rstrip("\n").split("\n"))


def render_rule(rule: RuleDoc) -> str:
    """The text `marklint rule SLUG|CODE` prints: header, summary, why, examples."""
    parts = [f"{rule.code} {rule.slug} (default severity: {rule.severity.label})\n", f"{rule.summary}\n"]
    if rule.fixable:
        parts.append(f"Fix: {rule.fixable}\n")
    if rule.why:
        import textwrap

        parts.append("\n" + textwrap.fill(f"Why: {rule.why}", 88) + "\n")
    written = "" if rule.example_format == "text" else f" ({rule.example_format})"
    if rule.bad:
        parts.append(f"\nFails{written}:\n{_indented(rule.bad)}")
    if rule.good:
        parts.append(f"\nPasses{written}:\n{_indented(rule.good)}")
    return "".join(parts)


def markdown_table() -> str:
    """The rule table of docs/rules/index.md (between its rules-table markers), generated from
    RULES; each slug links to the rule's own page (marklint.rule_docs)."""
    rows = ["| code | slug | severity | summary |", "|---|---|---|---|"]
    for rule in RULES:
        rows.append(f"| {rule.code} | [`{rule.slug}`]({rule.slug}.md) | {rule.severity.label} | {rule.summary} |")
    return "\n".join(rows) + "\n"


def make_finding(slug: str, *, path: str, line: int, column: int, message: str, **extra) -> Finding:
    """Build a Finding for a registered rule with its code and default severity.

    The lint pipeline later applies the rule set's and configuration's severity overrides.
    """
    rule = by_key(slug)
    if rule is None:
        raise KeyError(f"unregistered rule {slug!r}")
    return Finding(
        path=path, line=line, column=column, code=rule.code, rule=rule.slug,
        severity=rule.severity, message=message, **extra,
    )


if __name__ == "__main__":
    import sys

    if sys.argv[1:] != ["--markdown"]:
        sys.exit("usage: python -m marklint.checks.registry --markdown")
    sys.stdout.write(markdown_table())
