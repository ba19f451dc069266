"""Each kind of safe fix the issue names, on a one-page draft: the exact fixed text, the rules
of the fixed findings, and that only the marking changed."""

import pytest

from marklint.fix import fix_path
from marklint.lint import Settings

CAB = "Classified By: J. Smith, Director\nDerived From: Memo dated 20240101\nDeclassify On: 20491231\n"


def draft(top: str, portion: str, bottom: str) -> str:
    return f"{top}\n\n{portion} The convoy left at dawn.\n\n{CAB}\n{bottom}\n"


CASES = [
    # (case id, (top, portion, bottom) before, after, rules of the fixed findings)
    ("separators-and-spacing", ("SECRET // NOFORN", "(S//NF)", "SECRET//NOFORN"),
     ("SECRET//NOFORN", "(S//NF)", "SECRET//NOFORN"), ["marking-syntax"]),
    ("single-slash-between-categories", ("SECRET/NOFORN", "(S//NF)", "SECRET//NOFORN"),
     ("SECRET//NOFORN", "(S//NF)", "SECRET//NOFORN"), ["marking-syntax"]),
    ("upper-case", ("secret//noforn", "(S//NF)", "Secret//Noforn"),
     ("SECRET//NOFORN", "(S//NF)", "SECRET//NOFORN"), ["marking-form"] * 4),
    ("register-order-of-tokens", ("SECRET//NOFORN/ORCON", "(S//NF/OC)", "SECRET//ORCON/NOFORN"),
     ("SECRET//ORCON/NOFORN", "(S//OC/NF)", "SECRET//ORCON/NOFORN"), ["marking-order"] * 2),
    ("register-order-of-categories", ("TOP SECRET//NOFORN//SI", "(TS//SI//NF)", "TOP SECRET//SI//NOFORN"),
     ("TOP SECRET//SI//NOFORN", "(TS//SI//NF)", "TOP SECRET//SI//NOFORN"), ["marking-order"]),
    ("rel-to-order", ("SECRET//REL TO GBR, USA, AUS", "(S//REL TO GBR, AUS, USA)", "SECRET//REL TO USA, AUS, GBR"),
     ("SECRET//REL TO USA, AUS, GBR", "(S//REL TO USA, AUS, GBR)", "SECRET//REL TO USA, AUS, GBR"),
     ["marking-order"] * 2),
    ("long-title-in-portion", ("SECRET//ORCON", "(S//ORIGINATOR CONTROLLED)", "SECRET//ORCON"),
     ("SECRET//ORCON", "(S//OC)", "SECRET//ORCON"), ["marking-form"]),
    ("portion-form-in-banner", ("SECRET//NF", "(S//NF)", "SECRET//NOFORN"),
     ("SECRET//NOFORN", "(S//NF)", "SECRET//NOFORN"), ["marking-form"]),
    ("banner-form-in-portion", ("SECRET//NOFORN", "(SECRET//NOFORN)", "SECRET//NOFORN"),
     ("SECRET//NOFORN", "(S//NF)", "SECRET//NOFORN"), ["marking-form"] * 2),
    ("misspelling", ("SECRET//NOFRON", "(S//NF)", "SECRET//NOFORN"),
     ("SECRET//NOFORN", "(S//NF)", "SECRET//NOFORN"), ["marking-unknown-token"]),
    ("duplicate-token", ("SECRET//NOFORN/NOFORN", "(S//NF)", "SECRET//NOFORN"),
     ("SECRET//NOFORN", "(S//NF)", "SECRET//NOFORN"), ["marking-duplicate"]),
]


@pytest.mark.parametrize("before, after, rules", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_safe_fix(tmp_path, before, after, rules):
    path = tmp_path / "draft.txt"
    path.write_text(draft(*before))
    done = fix_path(str(path), Settings(use_config=False))
    assert path.read_text() == draft(*after)
    assert sorted(f.rule for f in done.fixed) == sorted(rules)
    assert all(f.fix.safety == "safe" for f in done.fixed)
    assert [f.rule for f in done.result.findings] == []


def test_missing_top_banner_copied_from_an_agreeing_bottom(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(f"(S//NF) The convoy left at dawn.\n\n{CAB}\nSECRET//NOFORN\n")
    done = fix_path(str(path), Settings(use_config=False))
    assert path.read_text() == f"SECRET//NOFORN\n\n(S//NF) The convoy left at dawn.\n\n{CAB}\nSECRET//NOFORN\n"
    assert [(f.rule, f.fix.safety) for f in done.fixed] == [("banner-missing-top", "safe")]


def test_rerendering_never_changes_meaning_of_an_unfixable_marking(tmp_path):
    """A conflict has no safe fix: SECRET//FOUO stays as written."""
    path = tmp_path / "draft.txt"
    text = draft("SECRET//FOUO", "(S)", "SECRET//FOUO")
    path.write_text(text)
    done = fix_path(str(path), Settings(use_config=False))
    assert path.read_text() == text and done.fixed == []
    assert "marking-conflict" in {f.rule for f in done.result.findings}
