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
