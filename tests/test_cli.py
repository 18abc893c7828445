"""The `claimtrack` command: help text, load summary, claims table, database choice, serve."""

from __future__ import annotations

import argparse
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import app.cli as cli
from app.storage.db import ENV_VARIABLE, database_url, default_database_url
from app.storage.queries.output import ClaimOut, SaidOn, SourceRef
from tests.conftest import run_cli, run_cli_subprocess

SEED_SLUG = "oil-and-air-defence-how-russia-is-paying-north-korea-for-its-troops"
COMMANDS = ["load", "fetch", "export", "claims", "serve", "synth"]
DATABASE_COMMANDS = ["load", "export", "claims", "serve"]  # fetch and synth only write files


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices)


def count(db: Path, sql: str) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute(sql).fetchone()[0])
    finally:
        connection.close()


def test_every_command_and_option_has_help() -> None:
    commands = subcommands()
    assert sorted(commands) == sorted(COMMANDS)
    for name, parser in commands.items():
        assert parser.description, name
        for action in parser._actions:
            assert action.help, f"{name} {action.option_strings or action.dest}"


@pytest.mark.parametrize("command", COMMANDS)
def test_help_runs(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"usage: claimtrack {command}")
    assert ("--db URL" in result.stdout) == (command in DATABASE_COMMANDS)


def test_top_level_help_in_a_real_process() -> None:
    result = run_cli_subprocess("--help")
    assert result.exit_code == 0, result.stderr
    for command in COMMANDS:
        assert command in result.stdout


def test_usage_errors_exit_2() -> None:
    assert run_cli().exit_code == 2
    assert run_cli("load").exit_code == 2
    result = run_cli("export", "--format", "xml")
    assert result.exit_code == 2
    assert "invalid choice: 'xml'" in result.stderr


def test_load_prints_a_summary(tmp_path: Path, seed_article_path: Path) -> None:
    db = tmp_path / "claims.db"
    result = run_cli("load", seed_article_path, "--db", db)
    assert result.exit_code == 0, result.stderr
    claims = count(db, "SELECT count(*) FROM claims")
    sources = count(db, "SELECT count(*) FROM sources")
    assert claims > 1 and sources > 1, "the seed has several claims and sources"
    lines = result.stdout.splitlines()
    assert lines[0] == f"Loaded 1 article: {claims} claims from {sources} sources."
    assert lines[1].split() == [SEED_SLUG, str(claims), "claims"]
    assert lines[2] == f"Database {db} now holds 1 article, {claims} claims, {sources} sources."

    again = run_cli("load", seed_article_path, "--db", db)
    assert again.stdout.splitlines()[0] == (
        f"Loaded 1 article (1 unchanged): {claims} claims from {sources} sources."
    )


def test_database_from_environment(
    tmp_path: Path, seed_article_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv(ENV_VARIABLE, str(db))
    assert default_database_url() == database_url(db)
    assert run_cli("load", seed_article_path).exit_code == 0
    assert count(db, "SELECT count(*) FROM articles") == 1


def test_default_database_is_in_the_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VARIABLE, raising=False)
    expected = Path(__file__).resolve().parents[1] / "data" / "claims.db"
    assert default_database_url() == f"sqlite:///{expected}"


def test_db_accepts_a_url(tmp_path: Path, seed_article_path: Path) -> None:
    db = tmp_path / "url.db"
    result = run_cli("load", seed_article_path, "--db", f"sqlite:///{db}")
    assert result.exit_code == 0, result.stderr
    assert count(db, "SELECT count(*) FROM articles") == 1


def test_claims_prints_a_table(loaded_db_path: Path) -> None:
    result = run_cli("claims", "--db", loaded_db_path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["SOURCES", "STANCE", "SAID", "ON"]
    claims = count(loaded_db_path, "SELECT count(*) FROM claims")
    assert lines[-1] == f"{claims} claims."
    stances = [line.split("  ") for line in lines[1:-1] if not line.startswith(" ")]
    assert len(stances) == claims


def test_claims_table_layout() -> None:
    claim = ClaimOut.model_construct(
        sources=[
            SourceRef(slug="washington", label="Washington", kind="government"),
            SourceRef(slug="seoul", label="Seoul", kind="government"),
        ],
        stance="asserted",
        said_on=SaidOn(date="2024-11-22", precision="before"),
        assertion="North Korea sent at least 10,000 soldiers to Russia.",
    )
    assert list(cli.claims_table([claim], width=80)) == [
        "SOURCES            STANCE    SAID ON            ASSERTION",
        "Washington, Seoul  asserted  before 2024-11-22  North Korea sent at least 10,000",
        "                                                soldiers to Russia.",
        "1 claim.",
    ]


def test_serve_loads_the_seed_into_a_new_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.web import serving

    served: dict[str, Any] = {}

    def serve(app: str, host: str, port: int, workers: int) -> None:
        served.update(app=app, host=host, port=port, workers=workers)

    monkeypatch.setattr(serving, "serve", serve)
    db = tmp_path / "new.db"
    result = run_cli("serve", "--db", db, "--port", "8123")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"No database at {db} yet: loading ")
    assert count(db, "SELECT count(*) FROM articles") == 1
    expected = {"app": "app.cli:app_from_environment", "host": "127.0.0.1", "port": 8123}
    assert served == {**expected, "workers": 1}

    again = run_cli("serve", "--db", db)
    assert again.exit_code == 0 and again.stderr == ""


def test_serve_with_workers_passes_the_database_through_the_environment(
    tmp_path: Path, loaded_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.web import serving

    served: dict[str, Any] = {}

    def serve(app: str, host: str, port: int, count: int) -> None:
        served.update(app=app, workers=count)

    monkeypatch.setattr(serving, "serve", serve)
    monkeypatch.setenv(ENV_VARIABLE, "unused.db")
    db = tmp_path / "copy.db"
    shutil.copy(loaded_db_path, db)
    assert run_cli("serve", "--db", db, "--workers", "3").exit_code == 0
    assert served == {"app": "app.cli:app_from_environment", "workers": 3}
    assert default_database_url() == database_url(db)
