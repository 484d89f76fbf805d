"""The word lists of the extractor, as YAML files in this folder, and their reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.errors import LexiconError

LEXICON_DIR = Path(__file__).resolve().parent


def read_yaml(path: Path) -> dict[str, Any]:
    """The top-level mapping of a lexicon YAML file, unchecked (libyaml's parser when
    PyYAML has it: the relation codebook is read when `extract.records` is imported, so
    its parse is on every command's start-up).

    Raises:
        LexiconError: the file is missing, not YAML, or not a mapping.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except OSError as error:
        raise LexiconError(f"cannot read lexicon {path}: {error}") from error
    except yaml.YAMLError as error:
        raise LexiconError(f"{path} is not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level")
    return data
