"""`marklint parse` output and exit codes (marklint.parse_command.run)."""

import subprocess
import sys
from io import StringIO

from marklint.parse_command import run


def _run(args, form="auto", color=False):
    out, err = StringIO(), StringIO()
    code = run(args, form, out, err, color)
    return code, out.getvalue(), err.getvalue()


def test_valid_portion_is_described():
    code, out, err = _run(["(TS//SI-G/TK//RS/OC/NF)"])
    assert code == 0
    assert err == ""
    assert out == (
        "portion : (TS//SI-G/TK//RS/OC/NF)\n"
        "banner  : TOP SECRET//SI-G/TK//RSEN/ORCON/NOFORN\n"
        "level   : TOP SECRET\n"
        "SCI     : SI-G/TK\n"
        "dissem  : RSEN/ORCON/NOFORN\n")


def test_unknown_token_line():
    code, out, _ = _run(["SECRET//NOFRON"])
    assert code == 1
    assert out == '9:15: marking-unknown-token  unknown dissemination control "NOFRON"; did you mean "NOFORN"?\n'


def test_several_markings_and_colour():
    code, out, _ = _run(["SECRET//NOFRON", "(S)"], color=True)
    assert code == 1
    assert out == (
        "\x1b[1mSECRET//NOFRON\x1b[0m\n"
        '9:15: \x1b[31mmarking-unknown-token\x1b[0m  unknown dissemination control "NOFRON"; did you mean "NOFORN"?\n'
        "\n\x1b[1m(S)\x1b[0m\n"
        "\x1b[36mportion\x1b[0m : (S)\n"
        "\x1b[36mbanner \x1b[0m : SECRET\n"
        "\x1b[36mlevel  \x1b[0m : SECRET\n")


def test_every_problem_is_listed_in_column_order():
    code, out, _ = _run(["secret // nf"])
    assert code == 1
    assert out.splitlines() == [
        '1:7: marking-form  "secret" must be written "SECRET" (S-01)',
        '7:11: marking-syntax  no spaces around "//" (S-04)',
        '11:13: marking-form  a banner uses "NOFORN", not the portion mark "nf" (S-09)',
    ]


def test_form_option():
    code, out, _ = _run(["SECRET//NOFORN"], form="portion")
    assert code == 1
    assert out == "1:2: marking-syntax  a portion mark is written in parentheses\n"
    assert _run(["SECRET//NOFORN"], form="banner")[0] == 0


def test_bad_form_is_a_usage_error():
    code, out, err = _run(["SECRET"], form="sideways")
    assert (code, out) == (2, "")
    assert err == "marklint: --form must be banner, portion or auto, not 'sideways'\n"


def test_module_entry_point():
    proc = subprocess.run([sys.executable, "-m", "marklint.parse_command", "(U//FOUO)"],
                          capture_output=True, text=True)
    assert proc.returncode == 0
    assert proc.stdout.splitlines()[:2] == ["portion : (U//FOUO)", "banner  : UNCLASSIFIED//FOUO"]
    assert proc.stderr == ""


def test_the_other_forms_spelling_names_the_rule():
    """S-09: a banner token in a portion mark or the reverse; S-10: only the hyphen or space differs."""
    code, out, _ = _run(["(U//NOFORN)", "(U//SBU NOFORN)", "UNCLASSIFIED//SBU-NF", "SECRET//NF"])
    assert code == 1
    assert [line for line in out.splitlines() if ": marking-" in line] == [
        '5:11: marking-form  a portion mark uses "NF", not "NOFORN" (S-09)',
        '5:15: marking-syntax  a portion mark writes "SBU-NF" with a hyphen, not "SBU NOFORN" (S-10)',
        '15:21: marking-syntax  a banner writes "SBU NOFORN" with a space, not "SBU-NF" (S-10)',
        '9:11: marking-form  a banner uses "NOFORN", not the portion mark "NF" (S-09)',
    ]
