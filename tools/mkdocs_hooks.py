"""MkDocs hooks (mkdocs.yml `hooks:`) that build the pages not written by hand:

- `index.md`, the home page, is the README, its links into docs/ made relative to the site;
- `SECURITY.md` and `CONTRIBUTING.md`, the security policy and the guide to adding a rule, from the
  repository's root, which the README links;
- `rules/SLUG.md`, one page per registered rule, from marklint.rule_docs;
- the navigation gets the rule pages under "Rules", and every page of docs/ that mkdocs.yml's
  nav does not list yet under "More", so a new topic page appears without an edit.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
MORE = "More"


def home_page(readme: str) -> str:
    """The README as the site's home page: `docs/x.md` links become `x.md`."""
    return re.sub(r"\]\(docs/", "](", readme)


def _listed(nav: list) -> set[str]:
    """Every page path a nav (nested lists and mappings) names."""
    found: set[str] = set()
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found |= _listed(value)
        else:
            found.add(value)
    return found


def on_files(files: Files, config) -> Files:
    """Add the generated pages and complete the navigation."""
    from marklint.checks.registry import RULES
    from marklint.rule_docs import page_path, rule_pages

    files.append(File.generated(config, "index.md", content=home_page(README.read_text(encoding="utf-8"))))
    for policy in ("SECURITY.md", "CONTRIBUTING.md"):  # the README links them
        files.append(File.generated(config, policy, content=home_page((ROOT / policy).read_text(encoding="utf-8"))))
    for path, text in rule_pages().items():
        files.append(File.generated(config, path, content=text))
    nav = config["nav"]
    for item in nav:
        if isinstance(item, dict) and "Rules" in item:
            item["Rules"] = ["rules/index.md"] + [{f"{rule.code} {rule.slug}": page_path(rule)} for rule in RULES]
    listed = _listed(nav)
    extra = sorted(f.src_uri for f in files.documentation_pages() if f.src_uri not in listed)
    if extra:
        nav.append({MORE: extra})
    return files
