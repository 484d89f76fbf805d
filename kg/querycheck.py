"""What a user's SPARQL text is and may do, decided before any engine runs it.

`query_form` names its form from its first keyword (`form_error` explains a text
whose first keyword is none: 'SELEC' -> did you mean SELECT?). Two checks guard
`kg query` (and `kg viz --query`):

- `check_shape` bounds nesting and list length before a parser sees the text.
  Oxigraph's parser recurses once per level: ~6,000 nested parentheses overflow its
  stack (SIGSEGV), and a collection `(1 2 3 ...)` costs it super-linear time (100
  items ~2.5 s, 300 items ~28 s, 10,000 items SIGSEGV; measured with pyoxigraph
  0.5.13). A small lexer (IRIs, strings, comments kept whole, so a bracket or a '#'
  inside them does not count) finds the deepest bracket and the longest run of terms
  inside one pair of parentheses.
- It also bounds the length of the text in terms: a flat chain of 10,000 terms
  (`FILTER(1 + 1 + ...)`, 10,000 OR-ed comparisons, 10,000 triple patterns or
  `MINUS` groups in one group) crashes the engine as deep nesting does (4,000 `MINUS`
  groups already do), and a few hundred triple patterns in one group take its
  optimiser minutes. VALUES blocks are data, not query: they do not count.
- `network_targets` names the SERVICE calls and LOAD operations of a text, which
  make Oxigraph (and rdflib) send HTTP requests. pyoxigraph 0.5 offers no way to
  turn its service handler off (Rust's `QueryOptions::without_service_handler` is not
  exposed), so the text is parsed into rdflib's SPARQL algebra and the algebra is
  searched: a comment or a string that says SERVICE is not a SERVICE. A text rdflib
  cannot parse is judged by its words instead, erring on the side of refusal.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from kg.errors import QuerySyntaxError, QueryTooComplex

#: Deepest nesting of (), [] and {} accepted, counted together. Oxigraph parses 64
#: levels of nested collections in ~0.6 s; hand-written queries rarely pass 10.
MAX_NESTING = 64

#: Most terms in a row inside one pair of parentheses (a collection such as
#: `(1 2 3)`, or a VALUES row). Function arguments are separated by commas and
#: expressions by operators, so they do not count against it.
MAX_LIST_ITEMS = 64

#: Most terms and operators in one text, VALUES blocks left out. The shipped example
#: queries have under 150; 100 triple patterns in one group (~400) already take the
#: engine a second to plan.
MAX_TERMS = 2_000

_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>
        (?:\"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|\Z)
          | '''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z)
          | "(?:[^"\\\n\r]|\\.)*(?:"|$)
          | '(?:[^'\\\n\r]|\\.)*(?:'|$))
        (?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*)?)
    | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
    | (?P<var>[?$]\w+)
    | (?P<number>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))
    | (?P<name>(?:[^\W\d]\w*(?:[.-]+\w+)*)?:(?:[\w:%.-]|\\\S)*|[^\W\d][\w-]*)
    | (?P<open>[(\[{])
    | (?P<close>[)\]}])
    | (?P<datatype>\^\^)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL | re.MULTILINE,
)
# An unterminated string runs to the end of its line (of the text, for a long one): the
# parser stops there anyway, and the lexer stays linear on a line of escaped quotes.

# Bare words that are terms, not keywords: a run of them is a list.
_TERM_WORDS = frozenset({"a", "true", "false"})
_TERMS = frozenset({"string", "iri", "var", "number"})

# SERVICE or LOAD as a word of their own (not ?service, ex:load or download).
_NETWORK_WORD = re.compile(r"(?<![\w?$:\\])(SERVICE|LOAD)(?![\w:])", re.IGNORECASE)


#: The first keywords of a query, and of an update.
QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
UPDATE_FORMS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
# IRIs and strings are kept whole so that a '#' inside them is not taken for a comment.
_LEXEMES = re.compile(
    r"<[^<>\s]*>|\"\"\".*?\"\"\"|'''.*?'''|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*",
    re.DOTALL,
)
_PROLOGUE = re.compile(r"\s*(?:PREFIX\s+[^\s:]*:\s*<[^<>]*>|BASE\s*<[^<>]*>)", re.IGNORECASE)
_FIRST_WORD = re.compile(r"\s*([A-Za-z]+)")


def query_form(sparql: str) -> str | None:
    """Return the form of a SPARQL text: SELECT, ASK, CONSTRUCT, DESCRIBE or UPDATE.

    Returns None when the text starts with none of them (the parser will say why).
    """
    first = first_keyword(sparql)
    if first is None:
        return None
    keyword = first[0].upper()
    if keyword in QUERY_FORMS:
        return keyword
    return "UPDATE" if keyword in UPDATE_FORMS else None


def first_keyword(sparql: str) -> tuple[str, int] | None:
    """The first word after the prologue (PREFIX and BASE lines), and its offset."""
    text = _LEXEMES.sub(_blank_comment, sparql)
    position = 0
    while match := _PROLOGUE.match(text, position):
        position = match.end()
    word = _FIRST_WORD.match(text, position)
    return (word.group(1), word.start(1)) if word else None


def _blank_comment(match: re.Match[str]) -> str:
    lexeme = match.group(0)
    return " " * len(lexeme) if lexeme.startswith("#") else lexeme


def form_error(sparql: str) -> QuerySyntaxError:
    """The error for a text with no known form: which word should have been SELECT, ..."""
    import difflib

    first = first_keyword(sparql)
    if first is None:
        if not sparql.strip() or not _LEXEMES.sub("", sparql).strip():
            return QuerySyntaxError("the query is empty")
        return QuerySyntaxError(
            "a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after any PREFIX lines)"
        )
    word, offset = first
    line = sparql.count("\n", 0, offset) + 1
    column = offset - (sparql.rfind("\n", 0, offset) + 1) + 1
    known = sorted(QUERY_FORMS | UPDATE_FORMS | {"PREFIX", "BASE"})
    close = difflib.get_close_matches(word.upper(), known, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else ""
    return QuerySyntaxError(
        f"unknown keyword {word!r}: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE, "
        f"an update with INSERT, DELETE, ...{hint}",
        line=line,
        column=column,
    )


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int


def _tokens(sparql: str) -> Iterator[_Token]:
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield _Token(kind, match.group(0), match.start())


class _Positions:
    """Offsets in a text as 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def __call__(self, offset: int) -> str:
        line = bisect.bisect_right(self.starts, offset)
        return f"line {line}, column {offset - self.starts[line - 1] + 1}"


def check_shape(sparql: str) -> None:
    """Refuse a text that nests, lists or runs on beyond what the engine parses safely.

    Raises:
        QueryTooComplex: more than MAX_NESTING levels of brackets, more than
            MAX_LIST_ITEMS terms in a row inside one pair of parentheses, or more
            than MAX_TERMS terms and operators outside VALUES blocks; the message
            says where.
    """
    where = _Positions(sparql)
    # one entry per open bracket: [bracket, terms in a row directly inside it]
    stack: list[list] = []
    after_datatype = False
    terms = 0
    values_next = False  # the next "{" opens a VALUES block
    values_depth: int | None = None  # the stack depth of the open VALUES block
    for token in _tokens(sparql):
        if token.kind == "open":
            stack.append([token.text, 0])
            if len(stack) > MAX_NESTING:
                raise QueryTooComplex(
                    f"the query nests brackets more than {MAX_NESTING} levels deep "
                    f"(at {where(token.start)}); flatten it, or split it into several queries"
                )
            if token.text == "{":  # VALUES ?x { or VALUES (?x ?y) {
                if values_next and values_depth is None:
                    values_depth = len(stack)
                values_next = False
            continue
        if token.kind == "close":
            if stack:
                opened = stack.pop()[0]
                if values_depth is not None and len(stack) < values_depth:
                    values_depth = None
                if opened != "{":
                    _count_term(stack, token, where)  # a collection or [ ] is one term
            continue
        if token.kind == "name" and token.text.upper() == "VALUES":
            values_next = True
        if values_depth is None:
            terms += 1
            if terms > MAX_TERMS:
                raise QueryTooComplex(
                    f"the query has more than {MAX_TERMS:,} terms and operators (at "
                    f"{where(token.start)}); split it into several queries, or put long "
                    "lists of values in a VALUES block"
                )
        if after_datatype:  # the datatype IRI of "1"^^xsd:int belongs to its literal
            after_datatype = False
            continue
        if token.kind == "datatype":
            after_datatype = True
        elif token.kind in _TERMS or (
            token.kind == "name" and (":" in token.text or token.text in _TERM_WORDS)
        ):
            _count_term(stack, token, where)
        elif stack:
            stack[-1][1] = 0  # an operator, comma or keyword ends the run


def _count_term(stack: list[list], token: _Token, where: _Positions) -> None:
    if not stack or stack[-1][0] != "(":
        return
    stack[-1][1] += 1
    if stack[-1][1] > MAX_LIST_ITEMS:
        raise QueryTooComplex(
            f"the query lists more than {MAX_LIST_ITEMS} items in one pair of parentheses "
            f"(at {where(token.start)}); put long lists in a VALUES block"
        )


def network_words(sparql: str) -> bool:
    """Whether `sparql` has the word SERVICE or LOAD anywhere (a comment or string too)."""
    return _NETWORK_WORD.search(sparql) is not None


def network_targets(
    sparql: str, *, update: bool, prefixes: Mapping[str, str] | None = None
) -> tuple[str, ...]:
    """Return what `sparql` would reach over the network: "SERVICE <iri>", "LOAD <iri>".

    Empty when the text has no SERVICE pattern and no LOAD operation. Call
    `check_shape` first: rdflib's parser is recursive and slow on long lists.

    Args:
        sparql: a SPARQL query, or an update if `update`.
        update: parse `sparql` as an update.
        prefixes: prefixes declared for the text (name -> namespace IRI).
    """
    if not _NETWORK_WORD.search(sparql) and "\\u" not in sparql and "\\U" not in sparql:
        return ()  # no SERVICE or LOAD keyword can be in it, escaped or not
    found = _algebra_targets(sparql, update=update, prefixes=prefixes)
    if found is not None:
        return found
    # rdflib cannot parse it (unusual syntax, or a typo the engine will report):
    # any SERVICE or LOAD word, even in a comment, counts.
    words = sorted({m.group(1).upper() for m in _NETWORK_WORD.finditer(sparql)})
    return tuple(f"{word} (unverified: rdflib's parser could not read the query)" for word in words)


def _algebra_targets(
    sparql: str, *, update: bool, prefixes: Mapping[str, str] | None
) -> tuple[str, ...] | None:
    """The SERVICE and LOAD targets in rdflib's algebra of `sparql`; None if it fails."""
    from rdflib.plugins.sparql import algebra, parser

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20 * MAX_NESTING * 4))  # pyparsing recurses per level
    try:
        if update:
            tree: object = algebra.translateUpdate(parser.parseUpdate(sparql), initNs=prefixes)
            parts = tree.algebra  # type: ignore[attr-defined]
        else:
            parts = algebra.translateQuery(parser.parseQuery(sparql), initNs=prefixes).algebra
    except Exception:  # noqa: BLE001 - any failure to parse means "not verified"
        return None
    finally:
        sys.setrecursionlimit(limit)
    found: list[str] = []
    _walk(parts, found)
    return tuple(dict.fromkeys(found))


def _walk(node: object, found: list[str]) -> None:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            found.append(f"SERVICE {_term_text(node.get('term'))}")
        elif node.name == "Load":
            found.append(f"LOAD {_term_text(node.get('iri'))}")
        for value in node.values():
            _walk(value, found)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _walk(value, found)


def _term_text(term: object) -> str:
    n3 = getattr(term, "n3", None)
    return n3() if callable(n3) else str(term)
