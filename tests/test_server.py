"""End-to-end tests of `marklint server`: a real LSP client (pytest-lsp) starts the server as a
subprocess over stdio, opens, edits and saves documents and checks what comes back."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

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
    # the suppression works: with a reason typed, portion-missing is gone and nothing else is new
    text = DRAFT.replace("The escort", "# marklint: disable-next-line portion-missing -- quoted\nThe escort")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    assert [d.code for d in await diagnostics_for(client, uri)] == ["MK401", "MK004"]


async def test_unsafe_fixes_only_when_configured(tmp_path):
    uri = write(tmp_path, "draft.txt", DRAFT)
    first_line = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    for options, expected in ((None, False), ({"unsafeFixes": True}, True)):
        client = await start(tmp_path, options)
        try:
            await open_and_wait(client, uri, DRAFT)
            actions = await client.text_document_code_action_async(types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri), range=first_line,
                context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.QuickFix])))
            unsafe = [a for a in actions if a.title.startswith("Unsafe fix MK401")]
            assert bool(unsafe) is expected
            if unsafe:
                assert not unsafe[0].is_preferred
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
