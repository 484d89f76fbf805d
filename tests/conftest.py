"""Shared fixtures: the spaCy pipeline (loaded once) and the public data beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline with the shipped registry's entity ruler."""
    from extract.actors.registry import load_registry
    from extract.nlp.pipeline import load_nlp

    return load_nlp(registry=load_registry())


@pytest.fixture(scope="session")
def registry():
    """The shipped actor registry."""
    from extract.actors.registry import load_registry

    return load_registry()


@pytest.fixture(scope="session")
def shared() -> Path:
    """`shared/` beside the checkout; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not found (CI places shared/ beside the checkout)")
    return SHARED


# ---- SPARQL servers, started at most once per run and always stopped ----------------------


def _serve(request: pytest.FixtureRequest, start, *args, **kwargs) -> str:
    server = start(*args, **kwargs)
    request.addfinalizer(server.stop)
    return server.url


@pytest.fixture(scope="session")
def oxigraph_server(request: pytest.FixtureRequest, tmp_path_factory) -> str:
    """Query URL of an Oxigraph server started with --union-default-graph (empty store)."""
    from tests.servers import start_oxigraph

    location = tmp_path_factory.mktemp("oxigraph-union")
    return _serve(request, start_oxigraph, location, union_default_graph=True)


@pytest.fixture(scope="session")
def oxigraph_plain_server(request: pytest.FixtureRequest, tmp_path_factory) -> str:
    """Query URL of an Oxigraph server started without --union-default-graph."""
    from tests.servers import start_oxigraph

    location = tmp_path_factory.mktemp("oxigraph-plain")
    return _serve(request, start_oxigraph, location, union_default_graph=False)


@pytest.fixture(scope="session")
def virtuoso_server(request: pytest.FixtureRequest, tmp_path_factory) -> str:
    """Query URL of a Virtuoso Open Source server that accepts SPARQL updates."""
    from tests.servers import start_virtuoso

    return _serve(request, start_virtuoso, tmp_path_factory.mktemp("virtuoso"))


@pytest.fixture(params=["oxigraph", "oxigraph-plain", "virtuoso"])
def sparql_server(request: pytest.FixtureRequest) -> str:
    """Each server in turn: Oxigraph with and without a union default graph, Virtuoso."""
    fixture = {
        "oxigraph": "oxigraph_server",
        "oxigraph-plain": "oxigraph_plain_server",
        "virtuoso": "virtuoso_server",
    }[request.param]
    return request.getfixturevalue(fixture)
