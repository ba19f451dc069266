"""`marklint server`: a Language Server Protocol server over stdio, for editors.

Built on pygls and lsprotocol (the optional extra `marklint[server]`). The modules:

- `app.py`: the server: document events, debounced linting, configuration reloads, requests;
  every handler is guarded, so a malformed request or a failure in one document is answered
  or reported without bringing the server down.
- `documents.py`: what a document is linted as (path, format, settings) and linting it with
  marklint's own pipeline, from the editor's text or, for Word and PDF, from disk.
- `positions.py`: marklint's 1-based (line, column) in characters <-> LSP positions.
- `diagnostics.py`: findings -> LSP diagnostics (code, slug, severity, documentation URL).
- `actions.py`: code actions: each fix, fix all safe, suppress with a reason.
- `hover.py`: what `marklint parse` says of the marking under the cursor; a banner's roll-up.
- `completion.py`: vocabulary tokens valid where the cursor is inside a marking.

The server writes nothing to disk, opens no network connection (stdio only) and never logs
document text.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def run(err: TextIO) -> int:
    """Serve LSP over stdin/stdout until the client exits; 2 when pygls is not installed."""
    try:
        from marklint.server.app import serve
    except ImportError as exc:
        missing = (exc.name or "pygls").split(".")[0]
        err.write(f"marklint: `marklint server` needs the server extra ({missing} is missing): "
                  "pip install 'marklint[server]'\n")
        return 2
    serve()
    return 0
