"""The small exception classes of `kg/`, each a subclass of `KgError`.

Library functions raise these; `cli.py` turns each into one line on stderr and a
non-zero exit. Messages say what went wrong, with which value, and what to do.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error raised by `kg/`."""


class StoreError(KgError):
    """The store cannot be opened, read or written (missing, locked, unreachable)."""


class BuildError(KgError):
    """A record cannot be turned into RDF (an unknown relation code or actor type)."""


class QueryError(KgError):
    """A SPARQL query or update failed for a reason other than its syntax."""


class QuerySyntaxError(QueryError):
    """A SPARQL text does not parse; carries the parser's message and position.

    Attributes:
        message: the parser's message, without the position.
        line: 1-based line of the error, when the parser reports it.
        column: 1-based column of the error, when the parser reports it.
    """

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None):
        self.message = message
        self.line = line
        self.column = column
        where = f" at line {line}, column {column}" if line is not None else ""
        super().__init__(f"SPARQL syntax error{where}: {message}")

    def __reduce__(self):  # crosses the query worker's process boundary
        return (_syntax_error, (self.message, self.line, self.column))


class QueryFileError(QueryError):
    """A query file (`@file.rq`, `--query FILE`) cannot be read, or is not UTF-8 text."""


class ReadOnlyError(QueryError):
    """A SPARQL UPDATE was sent without asking for write access."""


class NetworkRefused(QueryError):
    """A SPARQL text would reach the network (SERVICE, LOAD) and that was not allowed.

    Attributes:
        targets: what it would reach ("SERVICE <http://...>", "LOAD <http://...>").
    """

    def __init__(self, message: str, targets: tuple[str, ...] = ()):
        self.targets = targets
        super().__init__(message)

    def __reduce__(self):  # crosses the query worker's process boundary
        return (type(self), (str(self), self.targets))


class QueryTooComplex(QueryError):
    """A SPARQL text nests or lists deeper than the engine can parse safely."""


class QueryTimeout(QueryError):
    """A query ran past its time limit and was stopped."""


class QueryInterrupted(QueryError):
    """The user stopped a query (Ctrl-C) before it finished."""


def _syntax_error(message: str, line: int | None, column: int | None) -> QuerySyntaxError:
    return QuerySyntaxError(message, line=line, column=column)


class FormatError(KgError):
    """An output format is unknown or does not fit the result (Turtle for a SELECT)."""


class ActorNotFound(KgError):
    """No actor has the given name as its label or alias.

    Attributes:
        name: the name asked for.
        suggestions: labels or aliases close to it, best first.
        note: a remark on where the name was looked for (a filtered graph rather
            than all actors), said in parentheses after the hint.
    """

    def __init__(self, name: str, suggestions: tuple[str, ...] = (), *, note: str = ""):
        self.name = name
        self.suggestions = suggestions
        self.note = note
        hint = (
            "; did you mean " + ", ".join(repr(s) for s in suggestions) + "?"
            if suggestions
            else "; list actors with `kg entities`"
        )
        where = f" ({note})" if note else ""
        super().__init__(f"no actor named {name!r}{hint}{where}")


class FilterError(KgError):
    """A filter value (relation code, actor type) is not one the graph knows."""


class AmbiguousActor(KgError):
    """A name is an alias of several actors; the caller must pick one by id or label."""
