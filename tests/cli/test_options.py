"""The command line's options (kg/options.py): the global settings, and every alias used."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from typer.models import ParameterInfo

import cli
from kg import options
from kg.errors import StoreError
from kg.options import Settings


def settings(**fields: object) -> Settings:
    values: dict[str, object] = {
        "store": Path("kg-store"), "endpoint": None, "registry": (), "model": None, "verbose": 0,
    } | fields  # fmt: skip
    return Settings(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("endpoint", "source"),
    [(None, "kg-store"), ("http://localhost:7878/query", "http://localhost:7878/query")],
)
def test_source_is_the_endpoint_else_the_store(endpoint: str | None, source: str) -> None:
    assert settings(endpoint=endpoint).source == source


def test_open_store_is_read_only_by_default(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        settings(store=tmp_path / "missing").open_store()
    assert not (tmp_path / "missing").exists()  # a read-only open creates nothing
    with settings(store=tmp_path / "new").open_store(read_only=False):
        pass
    assert (tmp_path / "new").is_dir()


def test_every_alias_declares_a_typer_parameter_and_a_command_uses_it() -> None:
    aliases = {
        name: value
        for name, value in vars(options).items()
        if typing.get_origin(value) is typing.Annotated
    }
    assert aliases
    for name, alias in aliases.items():
        assert [type(m).__base__ for m in alias.__metadata__] == [ParameterInfo], name
    source = Path(cli.__file__).read_text(encoding="utf-8")
    unused = sorted(name for name in aliases if f"opt.{name}" not in source)
    assert unused == []
