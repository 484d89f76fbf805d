"""What a claim is about: the event or thing an accusation, denial, request or
condemnation concerns, read from the parse around the claim's cue.

- ACCUSE: the object of the "of"/"for" phrase ("accused X of the attacks", "blamed X
  for the strike"), through a support verb ("of being behind the drone attacks", "of
  carrying out rocket attacks"); the direct object of "blamed the attack on X" and of
  "condemned the attack"; the subject of a passive ("the attacks were condemned") or the
  noun the cue modifies ("drone attacks blamed on X"); the "of"/"into" phrase of a noun cue
  ("condemnation of the attack", "investigation into the strikes").
- DENY, REJECT: the direct object ("denied the charge"), through a relational noun
  ("denied any role in the strike" -> "the strike"; "responsibility for", "involvement
  in"), or the clause ("denied that it attacked Somalia" -> "attacked Somalia").
- REQUEST: the direct object when it is no actor ("requested a defence system"), the
  "for" phrase ("asked for air defence systems"), else the requested act: what it is to
  give ("asked X to provide Y with a defence system") or the act itself ("urged X to
  repatriate their nationals"; X, whom the request is made of, is no matter).

A phrase that names an actor is no matter. A denial of "the charge" (`POINTER_NOUNS`),
or "that any force was involved" with no "in ..." (`INVOLVEMENT_VERBS`), points back at
an accusation: `find_about` marks it, and `extract.claims.disputes` gives
the denial the matter of the accusation it answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.claims.context import doc_text
from extract.lexicon.cues import load_lexicon
from extract.records import About, Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Relations a claim's matter is read for.
ABOUT_RELATIONS = frozenset({"ACCUSE", "DENY", "REJECT", "REQUEST"})

#: Nouns that name an accusation rather than its matter: "denied the charge".
POINTER_NOUNS = frozenset(
    {"charge", "accusation", "allegation", "claim", "report", "blame", "assertion"}
)

#: Nouns of taking part in something: the matter is their "in"/"for"/"of" phrase.
RELATIONAL_NOUNS = frozenset(
    {"role", "involvement", "responsibility", "link", "part", "hand", "connection", "ties"}
)

#: Verbs of taking part: a denial "that any force was involved" with no "in ..." names
#: no matter of its own and points back at the accusation, as "the charge" does.
INVOLVEMENT_VERBS = frozenset({"involve", "implicate", "responsible"})

#: Verbs through which an accusation names its matter: "of carrying out the attacks".
SUPPORT_VERBS = frozenset(
    {"carry", "conduct", "launch", "stage", "orchestrate", "perpetrate", "commit", "be", "plan"}
)

_NOUN_POS = frozenset({"NOUN", "PROPN"})
#: Accusation verbs whose direct object can be the matter rather than the accused.
_MATTER_OBJECT_VERBS = frozenset({"blame", "condemn", "denounce", "criticise", "criticize"})
_LEFT_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "case", "quantmod"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
_MAX_PHRASE_TOKENS = 8
#: What a verb's phrase keeps: "carrying out the attacks on the airport", "be waived".
_AFTER_VERB = frozenset({"prt", "dobj", "attr", "acomp", "prep"})
_BEFORE_VERB = frozenset({"nsubjpass", "auxpass"})


@dataclass(frozen=True)
class Matter:
    """A claim's matter as found: the `About`, and whether it is a pointer ("the charge")."""

    about: About
    pointer: bool = False


def cue_token(span: Span, cue: str) -> Token | None:
    """The token of `span` that is the claim's cue (its first word; a verb or noun first)."""
    first = cue.split()[0].casefold() if cue.split() else ""
    found = [token for token in span if token.text.casefold() == first]
    if not found:
        found = [token for token in span if token.lemma_.casefold() == first]
    if not found:
        return None
    for token in found:
        if token.pos_ in ("VERB", "NOUN", "AUX"):
            return token
    return found[0]


def claim_span(doc: Doc, claim: Claim, offset: int) -> Span | None:
    """The tokens of `doc` covering the claim's evidence, or None if outside this piece."""
    start, end = claim.start - offset, claim.end - offset
    # the text's length from its last token: `doc.text` would join the whole text again
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if start < 0 or end > length or start >= end:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def claim_cue(doc: Doc, claim: Claim, offset: int) -> tuple[Span, Token] | None:
    """The claim's evidence tokens and its cue token in `doc`, or None when the
    evidence lies outside this piece or the cue is not found in it."""
    span = claim_span(doc, claim, offset)
    if span is None:
        return None
    cue = cue_token(span, claim.cue)
    return (span, cue) if cue is not None else None


def find_about(
    doc: Doc, claim: Claim, *, offset: int = 0, actor_spans: Iterable[tuple[int, int]] = ()
) -> Matter | None:
    """What `claim` is about, from the parse of its evidence.

    Args:
        doc: the parsed text holding the claim's evidence.
        claim: an ACCUSE, DENY, REJECT or REQUEST claim (others have no matter here).
        offset: where `doc.text` starts in the document's text.
        actor_spans: document offsets (start, end) of actor mentions; a phrase whose head
            lies in one names an actor, not a matter.

    Returns:
        The matter, or None when the parse shows none.
    """
    if claim.relation not in ABOUT_RELATIONS:
        return None
    located = claim_cue(doc, claim, offset)
    if located is None:
        return None
    _span, cue = located
    spans = tuple(actor_spans)

    def is_actor(token: Token) -> bool:
        where = token.idx + offset
        return token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or any(
            start <= where < end for start, end in spans
        )

    head = _matter_head(cue, claim.relation, is_actor)
    if head is None:
        return None
    about = _about(doc, head, offset)
    if about is None:
        return None
    pointer = head.lemma_.casefold() in (
        POINTER_NOUNS if head.pos_ in _NOUN_POS else INVOLVEMENT_VERBS
    )
    if pointer:
        clause = _pointer_clause(head)
        if clause is not None and (found := _about(doc, clause, offset)) is not None:
            return Matter(found)
    return Matter(about, pointer=pointer)


def _matter_head(cue: Token, relation: str, is_actor: Callable[[Token], bool]) -> Token | None:
    if relation == "ACCUSE":
        candidates = _accusation_heads(cue)
    elif relation in ("DENY", "REJECT"):
        candidates = _denial_heads(cue)
    else:
        candidates = _request_heads(cue)
    for token in candidates:
        if token is None:
            continue
        if token.pos_ in _NOUN_POS and is_actor(token):
            continue
        if token.pos_ not in _NOUN_POS and token.pos_ not in ("VERB", "AUX"):
            continue
        return token
    return None


def _children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def _prep_objects(token: Token, *preps: str) -> list[Token]:
    found = []
    for prep in _children(token, "prep"):
        if prep.lower_ in preps:
            found += _children(prep, "pobj", "pcomp")
    return found


def _through_support(token: Token) -> Token:
    """'being behind the attacks' -> attacks; 'carrying out rocket attacks' -> attacks."""
    if token.pos_ in ("VERB", "AUX") and token.lemma_.casefold() in SUPPORT_VERBS:
        for found in (
            *_children(token, "dobj"),
            *_prep_objects(token, "behind", "for", "in", "of"),
            *_children(token, "acomp"),
        ):
            if found.pos_ == "ADJ":  # "responsible for the attack"
                inner = _prep_objects(found, "for")
                if inner:
                    return inner[0]
                continue
            return found
    return token


def _accusation_heads(cue: Token) -> list[Token]:
    objects = _children(cue, "dobj") if cue.pos_ in ("VERB", "AUX") else []
    # "accused X of the attacks": the parser hangs "of" on the verb or on X
    heads = [
        _through_support(t)
        for holder in (cue, *objects)
        for t in _prep_objects(holder, "of", "for", "over", "into")
    ]
    if cue.pos_ in ("VERB", "AUX"):
        # "blamed the attack on X", "attributed the bombing to X": the object is the
        # matter when the actor is in "on" or "to"
        if cue.lemma_ in _MATTER_OBJECT_VERBS or cue.lemma_ in load_lexicon().attribution_verbs:
            heads += objects
        heads += _children(cue, "nsubjpass")
        if cue.dep_ in ("acl", "relcl") and cue.head.pos_ in _NOUN_POS:
            heads.append(cue.head)  # "drone attacks blamed on X"
    return heads


def _denial_heads(cue: Token) -> list[Token]:
    heads: list[Token] = []
    for obj in _children(cue, "dobj", "nsubjpass"):
        if obj.lemma_.casefold() in RELATIONAL_NOUNS:
            heads += [_through_support(t) for t in _prep_objects(obj, "in", "for", "of", "behind")]
        heads.append(obj)
    for clause in _children(cue, "ccomp"):
        inner = _through_support(clause)
        if inner is clause and clause.lemma_.casefold() in INVOLVEMENT_VERBS:
            inner = next(iter(_prep_objects(clause, "in", "with")), clause)
        heads.append(inner)
    heads += _prep_objects(cue, "of")  # "rejected the claims of ..." is caught above
    return heads


def _request_heads(cue: Token) -> list[Token]:
    clauses = _children(cue, "xcomp", "ccomp")
    # "urged the governments to work together": with a requested act, the object is
    # whom the request is made of, not what it asks
    heads = [] if clauses else _children(cue, "dobj")
    heads += _prep_objects(cue, "for")  # "asked for air defence systems to protect ..."
    for verb in clauses:
        heads += _prep_objects(verb, "with")  # "to provide X with a defence system"
        heads.append(verb)  # "to repatriate their nationals"
    return heads


def _pointer_clause(head: Token) -> Token | None:
    """'the charge that it was behind the attacks' -> attacks (or the clause's verb)."""
    for clause in _children(head, "acl", "ccomp", "appos", "relcl"):
        if clause.dep_ == "relcl":
            continue
        return _through_support(clause)
    return None


def _about(doc: Doc, head: Token, offset: int) -> About | None:
    if head.pos_ in _NOUN_POS:
        left = head
        while True:
            before = [t for t in left.children if t.i < left.i and t.dep_ in _LEFT_DEPS]
            if not before:
                break
            left = min(before, key=lambda t: t.i)
            if left.i < head.i - _MAX_PHRASE_TOKENS:
                break
        tokens = list(doc[left.i : head.i + 1])
        # "the withdrawal of all US troops", "an end to Iranian meddling"
        for prep in _children(head, "prep"):
            if prep.lower_ == "of" or (prep.lower_ == "to" and head.lemma_ == "end"):
                tokens += [t for t in prep.subtree if t.i <= head.i + _MAX_PHRASE_TOKENS]
                break
    else:  # a clause or gerund: the verb with its particles, objects, passive subject
        tokens = [head]
        for child in head.children:
            wanted = _AFTER_VERB if child.i > head.i else _BEFORE_VERB
            if child.dep_ in wanted:
                tokens += list(child.subtree)
        tokens = sorted(dict.fromkeys(tokens), key=lambda t: t.i)
        tokens = [t for t in tokens if t.i <= head.i + _MAX_PHRASE_TOKENS]
        tokens = [t for t in tokens if t.i >= tokens[-1].i - 2 * _MAX_PHRASE_TOKENS]
        tokens = _contiguous(tokens, head)
    tokens = _hyphenated(doc, tokens)
    tokens = [t for t in tokens if not t.is_space]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_quote):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_quote):
        tokens.pop(0)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    whole = doc_text(doc)
    text = whole[start:end]
    shown = [t for t in tokens if t.dep_ not in ("det", "poss", "case") or t.i == head.i]
    label = whole[shown[0].idx : end] if shown else text
    words = [
        t.lemma_.casefold()
        for t in tokens
        if t.i != head.i and t.pos_ in _CONTENT_POS and t.ent_type_ != "DATE" and t.is_alpha
    ]
    key = " ".join(dict.fromkeys([*words, head.lemma_.casefold()]))
    return About(label=label, text=text, start=start + offset, end=end + offset, key=key)


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    """The run of consecutive tokens around `head` (a phrase is one span of text)."""
    indexes = {t.i for t in tokens}
    start = end = head.i
    while start - 1 in indexes:
        start -= 1
    while end + 1 in indexes:
        end += 1
    return [t for t in tokens if start <= t.i <= end]


def _hyphenated(doc: Doc, tokens: list[Token]) -> list[Token]:
    """Whole hyphenated words at the edges: "de-escalation", not "de"."""
    if not tokens:
        return tokens
    first, last = tokens[0].i, tokens[-1].i
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_:
        if doc[last + 1].whitespace_:
            break
        last += 2
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_:
        if doc[first - 1].whitespace_:
            break
        first -= 2
    return list(doc[first : last + 1])
