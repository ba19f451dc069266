"""Project configuration: discovery, merging with the command line, and exact errors."""

from __future__ import annotations

import textwrap

import pytest
from cli_support import run_cli

from marklint.config import ConfigError, find_config, load_config
from marklint.findings import Severity
from marklint.lint import Settings, effective_settings


def write(path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return str(path)


def error_of(path: str) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(info.value)


def test_yaml_config_every_key(tmp_path):
    write(tmp_path / "office.yaml", "extends: us-cnsi\n")
    path = write(tmp_path / ".marklint.yaml", """\
        rules: office.yaml
        select: [MK1, portion-missing]
        ignore: [MK105]
        per-file-ignores:
          "drafts/*.txt": [cab-missing]
        severity:
          banner-over-classified: error
          MK302: off
        page-break-patterns: ['^-+ ?Page \\d+']
        include: ["*.txt"]
        exclude: ["build/*"]
        require-banner: always
        fail-on: warning
    """)
    config = load_config(path)
    assert config.rules == str(tmp_path / "office.yaml")
    assert config.select == ("MK1", "portion-missing")
    assert config.ignore == ("MK105",)
    assert dict(config.per_file_ignores) == {"drafts/*.txt": ("cab-missing",)}
    assert dict(config.severity) == {"banner-over-classified": Severity.ERROR, "MK302": None}
    assert config.page_break_patterns == (r"^-+ ?Page \d+",)
    assert (config.include, config.exclude) == (("*.txt",), ("build/*",))
    assert (config.require_banner, config.fail_on) == ("always", Severity.WARNING)


def test_pyproject_section(tmp_path):
    path = write(tmp_path / "pyproject.toml", """\
        [project]
        name = "drafts"

        [tool.marklint]
        rules = "us-ic"
        ignore = ["cab-missing"]

        [tool.marklint.per-file-ignores]
        "old/*.txt" = ["MK4"]
    """)
    config = load_config(path)
    assert (config.rules, config.ignore) == ("us-ic", ("cab-missing",))
    assert dict(config.per_file_ignores) == {"old/*.txt": ("MK4",)}


def test_pyproject_without_section_is_passed_over(tmp_path):
    write(tmp_path / ".marklint.yaml", "rules: cui\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'x'\n")
    doc = write(tmp_path / "pkg" / "docs" / "a.txt", "SECRET\n")
    assert find_config(doc).rules == "cui"


def test_closest_configuration_wins_and_yaml_beats_pyproject(tmp_path):
    write(tmp_path / ".marklint.yaml", "rules: cui\n")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.marklint]\nrules = 'us-ic'\n")
    write(tmp_path / "sub" / ".marklint.yaml", "rules: us-eo12356\n")
    write(tmp_path / "other" / "pyproject.toml", "[tool.marklint]\nrules = 'us-ic'\n")
    assert find_config(str(tmp_path / "a.txt")).rules == "cui"
    assert find_config(str(tmp_path / "sub" / "deeper" / "b.txt")).rules == "us-eo12356"
    assert find_config(str(tmp_path / "other" / "c.txt")).rules == "us-ic"


def test_no_configuration(tmp_path):
    assert find_config(str(tmp_path / "lonely" / "a.txt")) is None


def test_effective_settings_command_line_wins(tmp_path):
    write(tmp_path / ".marklint.yaml", """\
        rules: us-ic
        select: [MK3]
        ignore: [MK105]
        per-file-ignores:
          "drafts/*.txt": [cab-missing]
          "*.memo.txt": [MK401]
        severity: {portion-missing: warning}
        page-break-patterns: ['^PAGE BREAK$']
        require-banner: always
    """)
    doc = str(tmp_path / "drafts" / "x.memo.txt")
    merged = effective_settings(doc, Settings(ignore=("MK9",), severity=(("portion-missing", None),)))
    assert merged.rules == "us-ic"
    assert merged.select == ("MK3",)
    assert set(merged.ignore) == {"MK9", "MK105", "cab-missing", "MK401"}
    assert dict(merged.severity) == {"portion-missing": None}
    assert merged.page_break_patterns == ("^PAGE BREAK$",)
    assert merged.require_banner == "always"
    cli = effective_settings(doc, Settings(rules="cui", select=("MK1",), require_banner="when-marked"))
    assert (cli.rules, cli.select, cli.require_banner) == ("cui", ("MK1",), "when-marked")
    elsewhere = effective_settings(str(tmp_path / "final.txt"), Settings())
    assert elsewhere.ignore == ("MK105",)


# Malformed configurations: exact message, file and line.

def test_unknown_key(tmp_path):
    path = write(tmp_path / ".marklint.yaml", "rules: us-cnsi\nignor: [MK105]\n")
    assert error_of(path) == f"{path}:2:1: unknown key in the configuration; did you mean 'ignore'?"


def test_wrong_type(tmp_path):
    path = write(tmp_path / ".marklint.yaml", "rules: us-cnsi\nselect: {MK1: true}\n")
    assert error_of(path) == f"{path}:2:1: 'select' must be a list of strings, not a mapping"


def test_unknown_rule_name(tmp_path):
    path = write(tmp_path / ".marklint.yaml", "severity:\n  portion-mising: off\n")
    assert error_of(path) == (
        f"{path}:2:3: unknown rule name in 'severity'; did you mean 'portion-missing'?")


def test_bad_severity_value(tmp_path):
    path = write(tmp_path / ".marklint.yaml", "severity:\n  portion-missing: fatal\n")
    assert error_of(path) == (
        f"{path}:2:3: 'severity.portion-missing' must be error, warning, info or off")


def test_yaml_syntax_error(tmp_path):
    path = write(tmp_path / ".marklint.yaml", "rules: us-cnsi\nselect: [MK1\n")
    assert error_of(path).startswith(f"{path}:3:1: YAML syntax error: ")


def test_yaml_alias_refused(tmp_path):
    path = write(tmp_path / ".marklint.yaml", "select: &s [MK1]\nignore: *s\n")
    assert error_of(path) == f"{path}:2:9: YAML aliases (*name) are not allowed"


def test_toml_unknown_key_names_its_line(tmp_path):
    path = write(tmp_path / "pyproject.toml", """\
        [project]
        name = "x"

        [tool.marklint]
        rules = "us-cnsi"
        require_banner = "always"
    """)
    assert error_of(path) == (
        f"{path}:6: unknown key in the configuration; did you mean 'require-banner'?")


def test_toml_syntax_error(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.marklint]\nrules = us-cnsi\n")
    assert error_of(path) == f"{path}:2: TOML syntax error: Invalid value"


def test_toml_nested_table_line(tmp_path):
    path = write(tmp_path / "pyproject.toml", """\
        [tool.marklint]
        rules = "us-cnsi"

        [tool.marklint.severity]
        MK101 = "warning"
        cab-mising = "off"
    """)
    assert error_of(path) == f"{path}:6: unknown rule name in 'severity'; did you mean 'cab-missing'?"


def test_rule_set_errors_surface_with_their_own_file_and_line(tmp_path):
    write(tmp_path / "office.yaml", "banners:\n  botom: true\n")
    path = write(tmp_path / ".marklint.yaml", "rules: office.yaml\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (f"{path}:1:1: 'rules': {tmp_path / 'office.yaml'}:2:3: unknown key in 'banners'; "
                               "did you mean 'bottom'?")


def test_generic_rule_ids_of_the_configured_rule_set_are_known(tmp_path):
    write(tmp_path / "office.yaml", """\
        extends: us-cnsi
        generic:
          - id: no-draft
            code: OFC001
            type: forbidden-token
            pattern: DRAFT
            message: no drafts
    """)
    path = write(tmp_path / ".marklint.yaml", "rules: office.yaml\nignore: [no-draft, OFC001]\n")
    assert load_config(path).ignore == ("no-draft", "OFC001")


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_configured_rule_set_that_cannot_load_is_a_clean_error(tmp_path, monkeypatch, cache):
    """Not a traceback: the configuration's error is reported with exit code 2."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".marklint.yaml", "rules: no-such-set\n")
    write(tmp_path / "d" / "x.txt", "SECRET\n\nhello\n\nSECRET\n")
    code, out, err = run_cli(cache + ["d"])
    assert (code, out) == (2, "")
    config = tmp_path / ".marklint.yaml"
    assert err == f"marklint: {config}:1:1: 'rules': unknown rule set\n"


def test_configured_rule_set_errors_name_the_configuration_and_its_line(tmp_path):
    """An unknown name is not quoted (it is the file's text); a closest shipped name is offered;
    a rule set file that does not load is named with its own line."""
    config = write(tmp_path / ".marklint.yaml", "ignore: []\nrules: us-cnsy\n")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(caught.value) == f"{config}:2:1: 'rules': unknown rule set; did you mean 'us-cnsi'?"
    write(tmp_path / "bad.yaml", "name: bad\nrules: [\n")
    write(tmp_path / ".marklint.yaml", "rules: bad.yaml\n")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(caught.value).startswith(f"{config}:1:1: 'rules': {tmp_path / 'bad.yaml'}:3:")


def test_pyproject_that_never_names_marklint_is_passed_over_unparsed(tmp_path):
    # another tool's broken pyproject.toml is not marklint's business
    assert load_config(write(tmp_path / "pyproject.toml", "[project]\nname = x\n")) is None


def test_pyproject_dotted_keys_are_found(tmp_path):
    config = load_config(write(tmp_path / "pyproject.toml", 'tool.marklint.rules = "us-ic"\n'))
    assert config is not None and config.rules == "us-ic"
