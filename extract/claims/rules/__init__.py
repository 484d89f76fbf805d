"""Claim constructions, one module per family of construction; importing this package
registers them all (`extract.claims.registry`)."""

from extract.claims.rules import withholding

__all__ = ["withholding"]
