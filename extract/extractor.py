"""The per-document extractor: one parsed text in, its actors, mentions and claims out.

`extract_doc` resolves the actors (`extract.actors.resolve`), then runs the claim finders
in order: direct quotes (`extract.claims.quotes`), reported speech (`extract.claims.speech`), typed
acts (`extract.claims.acts`), adds the structural claims the actor resolution found in noun
phrases (LEADS, AFFILIATED_WITH, SUPPORT from "X-backed"), and keeps one claim per
`Claim.key()`: the same claim repeated in a document is one claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from extract.claims.acts import find_acts
from extract.claims.context import Context, Resolver
from extract.claims.describe import describe_claims
from extract.claims.quotes import find_quotes
from extract.claims.speech import find_reported_speech
from extract.claims.voices import Voice, find_voices
from extract.lexicon.cues import Lexicon, load_lexicon
from extract.records import Actor, ActorRef, Claim, Document, Extraction, claim_id
from extract.relations import CODEBOOK
from extract.syntax.doccache import release

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from extract.actors.registry import Registry


def find_claims(
    doc: Doc,
    resolver: Resolver,
    *,
    doc_id: str,
    offset: int = 0,
    lexicon: Lexicon | None = None,
    source_text: str | None = None,
    voices: Mapping[int, Voice] | None = None,
) -> list[Claim]:
    """Quote, reported-speech and act claims in `doc`, before de-duplication.

    Args:
        doc: the parsed text.
        resolver: the document's actor resolution.
        doc_id: id of the document the claims belong to.
        offset: where `doc.text` starts inside the document's text.
        lexicon: the claim lexicon (default: the shipped one).
        source_text: the document's text as read, when `doc.text` is a masked piece of it;
            evidence is cut from it.
        voices: who speaks in the first person outside quote marks, by token
            (`extract.claims.voices.find_voices`).

    Returns:
        The claims in the order the finders produced them.
    """
    ctx = Context(
        doc_id=doc_id,
        resolver=resolver,
        lexicon=lexicon or load_lexicon(),
        offset=offset,
        source_text=source_text,
    )
    quotes = find_quotes(doc, ctx)
    ctx = replace(ctx, quoted=MappingProxyType(quotes.speakers), voices=voices or {})
    used_cues = quotes.cues
    return [
        *quotes.claims,
        *find_reported_speech(doc, ctx, used_cues=used_cues),
        # a cue that introduced a quote may still be a typed act ("urging X to ..."):
        # `consolidate` folds the quote into it
        *find_acts(doc, ctx),
    ]


def _overlap(a: Claim, b: Claim) -> bool:
    return a.start < b.end and b.start < a.end


def _same(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is not None and b is not None and a.id == b.id


def _same_or_none(a: ActorRef | None, b: ActorRef | None) -> bool:
    """The same actor, or no actor on either side (an object-less act told twice)."""
    return (a is None and b is None) or _same(a, b)


def _joined(quote: str | None, more: str) -> str:
    """Two quotes of one claim, in text order: "first [...] second"."""
    return f"{quote} [...] {more}" if quote else more


def consolidate(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per sentence, relation and parties, the sharpest type winning.

    - The quotes one speaker gives in one sentence are one claim, their words joined
      with " [...] " ("stressed that “...” ... “...”"); one per actor a quote is said of;
      quotes that make two different acts stay two claims, each with its own object.
    - A quote or reported statement whose speaker, in the same sentence, makes a
      sharper claim (accuses, urges, warns; or reports an act) is folded into that
      claim: the claim keeps the quote, the STATEMENT goes.

    Args:
        claims: the finders' claims of one document.

    Returns:
        The consolidated claims (ids are not recomputed here).
    """
    claims = list(claims)
    quotes: dict[tuple[object, ...], Claim] = {}
    last: dict[tuple[object, ...], Claim] = {}
    further: dict[tuple[object, ...], list[ActorRef]] = {}
    rest: list[Claim] = []
    for claim in claims:
        if claim.quote is None or claim.speaker is None:
            rest.append(claim)
            continue
        key = (claim.start, claim.end, claim.speaker.id)
        kept = quotes.get(key)
        previous, last[key] = last.get(key), claim
        if kept is None:
            quotes[key] = claim
            continue
        if (
            previous is not None
            and claim.quote == previous.quote
            and claim.relation == previous.relation
            and claim.object is not None
        ):
            # one quote said of several actors ("the deal signed by X and Y is illegal")
            further.setdefault(key, []).append(claim.object)
            continue
        if claim.relation not in ("STATEMENT", kept.relation) and kept.relation != "STATEMENT":
            # two acts in the quotes of one sentence ('described the attacks as a
            # "dastardly act" and urged X to "deny terrorism any victory"'): two claims,
            # each with its own object
            rest.append(claim)
            continue
        if kept.relation == claim.relation:
            relation, object_ = kept.relation, kept.object or claim.object
        elif kept.relation == "STATEMENT":
            relation, object_ = claim.relation, claim.object  # not the statement's audience
        else:
            relation, object_ = kept.relation, kept.object
        quotes[key] = replace(
            kept,
            relation=relation,
            object=object_,
            quote=_joined(kept.quote, claim.quote),
            confidence=max(kept.confidence, claim.confidence),
        )
    quoted = [
        replace(claim, object=obj)
        for key, claim in quotes.items()
        for obj in [claim.object, *further.get(key, ())]
    ]
    merged = _sourced(_one_statement_per_speaker(rest + quoted))
    hosts = [i for i, claim in enumerate(merged) if _can_host(claim)]
    folded = _fold_statements(merged, hosts, widen=True)
    return _fold_twins(_fold_objectless(folded))


def _fold_twins(claims: list[Claim]) -> list[Claim]:
    """Fold a quote claim into an unquoted claim that says the same thing of the same
    parties in overlapping evidence ('"Moscow must withdraw," X said' is found as a
    demanding quote and as the demand read from its modal; 'X urged calm, saying "..."'
    as the urging and as the quote typed by it, both with no object): one claim, with
    the quote."""
    dropped: set[int] = set()
    updated: dict[int, Claim] = {}
    for n, claim in enumerate(claims):
        if claim.quote is None or claim.relation == "STATEMENT":
            continue
        for i, other in enumerate(claims):
            if (
                i != n
                and i not in dropped
                and other.quote is None
                and other.relation == claim.relation
                and _same(other.subject, claim.subject)
                and _same_or_none(other.object, claim.object)
                and other.polarity == claim.polarity
                and _overlap(other, claim)
            ):
                dropped.add(n)
                host = _widened(updated.get(i, other), claim)
                updated[i] = replace(
                    host,
                    quote=claim.quote,
                    speaker=host.speaker or claim.speaker,
                    confidence=max(host.confidence, claim.confidence),
                )
                break
    return [updated.get(n, c) for n, c in enumerate(claims) if n not in dropped]


#: Rules whose claims only mention an act ("Barzani's visit to Washington", "the threat
#: from ISIS"): a speaker who names such an event in passing does not assert it, so the
#: statement stays a claim of its own.
_MENTION_RULES = frozenset({"act.noun"})


def _widened(host: Claim, quote: Claim) -> Claim:
    """The evidence of a quote folded into an act found inside it: a quote that runs over
    several sentences covers the act's sentence and its attribution ('... We have discussed
    this with them. ...,' Dizayee told Rudaw), and the claim keeps all of it, so that the
    evidence shows who said it."""
    if quote.start <= host.start and host.end <= quote.end and quote.text:
        return replace(host, start=quote.start, end=quote.end, text=quote.text)
    return host


def _can_host(claim: Claim) -> bool:
    """Whether a statement of the same speaker in overlapping evidence folds into `claim`:
    the speaker's own sharper speech act ("accused", "urged"), or an act the speaker
    reports with its agent named ("Harris added that Washington is working with ...").
    An act with no agent ("attacks blamed on X", "no group has claimed"), one only
    named by an event noun, or one only supposed ("which would be dangerous, because the
    group threatens ...") is background to what was said, not its content (GUIDE.md:
    STATEMENT unless something sharper fits the statement itself)."""
    return (
        claim.relation != "STATEMENT"
        and claim.speaker is not None
        and claim.subject is not None
        and claim.rule not in _MENTION_RULES
        and claim.modality != "hypothetical"
    )


#: Rules whose claim has no object because what it is about is no actor ("welcomed the
#: deal"): only a claim of the same verb with an object ("praised both sides" -> each
#: side) is this act found better; another verb's ("... and thanked Oman") is another act.
_THING_RULES = frozenset({"speech.endorse"})


def _fold_objectless(claims: list[Claim]) -> list[Claim]:
    """Drop a typed claim with no object when the same party makes the same claim, in
    overlapping evidence, with an object ('"We condemn the X attacks," said Y' is found as
    a typed quote and as the act inside it): the one with the object keeps the quote."""
    targeted = [
        n for n, c in enumerate(claims) if c.object is not None and c.relation != "STATEMENT"
    ]
    updated: dict[int, Claim] = {}
    dropped: set[int] = set()
    for n, claim in enumerate(claims):
        if claim.object is not None or claim.relation == "STATEMENT" or claim.subject is None:
            continue
        hosts = [
            i
            for i in targeted
            if claims[i].relation == claim.relation
            and _same(claims[i].subject, claim.subject)
            and claims[i].polarity == claim.polarity
            and _overlap(claims[i], claim)
            and (claim.rule not in _THING_RULES or claims[i].cue == claim.cue)
        ]
        if not hosts:
            continue
        dropped.add(n)
        host = updated.get(hosts[0], claims[hosts[0]])
        updated[hosts[0]] = replace(
            host,
            quote=host.quote or claim.quote,
            speaker=host.speaker or claim.speaker,
            confidence=max(host.confidence, claim.confidence),
        )
    return [updated.get(n, c) for n, c in enumerate(claims) if n not in dropped]


def _sourced(claims: list[Claim]) -> list[Claim]:
    """Give the source of "..., according to X" to the acts its sentence reports with no
    speaker ("The army did not attack the convoy, according to a statement from
    Damascus": the denial's speaker is Damascus); the STATEMENT then folds into them
    (GUIDE.md: an act reported in speech has its agent as subject, the reporter as
    speaker)."""
    sources = [c for c in claims if c.rule == "speech.according_to" and c.speaker is not None]
    if not sources:
        return claims
    result = []
    for claim in claims:
        if claim.speaker is None and claim.rule.startswith("act."):
            source = next((s for s in sources if _overlap(s, claim)), None)
            given = replace(claim, speaker=source.speaker) if source is not None else claim
            if source is not None and _can_host(given):
                modality = "reported" if claim.modality == "asserted" else claim.modality
                claim = replace(given, modality=modality)
        result.append(claim)
    return result


def _one_statement_per_speaker(claims: list[Claim]) -> list[Claim]:
    """Merge the STATEMENTs one speaker makes in overlapping evidence ('"...," he said,
    adding "..."'; a quote attributed both in its sentence and from the one before): one
    claim, the most confident one's evidence, the quotes joined, the audience kept."""
    kept: list[tuple[int, Claim]] = []  # (position in `claims`, claim)
    for n, claim in sorted(enumerate(claims), key=lambda pair: -pair[1].confidence):
        if claim.relation != "STATEMENT" or claim.speaker is None:
            kept.append((n, claim))
            continue
        for i, (position, other) in enumerate(kept):
            if (
                other.relation == "STATEMENT"
                and _same(other.speaker, claim.speaker)
                and _same(other.subject, claim.subject)
                and _overlap(other, claim)
            ):
                quote = other.quote
                if claim.quote and claim.quote != quote:
                    quote = _joined(quote, claim.quote)
                merged = replace(other, quote=quote, object=other.object or claim.object)
                kept[i] = (min(position, n), merged)
                break
        else:
            kept.append((n, claim))
    return [claim for _, claim in sorted(kept, key=lambda pair: pair[0])]


def dedupe(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """Keep the first (most confident on ties) claim of each `Claim.key()`."""
    best: dict[tuple[object, ...], Claim] = {}
    for claim in claims:
        key = claim.key()
        kept = best.get(key)
        if kept is None or claim.confidence > kept.confidence:
            best[key] = claim
    return tuple(sorted(best.values(), key=lambda claim: (claim.start, claim.end, claim.relation)))


def extract_doc(doc: Doc, document: Document, registry: Registry, *, offset: int = 0) -> Extraction:
    """Extract the actors, mentions and claims of one parsed text.

    Args:
        doc: `document.text[offset:offset + len(doc.text)]` parsed by spaCy.
        document: the document the text comes from.
        registry: the actor registry.
        offset: where `doc.text` starts inside `document.text` (the pipeline splits
            huge texts); claim and mention offsets index `document.text`.

    Returns:
        The extraction; every claim's `text` equals `document.text[start:end]`.
    """
    try:
        return _extract(doc, document, registry, offset)
    finally:
        release(doc)


def _extract(doc: Doc, document: Document, registry: Registry, offset: int) -> Extraction:
    from extract.actors.index import Asked
    from extract.actors.resolve import resolve_actors

    registry = registry.as_of(document.date)  # the roles people held when it was written
    index = resolve_actors(doc, registry, offset=offset)
    asked = Asked(index)  # lookups never add to the index: what they imply is noted here
    voices = find_voices(doc, asked, registry=registry, document=document, offset=offset)
    claims = find_claims(
        doc,
        asked,
        doc_id=document.id,
        offset=offset,
        source_text=document.text,
        voices=voices.by_token,
    )
    claims = [claim for claim in claims if voices.asserts(claim.start - offset)]
    implied, mentions = asked.implied()
    actors = {**voices.actors, **implied, **index.actors}
    structural = [_trimmed(claim, document) for claim in index.claims]
    voiced = voiced_by_speaker(consolidate([*claims, *structural]), actors.values())
    final = [_with_id(claim, document.id) for claim in voiced]
    all_mentions = (*index.mentions, *mentions)
    described = describe_claims(
        doc, dedupe(final), document, actors=actors, mentions=all_mentions, offset=offset
    )
    return Extraction(
        document=document,
        actors=tuple(actors[key] for key in sorted(actors)),
        mentions=all_mentions,
        claims=tuple(described),
    )


#: Speech acts (GUIDE.md): their subject is the one who speaks.
SPEECH_ACTS = CODEBOOK.having("speech_act")


def voiced_by_speaker(claims: Iterable[Claim], actors: Iterable[Actor]) -> list[Claim]:
    """Give a speech act its speaker as subject when the speaker voices it for their own
    side: in "Iran's foreign minister said Iran would not allow its security to be
    threatened", the threat is the minister's; in "the envoy reiterated Washington's
    condemnation" the accusation is the envoy's (GUIDE.md: the subject of a speech act is
    the one who speaks). An act of another party the speaker reports keeps its agent.

    When the text gives the speaker only a state office ("Foreign Minister X"), with no
    country or organisation, a state the speaker commits ("said Iran would not allow")
    is taken as the speaker's own side; the speaker's plain STATEMENT of that sentence
    then folds into the re-voiced act.

    Args:
        claims: the consolidated claims of one document.
        actors: the document's actors (for each speaker's organisation and country).

    Returns:
        The claims, speech acts voiced for the speaker's own side re-assigned.
    """
    by_id = {actor.id: actor for actor in actors}
    result: list[Claim] = []
    hosts: list[int] = []  # positions in `result` of acts the speaker voices for their side
    for claim in claims:
        speaker = by_id.get(claim.speaker.id) if claim.speaker is not None else None
        own = (
            speaker is not None
            and speaker.type == "Person"
            and claim.subject is not None
            and claim.subject.id != speaker.id
            and _own_side(speaker, claim, by_id)
            and not (claim.object is not None and claim.object.id == speaker.id)
        )
        if own and claim.relation in SPEECH_ACTS:
            claim = replace(claim, subject=claim.speaker)
        if own and (claim.relation in SPEECH_ACTS or claim.relation in COMMITMENTS):
            hosts.append(len(result))
        result.append(claim)
    return _fold_statements(result, hosts)


#: Relations that commit a side to a future course ("would abide by the truce").
COMMITMENTS = CODEBOOK.having("commitment")


def _fold_statements(claims: list[Claim], hosts: list[int], *, widen: bool = False) -> list[Claim]:
    """Drop each STATEMENT whose speaker, in overlapping evidence, makes one of the claims
    at `hosts` (positions in `claims`): that claim is what was said, and takes the
    statement's quote (joined to its own, unless the same). `widen`: the host's evidence
    grows to the quote's when the quote holds it (`_widened`)."""
    merged = {i: claims[i] for i in hosts}
    kept = []
    for claim in claims:
        if claim.relation == "STATEMENT":
            found = [
                i
                for i, host in merged.items()
                if _same(host.speaker, claim.speaker) and _overlap(host, claim)
            ]
            if found:
                host = merged[found[0]]
                if claim.quote and claim.quote != host.quote:
                    merged[found[0]] = replace(
                        _widened(host, claim) if widen else host,
                        quote=_joined(host.quote, claim.quote),
                    )
                continue
        kept.append(claim)
    by_identity = {id(claims[i]): host for i, host in merged.items()}
    return [by_identity.get(id(claim), claim) for claim in kept]


#: Actor types that are a state: what an official with no named country speaks for.
STATE_TYPES = frozenset({"Country", "Government"})

#: Words of a title that make it a state office ("Foreign Minister", "President").
STATE_OFFICES = frozenset({"minister", "president", "premier", "chancellor", "king"})


def _own_side(speaker: Actor, claim: Claim, by_id: dict[str, Actor]) -> bool:
    """Whether the claim's subject is the speaker's side: the speaker's organisation,
    country or the organisation of a role the text gives ("Houthi negotiator X"); or, for
    a state office with neither known, a state committing to a future course (a modal
    threat: "would not allow", "will respond")."""
    assert claim.subject is not None
    sides = {speaker.parent, speaker.country, *(role.organisation for role in speaker.roles)}
    if claim.subject.id in sides:
        return True
    subject = by_id.get(claim.subject.id)
    return (
        speaker.parent is None
        and speaker.country is None
        and subject is not None
        and subject.type in STATE_TYPES
        and claim.modality == "hypothetical"
        and any(
            word in STATE_OFFICES
            for role in speaker.roles
            if role.organisation is None
            for word in role.title.lower().split()
        )
    )


def _trimmed(claim: Claim, document: Document) -> Claim:
    """Structural claims from the actor resolution get the document id and trimmed
    evidence cut from the document's text."""
    start, end = claim.start, claim.end
    while start < end and document.text[start].isspace():
        start += 1
    while end > start and document.text[end - 1].isspace():
        end -= 1
    return replace(claim, doc_id=document.id, text=document.text[start:end], start=start, end=end)


def _with_id(claim: Claim, doc_id: str) -> Claim:
    """The claim with its content id (recomputed: consolidation may change a quote)."""
    return replace(
        claim,
        id=claim_id(
            doc_id,
            claim.relation,
            claim.subject,
            claim.object,
            claim.speaker,
            claim.quote,
            claim.start,
            claim.end,
        ),
    )
