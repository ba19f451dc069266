"""The documentation site: mkdocs.yml's address is marklint's DOCS_BASE_URL, each rule's page is
generated from the registry with its examples and what marklint reports on them, the README
keeps to a newcomer's needs and links only to pages that exist, the pictures are well formed
(the terminal one shows the README's real first run), and a strict build picks up a new page."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from marklint.checks.registry import RULES, by_key
from marklint.links import DOCS_BASE_URL, rule_url
from marklint.rule_docs import page_path, rule_page, rule_pages

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"


def load_tool(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mkdocs_config() -> dict:
    return yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))


def test_site_url_is_the_documented_constant():
    assert mkdocs_config()["site_url"] == DOCS_BASE_URL
    assert DOCS_BASE_URL.endswith("/")
    assert rule_url("portion-missing") == f"{DOCS_BASE_URL}rules/portion-missing/"


def test_every_rule_has_a_page_at_its_slug():
    pages = rule_pages()
    assert sorted(pages) == sorted(f"rules/{rule.slug}.md" for rule in RULES)
    assert all(page_path(rule) == f"rules/{rule.slug}.md" for rule in RULES)


def test_rule_page_holds_code_why_examples_output_and_fix():
    rule = by_key("marking-syntax")
    page = rule_page(rule)
    assert page.startswith("# MK001 marking-syntax\n\nA marking that cannot be parsed")
    assert "| MK001 | `marking-syntax` | error | safe |" in page
    assert "## Why\n\nS-04, S-05" in page and "ICMSRM16" in page
    assert "## Fails\n\n`example.txt`:\n\n```text\nSECRET//NOFORN\n" in page
    assert "```\nexample.txt:5:7: MK001 [marking-syntax] no spaces around \"//\" (S-04)\n```" in page
    assert "## Passes\n\n```text\n" in page
    assert '- line 5: replace " // " with "//" (safe)' in page
    assert page.endswith(f"Its address: <{rule_url('marking-syntax')}>\n")


def test_each_failing_example_is_shown_failing():
    for rule in RULES:
        if rule.bad:
            fails = rule_page(rule).split("## Fails", 1)[1].split("## Passes", 1)[0]
            assert f"[{rule.slug}]" in fails, rule.slug


def test_binary_format_rules_say_where_their_examples_are():
    rule = by_key("header-footer-banner")
    assert "## Examples\n\nThis rule is about DOCX files" in rule_page(rule)


def test_readme_is_short_and_links_to_existing_pages():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(text) < 8000
    for heading in ("## A first run", "## Three ways to use it", "## Documentation"):
        assert heading in text
    targets = re.findall(r"\]\((docs/[^)#]+)", text)
    assert len(targets) >= 12
    for target in targets:
        assert (REPO / target).is_file(), target


def test_home_page_is_the_readme_with_site_links():
    hooks = load_tool("mkdocs_hooks")
    assert hooks.home_page("[Usage](docs/usage.md) ![p](docs/images/x.svg) [x](https://a/docs/b)") == (
        "[Usage](usage.md) ![p](images/x.svg) [x](https://a/docs/b)")


def test_pictures_are_well_formed_and_used():
    used = " ".join(p.read_text(encoding="utf-8") for p in [REPO / "README.md", *DOCS.glob("*.md")])
    for name in ("marked-page.svg", "pipeline.svg", "terminal-run.svg"):
        root = ET.parse(DOCS / "images" / name).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.find("{http://www.w3.org/2000/svg}title") is not None
        assert f"images/{name}" in used, name


def test_terminal_picture_shows_the_readmes_real_first_run():
    terminal = load_tool("terminal_svg")
    draft, output = terminal.first_run()
    assert output.endswith("draft.txt: 1 page, 2 errors, 0 warnings (rule set us-cnsi)\n")
    assert output in (REPO / "README.md").read_text(encoding="utf-8")
    assert (DOCS / "images" / "terminal-run.svg").read_text(encoding="utf-8") == terminal.picture()


@pytest.mark.skipif(importlib.util.find_spec("material") is None, reason="needs the docs extra (.ci/run installs it)")
def test_strict_build_lists_a_new_page_in_the_navigation(tmp_path):
    """A page another change adds to docs/ lands in the navigation ("More") without a nav edit,
    so the strict build (which fails on pages left out of it) passes; a broken link fails it."""
    site = tmp_path / "repo"
    shutil.copytree(REPO / "docs", site / "docs")
    shutil.copytree(REPO / "tools", site / "tools")
    shutil.copy(REPO / "mkdocs.yml", site)
    shutil.copy(REPO / "README.md", site)
    shutil.copy(REPO / "SECURITY.md", site)
    shutil.copy(REPO / "CONTRIBUTING.md", site)
    (site / "docs" / "a-new-topic.md").write_text("# A new topic\n\nSee [Usage](usage.md).\n")
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")]
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(build, cwd=site, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "rules" / "portion-missing" / "index.html").is_file()
    built = (tmp_path / "out" / "usage" / "index.html").read_text(encoding="utf-8")
    assert 'href="../a-new-topic/"' in built and ">More<" in built.replace("\n", "").replace(" ", "")
    (site / "docs" / "a-new-topic.md").write_text("# A new topic\n\nSee [nowhere](missing.md).\n")
    broken = subprocess.run(build, cwd=site, capture_output=True, text=True, timeout=300, env=env)
    assert broken.returncode == 1 and "missing.md" in broken.stderr
