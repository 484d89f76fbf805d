"""Every error the extractor raises on purpose, under one base class.

A command-line front end catches `ExtractError` once and prints its message: each
message names the file or setting at fault and says what to do about it.
"""

from __future__ import annotations


class ExtractError(Exception):
    """Base of the extractor's own errors; the message is meant for the user."""


class ModelNotFoundError(ExtractError):
    """No spaCy pipeline could be loaded."""


class RegistryError(ExtractError):
    """A registry file is unreadable or one of its entries is invalid."""


class LexiconError(ExtractError):
    """A lexicon file is missing, unreadable or holds an entry we cannot use."""


class ClutterRulesError(ExtractError, ValueError):
    """The clutter rules file is malformed (bad YAML, bad regular expression)."""


class EvaluationError(ExtractError):
    """A gold file that cannot be read or does not fit its format."""
