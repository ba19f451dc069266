"""Where marklint's documentation is published (the MkDocs site built from docs/).

`DOCS_BASE_URL` is the one place the address is written: mkdocs.yml's `site_url` must equal it
(tests/test_docs_site.py checks). Each registered rule has a page at `rules/SLUG/`, a stable URL
because slugs are a public contract; SARIF's `helpUri`, `--show-links` and `marklint rule` use it.
"""

DOCS_BASE_URL = "https://marklint.readthedocs.io/en/latest/"


def rule_url(slug: str) -> str:
    """The documentation page of the registered rule `slug`."""
    return f"{DOCS_BASE_URL}rules/{slug}/"
