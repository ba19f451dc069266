"""End-to-end tests of `marklint server`: a real LSP client (pytest-lsp) starts the server as a
subprocess over stdio, opens, edits and saves documents and checks what comes back."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from concurrent.futures import Future
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from marklint.markings import default_vocabulary

pytestmark = pytest.mark.asyncio

DRAFT = (
    "SECRET//NOFORN\n"
    "\n"
    "(S//NF) The convoy leaves at dawn.\n"
    "\n"
    "The escort joins at noon.\n"
    "\n"
    "(S//NOFORN) Copies stay here.\n"
    "\n"
    "SECRET//NOFORN\n"
)
ENV = {**os.environ, "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", "/tmp/marklint-test-cache")}
SERVER = [sys.executable, "-m", "marklint", "server"]


async def start(tmp_path: Path, options: dict | None = None, command: list[str] = SERVER) -> LanguageClient:
    """A client connected to a fresh server whose workspace is `tmp_path`."""
    client = await ClientServerConfig(server_command=command, server_env=ENV).start()
    client.registrations = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=tmp_path.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="ws")],
        initialization_options=options,
    ))
    return client


@pytest_asyncio.fixture
async def client(tmp_path):
    client = await start(tmp_path)
    yield client
    await client.shutdown_session()
    await client.stop()


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path.as_uri()


async def open_and_wait(client: LanguageClient, uri: str, text: str, language: str = "plaintext",
                        version: int = 1) -> list[types.Diagnostic]:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))
    return await diagnostics_for(client, uri)


async def diagnostics_for(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """Wait for the next diagnostics published for `uri`."""
    while True:
        params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 20)
        if params.uri == uri:
            return list(params.diagnostics)


def summary(diagnostics: list[types.Diagnostic]) -> list[tuple]:
    return [(d.code, d.data["slug"], d.range.start.line, d.range.start.character, d.range.end.line,
             d.range.end.character, d.severity) for d in diagnostics]


def cli_findings(path: Path) -> list[tuple]:
    """What `marklint --format json PATH` reports, as (code, slug, 0-based line/columns)."""
    run = subprocess.run([sys.executable, "-m", "marklint", "--no-cache", "--format", "json", str(path)],
                         capture_output=True, text=True, env=ENV, cwd=path.parent)
    findings = json.loads(run.stdout)
    return [(f["code"], f["rule"], f["line"] - 1, f["column"] - 1, f["end_line"] - 1, f["end_column"] - 1)
            for f in findings]


E, W = types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning


async def test_open_publishes_the_cli_findings_with_codes_urls_and_ranges(client, tmp_path):
    uri = write(tmp_path, "draft.txt", DRAFT)
    found = await open_and_wait(client, uri, DRAFT)
    assert summary(found) == [
        ("MK401", "cab-missing", 0, 0, 0, 0, E),
        ("MK301", "portion-missing", 4, 0, 4, 0, E),
        ("MK004", "marking-form", 6, 4, 6, 10, E),
    ]
    assert [s[:6] for s in summary(found)] == cli_findings(tmp_path / "draft.txt")
    first = found[2]
    assert first.source == "marklint"
    assert first.message == 'a portion mark uses "NF", not "NOFORN" (S-09) [marking-form]'
    assert first.code_description.href.endswith("/rules/marking-form/")


async def test_ranges_count_utf16_code_units(client, tmp_path):
    text = "SECRET\n\n(S) First.\n\nThe convoy \N{GRINNING FACE} leaves at dawn (S).\n\nSECRET\n"
    uri = write(tmp_path, "emoji.txt", text)
    found = await open_and_wait(client, uri, text)
    # "(S)" is at characters 28-31 of its line; the emoji before it is two UTF-16 code units
    assert summary(found)[1] == ("MK302", "portion-placement", 4, 29, 4, 32, E)
    assert [s[:2] for s in summary(found)] == [c[:2] for c in cli_findings(tmp_path / "emoji.txt")]


async def test_change_is_debounced_and_relints_the_buffer(client, tmp_path):
    uri = write(tmp_path, "draft.txt", DRAFT)
    await open_and_wait(client, uri, DRAFT)
    fixed = DRAFT.replace("(S//NOFORN)", "(S//NF)").replace("The escort", "(S) The escort")
    for version, text in enumerate([DRAFT + "x", fixed], start=2):  # a burst: one lint, of the last text
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 20)
    assert params.version == 3
    assert [d.code for d in params.diagnostics] == ["MK401"]


async def test_save_lints_again_and_close_clears(client, tmp_path):
    uri = write(tmp_path, "draft.md", DRAFT)
    assert [d.code for d in await open_and_wait(client, uri, DRAFT, "markdown")] == ["MK401", "MK301", "MK004"]
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [d.code for d in await diagnostics_for(client, uri)] == ["MK401", "MK301", "MK004"]
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert await diagnostics_for(client, uri) == []


async def test_word_documents_are_linted_from_disk(client, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("SECRET", "(S) The convoy leaves at dawn.", "The escort joins at noon.", "SECRET"):
        document.add_paragraph(text)
    path = tmp_path / "memo.docx"
    document.save(path)
    found = await open_and_wait(client, path.as_uri(), "", "plaintext")
    assert [s[:6] for s in summary(found)] == cli_findings(path)
    assert "portion-missing" in [d.data["slug"] for d in found]


async def test_code_actions_fix_suppress_and_fix_all(client, tmp_path):
    uri = write(tmp_path, "draft.txt", DRAFT)
    await open_and_wait(client, uri, DRAFT)
    everything = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=9, character=0))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=everything,
        context=types.CodeActionContext(diagnostics=[])))
    titles = [a.title for a in actions]
    assert titles == [
        'Fix MK004: replace "NOFORN" with "NF"',
        "Suppress MK401 [cab-missing] here (type the reason after --)",
        "Suppress MK301 [portion-missing] here (type the reason after --)",
        "Suppress MK004 [marking-form] here (type the reason after --)",
        "Fix all safe marklint problems",
    ]
    fix = actions[0]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert fix.diagnostics[0].code == "MK004"
    (edit,) = fix.edit.changes[uri]
    assert (edit.range.start.line, edit.range.end.line, edit.new_text) == (6, 7, "(S//NF) Copies stay here.\n")
    (insert,) = actions[2].edit.changes[uri]
    assert (insert.range.start.line, insert.range.start.character) == (4, 0)
    assert insert.new_text == "# marklint: disable-next-line portion-missing --\n"
    assert actions[4].kind == types.CodeActionKind.SourceFixAll
    assert list(actions[4].edit.changes[uri]) == [edit]  # the only safe fix in the draft
    # the inserted comment suppresses portion-missing and asks for a reason; with one, nothing is left
    lines = DRAFT.splitlines(keepends=True)
    text = "".join(lines[:4] + [insert.new_text] + lines[4:])
    for version, (text, expected) in enumerate([
        (text, [("MK401", E), ("MK902", W), ("MK004", E)]),
        (text.replace("portion-missing --", "portion-missing -- quoted"), [("MK401", E), ("MK004", E)]),
    ], start=2):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        assert [(d.code, d.severity) for d in await diagnostics_for(client, uri)] == expected


@pytest.mark.parametrize("name, language, comment", [
    ("draft.md", "markdown", "<!-- marklint: disable-next-line portion-placement -- -->\n"),
    ("draft.rst", "restructuredtext", ".. marklint: disable-next-line portion-placement --\n\n"),
    ("draft.adoc", "asciidoc", "// marklint: disable-next-line portion-placement --\n"),
    ("draft", "restructuredtext", ".. marklint: disable-next-line portion-placement --\n\n"),  # by language id
])
async def test_suppress_uses_the_formats_comment_before_the_block(client, tmp_path, name, language, comment):
    text = DRAFT.replace("The escort joins at noon.", "The escort joins\nat noon (S).")  # MK302 on line 5
    uri = write(tmp_path, name, text)
    await open_and_wait(client, uri, text, language)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=5, character=3), end=types.Position(line=5, character=3)),
        context=types.CodeActionContext(diagnostics=[])))
    suppress = [a for a in actions if a.title.startswith("Suppress MK302")]
    (insert,) = suppress[0].edit.changes[uri]
    assert (insert.range.start.line, insert.range.start.character, insert.new_text) == (4, 0, comment)


async def test_unsafe_fixes_only_when_configured(tmp_path):
    uri = write(tmp_path, "draft.txt", DRAFT)
    first_line = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))

    async def unsafe_actions(client: LanguageClient) -> list[types.CodeAction]:
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=first_line,
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.QuickFix])))
        return [a for a in actions if a.title.startswith("Unsafe fix MK401")]

    client = await start(tmp_path, {"unsafeFixes": True})
    try:
        await open_and_wait(client, uri, DRAFT)
        (unsafe,) = await unsafe_actions(client)
        assert unsafe.kind == types.CodeActionKind.QuickFix and not unsafe.is_preferred
        assert unsafe.title == ("Unsafe fix MK401: insert an authority block skeleton (Classified By, Derived From, "
                                "Declassify On) for the author to fill in")
    finally:
        await client.shutdown_session()
        await client.stop()
    client = await start(tmp_path)  # off by default; settings can turn it on later, and bad values are refused
    try:
        await open_and_wait(client, uri, DRAFT)
        assert await unsafe_actions(client) == []
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            settings={"marklint": {"unsafeFixes": "yes", "debounceMs": -1}}))
        assert await unsafe_actions(client) == []
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            settings={"marklint": {"unsafeFixes": True}}))
        assert len(await unsafe_actions(client)) == 1
        assert [m.message for m in client.log_messages if m.type == types.MessageType.Warning] == [
            "marklint: unsafeFixes must be true or false",
            "marklint: debounceMs must be a whole number of milliseconds from 0 to 10000",
        ]
    finally:
        await client.shutdown_session()
        await client.stop()


async def test_hover_on_portion_mark_and_banner(client, tmp_path):
    uri = write(tmp_path, "draft.txt", DRAFT)
    await open_and_wait(client, uri, DRAFT)
    portion = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=3)))
    assert portion.contents.value.split("\n") == [
        "**portion** `(S//NF)`", "", "- portion: `(S//NF)`", "- banner: `SECRET//NOFORN`",
        "- level: `SECRET`", "- dissem: `NOFORN`",
    ]
    assert (portion.range.start.character, portion.range.end.character) == (0, 7)
    wrong = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=6, character=5)))
    assert '**marking-form** a portion mark uses "NF", not "NOFORN" (S-09)' in wrong.contents.value
    banner = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=2)))
    assert banner.contents.value.split("\n") == [
        "**banner** `SECRET//NOFORN`", "", "- portion: `(S//NF)`", "- banner: `SECRET//NOFORN`",
        "- level: `SECRET`", "- dissem: `NOFORN`", "",
        "Roll-up of the 2 portion marks on page 1: `SECRET//NOFORN`", "This banner matches it.",
    ]
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=4, character=3)))
    assert nothing is None


async def completion_labels(client: LanguageClient, tmp_path: Path, line: str, name: str = "c.txt") -> list[str] | None:
    text = f"{DRAFT}\n{line}"
    uri = write(tmp_path, name, text)
    await open_and_wait(client, uri, text)
    found = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=text.count("\n"), character=len(line))))
    if found is None:
        return None
    items = sorted(found.items, key=lambda item: item.sort_text)
    return [item.label for item in items]


async def test_completion_offers_the_words_valid_at_the_cursor(client, tmp_path):
    after_classification = await completion_labels(client, tmp_path, "(S//", "a.txt")
    assert {"SI", "TK", "NF", "OC", "REL TO USA", "RD"} <= set(after_classification)
    assert "FOUO" not in after_classification  # unclassified only
    assert "WN" not in after_classification  # retired
    # register order: SCI before AEA before dissemination controls
    assert after_classification.index("SI") < after_classification.index("RD") < after_classification.index("NF")
    after_noforn = await completion_labels(client, tmp_path, "(S//NF/", "b.txt")
    assert "OC" not in after_noforn and "RS" not in after_noforn  # they come before NF
    assert after_noforn[:2] == ["PR", "REL TO USA"]
    banner = await completion_labels(client, tmp_path, "SECRET//NO", "c.txt")
    assert banner == ["NOFORN", "NODIS"]
    unclassified = await completion_labels(client, tmp_path, "(U//", "d.txt")
    assert "SI" not in unclassified and "OC" not in unclassified and "FOUO" in unclassified
    levels = await completion_labels(client, tmp_path, "(", "e.txt")
    assert levels == ["TS", "S", "C", "U"]
    assert await completion_labels(client, tmp_path, "The escort ", "f.txt") is None


async def test_completion_in_rel_to_list_keeps_country_order(client, tmp_path):
    assert await completion_labels(client, tmp_path, "SECRET//REL TO ", "a.txt") == ["USA"]
    after_gbr = await completion_labels(client, tmp_path, "SECRET//REL TO USA, GBR, ", "b.txt")
    assert "AUS" not in after_gbr and "USA" not in after_gbr and "GBR" not in after_gbr
    assert "NZL" in after_gbr and "FVEY" in after_gbr
    vocab = default_vocabulary()
    trigraphs = [code for code in after_gbr if code in vocab.trigraphs]
    assert trigraphs == sorted(trigraphs) and trigraphs[0] > "GBR"
    assert after_gbr == trigraphs + sorted(vocab.tetragraphs)  # then every tetragraph, in order
    partial = await completion_labels(client, tmp_path, "SECRET//REL TO USA, N", "c.txt")
    assert partial[:2] == ["NAM", "NCL"] and all(code.startswith("N") for code in partial)


async def test_configuration_is_the_clis_and_reloads_on_change(client, tmp_path):
    config = tmp_path / ".marklint.yaml"
    config.write_text("ignore: [portion-missing]\n", encoding="utf-8")
    uri = write(tmp_path, "draft.txt", DRAFT)
    found = await open_and_wait(client, uri, DRAFT)
    assert [r.method for r in client.registrations] == [types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert [d.code for d in found] == ["MK401", "MK004"]
    assert [s[:6] for s in summary(found)] == cli_findings(tmp_path / "draft.txt")
    config.write_text("severity:\n  cab-missing: info\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    found = await diagnostics_for(client, uri)
    assert [(d.code, d.severity) for d in found] == [
        ("MK401", types.DiagnosticSeverity.Information), ("MK301", E), ("MK004", E)]
    assert [s[:6] for s in summary(found)] == cli_findings(tmp_path / "draft.txt")
    config.write_text("ignore: [portion-mising]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    (broken,) = await diagnostics_for(client, uri)
    assert broken.message == (f"marklint cannot lint this file: {config}:1:1: unknown rule name in 'ignore'; "
                              "did you mean 'portion-missing'?")


SECRET_WORD = "convoy"


async def raw_request(client: LanguageClient, msg_id: str, body: bytes) -> object:
    """Send bytes as a request's body and wait for the server's answer to `msg_id` (the client's
    own send_request cannot send parameters that do not fit the method)."""
    answer: Future = Future()
    client.protocol._request_futures[msg_id] = answer  # where pygls delivers the response to msg_id
    client.protocol.writer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    return await asyncio.wait_for(asyncio.wrap_future(answer), 20)


async def test_malformed_requests_are_answered_and_the_server_goes_on(client, tmp_path, capfd):
    uri = write(tmp_path, "draft.txt", DRAFT)
    await open_and_wait(client, uri, DRAFT)
    wrong_params = json.dumps({"jsonrpc": "2.0", "id": "bad-1", "method": "textDocument/hover",
                               "params": {"textDocument": {"uri": uri}, "position": SECRET_WORD}})
    with pytest.raises(Exception, match="Invalid Params"):
        await raw_request(client, "bad-1", wrong_params.encode())
    not_json = b'{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": ' + SECRET_WORD.encode()
    client.protocol.writer.write(b"Content-Length: %d\r\n\r\n" % len(not_json) + not_json)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=3)))
    assert hover.contents.value.startswith("**portion** `(S//NF)`")
    err = capfd.readouterr().err  # the server's standard error, which pytest-lsp passes on
    assert "Unable to deserialize message\n<withheld>" in err and SECRET_WORD not in err
    assert not any(SECRET_WORD in m.message for m in client.log_messages)


CRASHING_SERVER = [sys.executable, "-c", """
import marklint.server.app as app
import marklint.server.documents as documents
real = documents.lint
def lint(doc, text=None):
    if doc.path.endswith("boom.txt"):
        raise RuntimeError("the convoy leaves at dawn")
    return real(doc, text)
documents.lint = lint
app.serve()
"""]


async def test_a_crash_in_one_document_leaves_the_others_working(tmp_path, capfd):
    client = await start(tmp_path, command=CRASHING_SERVER)
    try:
        boom = write(tmp_path, "boom.txt", DRAFT)
        (only,) = await open_and_wait(client, boom, DRAFT)
        assert only.message == "marklint cannot lint this file: internal error (RuntimeError)"
        uri = write(tmp_path, "draft.txt", DRAFT)
        assert [d.code for d in await open_and_wait(client, uri, DRAFT)] == ["MK401", "MK301", "MK004"]
        messages = [m.message for m in client.log_messages]
        assert f"marklint: linting {boom} failed: internal error (RuntimeError)" in messages
        assert not any(SECRET_WORD in m for m in messages)
        sockets = _network_sockets(client._server.pid)
    finally:
        await client.shutdown_session()
        await client.stop()
    assert SECRET_WORD not in capfd.readouterr().err
    assert sockets == []


def _network_sockets(pid: int) -> list[str]:
    """The process's sockets that are TCP or UDP (the event loop's own socket pair is not)."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        target = os.readlink(f"/proc/{pid}/fd/{fd}")
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    network = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = Path(f"/proc/{pid}/net/{table}")
        if path.exists():
            for row in path.read_text().splitlines()[1:]:
                if row.split()[9] in inodes:
                    network.append(f"{table} {row}")
    return network


async def test_without_the_server_extra_the_command_says_what_to_install():
    hide_pygls = "import sys; sys.modules['pygls'] = None; from marklint.cli import main; sys.exit(main(['server']))"
    run = subprocess.run([sys.executable, "-c", hide_pygls], capture_output=True, text=True, env=ENV)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == ("marklint: `marklint server` needs the server extra (pygls is missing): "
                          "pip install 'marklint[server]'\n")
