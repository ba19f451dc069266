"""The language server: document events, debounced linting, configuration reloads and the
requests (code actions, hover, completion).

Linting runs on the server's event loop: on open and save at once, on change after a short
pause in typing (`debounceMs`, default DEBOUNCE_MS), so that a burst of keystrokes lints once.
Documents are synchronised whole (TextDocumentSyncKind.Full): pygls applies incremental
changes by its own line split, which also breaks at form feeds, page breaks in a draft.

Editor settings (initializationOptions, or the `marklint` section of
workspace/didChangeConfiguration): `unsafeFixes` (offer unsafe fixes as code actions, default
false) and `debounceMs`.

Every handler is guarded: an exception in one document is reported (its type only, never
document text) as a log message and a diagnostic on that document, and the server goes on.
pygls's own log records are passed on without their arguments, which can hold document text.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import sys
from collections.abc import Callable

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from marklint import __version__
from marklint.config import forget_configs
from marklint.findings import FileResult
from marklint.server import documents
from marklint.server.actions import FIX_ALL_KIND, code_actions
from marklint.server.completion import completions
from marklint.server.diagnostics import diagnostics
from marklint.server.hover import hover
from marklint.server.positions import Positions

DEBOUNCE_MS = 40
WATCHED = ("**/.marklint.yaml", "**/pyproject.toml")
TRIGGERS = ["(", "/", ",", " "]


class Options:
    """The editor's settings for the server."""

    def __init__(self) -> None:
        self.unsafe_fixes = False
        self.debounce_ms = DEBOUNCE_MS

    def update(self, settings: object) -> list[str]:
        """Take the known settings from a JSON object; returns a complaint per bad value."""
        if not isinstance(settings, dict):
            return []
        settings = settings.get("marklint", settings)
        complaints = []
        if "unsafeFixes" in settings:
            if isinstance(settings["unsafeFixes"], bool):
                self.unsafe_fixes = settings["unsafeFixes"]
            else:
                complaints.append("unsafeFixes must be true or false")
        if "debounceMs" in settings:
            value = settings["debounceMs"]
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10_000:
                self.debounce_ms = value
            else:
                complaints.append("debounceMs must be a whole number of milliseconds from 0 to 10000")
        return complaints


class _Rejected:
    """A request whose parameters do not fit its method, to be answered with `error`."""

    def __init__(self, msg_id: object, error: types.ResponseError) -> None:
        self.msg_id = msg_id
        self.error = error


class MarklintProtocol(LanguageServerProtocol):
    """pygls's protocol, but a request it cannot read is answered with an error response
    (JSON-RPC's Invalid Params) instead of being dropped, which would leave the client waiting."""

    def structure_message(self, data: dict) -> object:
        """Read a message; a malformed request becomes a _Rejected."""
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "id" in data and "method" in data:
                return _Rejected(data["id"], exc.to_response_error())
            raise

    def handle_message(self, message: object) -> None:
        """Answer a _Rejected request; hand anything else to pygls."""
        if isinstance(message, _Rejected):
            self._send_response(message.msg_id, error=message.error)
            return
        super().handle_message(message)


class MarklintServer(LanguageServer):
    """pygls's LanguageServer with marklint's state: the editor's options, the lint result of
    each open document and the pending (debounced) lints."""

    def __init__(self) -> None:
        super().__init__("marklint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full,
                         protocol_cls=MarklintProtocol)
        self.options = Options()
        self.results: dict[str, FileResult] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        """Send a window/logMessage (never with document text in it)."""
        self.window_log_message(types.LogMessageParams(type=kind, message=f"marklint: {message}"))

    def report_server_error(self, error: Exception, source: object) -> None:
        """pygls's errors outside a request (a message it could not read, say): by type only."""
        self.log(f"internal error ({type(error).__name__})", types.MessageType.Error)

    def target(self, uri: str) -> documents.Target:
        """The open document `uri` as marklint sees it."""
        doc = self.workspace.get_text_document(uri)
        return documents.target(uri, doc.language_id, doc.source, self.workspace.root_path)

    def positions(self, doc: documents.Target) -> Positions:
        """Position conversion for the document's current text."""
        return Positions(doc.text, self.workspace.position_codec.client_num_units)

    def lint(self, uri: str) -> None:
        """Lint an open document now and publish its diagnostics."""
        self.cancel(uri)
        if uri not in self.workspace.text_documents:
            return
        version = self.workspace.get_text_document(uri).version
        try:
            doc = self.target(uri)
            if documents.is_configuration(doc.path):
                return
            result = documents.lint(doc)
            found = diagnostics(result, self.positions(doc))
        except Exception as exc:  # one document's failure must not stop the server
            result = FileResult(uri, error=f"internal error ({type(exc).__name__})")
            found = diagnostics(result, Positions(None))
            self.log(f"linting {uri} failed: internal error ({type(exc).__name__})", types.MessageType.Error)
        self.results[uri] = result
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version))

    def lint_later(self, uri: str) -> None:
        """Lint after the debounce pause, unless another change comes first."""
        self.cancel(uri)
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(self.options.debounce_ms / 1000, self.lint, uri)

    def cancel(self, uri: str) -> None:
        """Drop a pending lint of the document."""
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def reload_configuration(self) -> None:
        """Forget the configurations read so far and lint every open document again."""
        from marklint.ruleset import forget_rulesets

        forget_configs()
        forget_rulesets()  # a configuration may name a rule file that changed too
        self.log("configuration changed; linting the open documents again")
        for uri in list(self.workspace.text_documents):
            self.lint(uri)


def guarded(what: str) -> Callable[[Callable], Callable]:
    """Run a handler; on an exception log its type (with the document's URI) and answer None."""
    def decorate(handler: Callable) -> Callable:
        @functools.wraps(handler)
        def run(ls: MarklintServer, params: object) -> object:
            try:
                return handler(ls, params)
            except Exception as exc:
                document = getattr(getattr(params, "text_document", None), "uri", "")
                where = f" for {document}" if document else ""
                ls.log(f"{what}{where} failed: internal error ({type(exc).__name__})", types.MessageType.Error)
                return None
        return run
    return decorate


def create_server() -> MarklintServer:
    """A server with marklint's features registered."""
    server = MarklintServer()

    @server.feature(types.INITIALIZED)
    async def initialized(ls: MarklintServer, params: types.InitializedParams) -> None:
        capabilities = ls.client_capabilities.workspace
        watched = capabilities.did_change_watched_files if capabilities else None
        if watched is not None and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED])
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                    types.Registration(id="marklint-configuration", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                       register_options=options)]))
            except Exception as exc:
                ls.log(f"could not watch configuration files ({type(exc).__name__})", types.MessageType.Warning)

    @server.feature(types.INITIALIZE)
    @guarded("initialize")
    def initialize(ls: MarklintServer, params: types.InitializeParams) -> None:
        for complaint in ls.options.update(params.initialization_options):
            ls.log(complaint, types.MessageType.Warning)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    @guarded("settings")
    def settings(ls: MarklintServer, params: types.DidChangeConfigurationParams) -> None:
        for complaint in ls.options.update(params.settings):
            ls.log(complaint, types.MessageType.Warning)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guarded("open")
    def did_open(ls: MarklintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guarded("change")
    def did_change(ls: MarklintServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        doc = ls.target(uri)
        if documents.is_configuration(doc.path):
            return
        if doc.from_buffer:
            ls.lint_later(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @guarded("save")
    def did_save(ls: MarklintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if documents.is_configuration(ls.target(uri).path):
            ls.reload_configuration()
        else:
            ls.lint(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded("close")
    def did_close(ls: MarklintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        ls.results.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded("configuration reload")
    def watched_files(ls: MarklintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(documents.is_configuration(documents.uri_path(change.uri, None)) for change in params.changes):
            ls.reload_configuration()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]))
    @guarded("code actions")
    def code_action(ls: MarklintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        if uri in ls.pending:  # a change is waiting for its lint: actions must fit the current text
            ls.lint(uri)
        result = ls.results.get(uri)
        if result is None:
            return []
        doc = ls.target(uri)
        return code_actions(doc, result, ls.positions(doc), params.range, params.context.only,
                            ls.options.unsafe_fixes)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded("hover")
    def on_hover(ls: MarklintServer, params: types.HoverParams) -> types.Hover | None:
        doc = ls.target(params.text_document.uri)
        ctx = documents.analyse(doc)
        if ctx is None or doc.text is None:
            return None
        return hover(ctx, ls.positions(doc), params.position)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=TRIGGERS))
    @guarded("completion")
    def on_completion(ls: MarklintServer, params: types.CompletionParams) -> types.CompletionList | None:
        doc = ls.target(params.text_document.uri)
        if doc.text is None:
            return None
        ctx = documents.analyse(doc)
        if ctx is None or ctx.vocab is None:
            return None
        positions = ls.positions(doc)
        line, column = positions.from_client(params.position)
        return completions(positions.line_text(line), line, column, ctx.vocab, positions)

    return server


class _WithoutArguments(logging.Filter):
    """Keeps a log record's message template and drops its arguments and traceback, which
    can hold document text (pygls logs whole messages at debug level, bodies on errors)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.msg = re.sub(r"%[^a-zA-Z%]*[a-zA-Z]", "<withheld>", str(record.msg))
            record.args = ()
        if record.exc_info:
            record.msg = f"{record.msg} ({record.exc_info[0].__name__})"
            record.exc_info = None
            record.exc_text = None
        return True


def serve() -> None:
    """Run the server over stdin and stdout until the client ends it."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_WithoutArguments())
    handler.setFormatter(logging.Formatter("marklint server: %(levelname)s %(name)s: %(message)s"))
    pygls_log = logging.getLogger("pygls")
    pygls_log.setLevel(logging.WARNING)
    pygls_log.addHandler(handler)
    pygls_log.propagate = False
    create_server().start_io()
