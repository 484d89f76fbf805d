"""The word lists of the extractor, as YAML files in this folder, and their loaders."""

from __future__ import annotations

from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent
