"""Every command is documented: it has help text and the README names it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from cli import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_contract_commands_exist() -> None:
    expected = {"ingest", "query", "claims", "entities", "show", "export", "viz", "stats"}
    assert expected <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert len(result.output.split()) > 20


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_documents_command(command: str) -> None:
    assert re.search(rf"`kg {command}\b", README), f"README does not mention `kg {command}`"


def test_readme_lists_every_relation_code() -> None:
    from extract.records import RELATIONS

    for code in RELATIONS:
        assert f"`{code}`" in README, code
