"""Direct quotes: attribute each quotation to its speaker and make it a claim.

The quoted spans come from `extract.text.quotemarks` (characters only). Attribution works
on the parse: the nearest speech cue outside any quote in the quote's sentences
("..., Dizayee told Rudaw"; "said the minister"; "according to X"), else a cue in the
previous sentence, else the speaker of the quote it continues. A short quotation in a
headline is a scare quote, not speech, and so is a phrase in marks with no cue, no
speaker and no finite verb (a term: 'the "one country, two systems" model'); a quote
whose speaker is an unnamed single source ("an official said") or no actor at all keeps
its words with no speaker and a low confidence.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.actors.names import actor_lexicon
from extract.claims.context import (
    RULE_CONFIDENCE,
    UNRESOLVED,
    Context,
    Resolved,
    doc_text,
    evidence_bounds,
    make_claim,
    resolve_token,
    sentence_of,
    sentence_spans,
)
from extract.claims.registry import reading
from extract.claims.speakers import is_anonymous_source, is_title_of
from extract.claims.stance import (
    alleged,
    named_wrongs,
    quoted_stance,
    verdict,
    verdict_objects,
)
from extract.records import Actor, Claim
from extract.relations import CODEBOOK
from extract.syntax.arguments import RELATIVE_TAGS, is_be_to, with_conjuncts
from extract.syntax.modality import is_negated
from extract.text.quotemarks import (
    DOUBLE_CLOSE,
    SINGLE_CLOSE,
    STRAIGHT,
    QuoteSpan,
    find_quote_spans,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from extract.lexicon.cues import Lexicon

FAMILY = "quotes"

for _name, _confidence, _doc in (
    # cue verb in the quote's own sentence (speaker right ~0.9, but the claim's type is
    # often sharper than STATEMENT in an analyst's eyes)
    ("quote.cue", 0.75, "a quote with its cue verb in its own sentence"),
    ("quote.according_to", 0.75, "a quote given 'according to X'"),
    ("quote.continued", 0.7, "a later paragraph of a multi-paragraph quote"),
    ("quote.previous_sentence", 0.5, "a quote attributed in the sentence before"),
    ("quote.naming", 0.45, "'what it called \"...\"': a name the speaker gave"),
    # no speaker found: often no speech at all (a title, a slogan, a document's words);
    # kept for the quote, clearly below the rest
    ("quote.unattributed", 0.25, "a quote with no speaker found"),
    ("quote.anonymous", 0.3, "'an Iraqi official said': a source, but no actor"),
):
    reading(_name, family=FAMILY, confidence=_confidence, doc=_doc)


#: Relations a quote's own words may sharpen a STATEMENT into.
SHARP_RELATIONS = CODEBOOK.having("sharp_speech")


@dataclass(frozen=True)
class Attribution:
    """Who said a quotation, through which cue, and by which rule."""

    speaker: Resolved
    cue: Token | None
    rule: str
    #: further speakers coordinated with the first ("the United States and Iraq said")
    others: tuple[Resolved, ...] = ()


def _speech_cues(doc: Doc, sents: Sequence[Span], quoted: set[int], ctx: Context) -> list[Token]:
    cues = []
    for sent in sents:
        for token in sent:
            if token.i in quoted or is_be_to(token):
                continue  # "Russia is to blame", "is to speak on Monday": no words said
            lemma = token.lemma_.lower()
            if (
                token.tag_.startswith("VB")
                and (ctx.lexicon.is_speech(lemma) or verdict(token, ctx.lexicon) is not None)
                or opens_according_to(token)
                or _carries_on(token, quoted, ctx.lexicon)
            ) and not _supposed_saying(token, ctx):
                cues.append(token)
    return cues


def _supposed_saying(cue: Token, ctx: Context) -> bool:
    """Whether a speech verb only supposes the saying, in a condition of its own ("the
    manifesto, if written by the suspect, could strengthen the case: '...'"): it cues no
    quote."""
    return any(
        child.dep_ == "mark" and child.lower_ in ctx.lexicon.condition_marks
        for child in cue.children
    )


#: What a carrying verb may not govern outside the quote to cue it: a complement of its
#: own ("continued to fight", "went on with the talks", "continued its attacks").
_CARRIED_COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "prep", "attr", "acomp", "advcl"})


def _carries_on(token: Token, quoted: Collection[int], lexicon: Lexicon) -> bool:
    """Whether `token` carries a named speaker on into a quote ('Johnson continued, "..."',
    '"...," he went on'): a carrying verb with a name or pronoun subject and no complement
    of its own outside the quote."""
    if not token.tag_.startswith("VB"):
        return False
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    if " ".join([token.lemma_.lower(), *particles]) not in lexicon.carrying_cues:
        return False
    children = [c for c in token.children if c.i not in quoted]
    named = any(
        c.dep_ == "nsubj"
        and (c.pos_ in ("PROPN", "PRON") or any(g.pos_ == "PROPN" for g in c.children))
        for c in children
    )  # "Johnson", "she", "the mayor, Ana Silva"
    return named and not any(c.dep_ in _CARRIED_COMPLEMENTS for c in children)


def opens_according_to(token: Token) -> bool:
    """Whether `token` is the "according" of an "according to X" phrase."""
    doc = token.doc
    return (
        token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"
    )


def speaker_token(
    cue: Token,
    sources: Collection[str] = (),
    quoted: Collection[int] = (),
    *,
    author_preps: Collection[str] = (),
    channels: Collection[str] = (),
    issuers: Collection[str] = (),
) -> Token | None:
    """The token naming who speaks through `cue` (its subject, inherited through "and").

    When the subject is a document in `sources` ("a statement from X read", "according
    to data from X", "according to its polling"), the speaker is the document's author
    X, named after "from", "by", "of" or as its possessor, also through the participle
    that posted it ("a tweet sent from X"); a document on one of `channels` (an account, a
    page, a website) is its owner's ("a post on X's Facebook page", "a statement on the
    website of X"); a document that the subject of one of `issuers` issued is the
    subject's ("Kenya issued a statement which said", "released a statement saying").
    Tokens in `quoted` (inside quote marks) are never the speaker: in '"... Barzani's
    visit" in May, Ahmed added' the parser may give "added" two subjects.
    """
    who = _speaker_token(cue, quoted)
    if who is not None and _is_document(who, sources, relative=True):
        who = who.head.head  # "a statement which said": the statement says
    elif who is None and _is_document(cue.head, sources) and cue.dep_ == "acl":
        who = cue.head  # "a statement saying"
    documents = [who] if who is not None else []
    # "..., read a statement from X": the parser may take the document for the object
    documents += [child for child in cue.children if child.dep_ == "dobj"]
    for document in documents:
        if document.lemma_.lower() not in sources and document.lower_ not in sources:
            continue
        author = _author(document, channels, author_preps, issuers)
        if author is None and _definite_document(document):
            # '"...," read the statement': the statement last named, by whoever issued it
            earlier = _earlier_document(document)
            if earlier is not None:
                author = _author(earlier, channels, author_preps, issuers)
        if author is not None:
            return author
    return who


def _author(
    document: Token,
    channels: Collection[str],
    author_preps: Collection[str],
    issuers: Collection[str],
) -> Token | None:
    """Who issued `document`: named after an author preposition ("a statement from X"),
    as its possessor ("the ministry's figures"), as the owner of the channel it is on ("a
    post on X's page"), or as the subject that issued it ("Kenya issued a statement")."""
    posted = [child for child in document.children if child.dep_ == "acl"]
    for holder in (document, *posted):
        for child in holder.children:
            if child.dep_ in ("prep", "agent"):
                for grand in child.children:
                    if grand.dep_ != "pobj":
                        continue
                    if grand.lemma_.lower() in channels:
                        owner = _channel_owner(grand)
                        if owner is not None:
                            return owner  # "a post on X's page", "sent from X's account"
                    elif child.lower_ in author_preps:
                        return grand
            if holder is document and child.dep_ == "poss":
                return child  # "according to its polling", "the ministry's figures"
    issuer = document.head
    if document.dep_ == "dobj" and issuer.lemma_.lower() in issuers:
        # "Kenya issued a statement which said ...": who issued it speaks
        subjects = [child for child in issuer.children if child.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
    return None


#: How many sentences back "the statement" may find the statement it refers to.
_DOCUMENT_WINDOW = 3


def _definite_document(document: Token) -> bool:
    """ "the statement", "that letter": a document named before."""
    return any(
        child.dep_ == "det" and child.lower_ in ("the", "that", "this")
        for child in document.children
    )


def _earlier_document(document: Token) -> Token | None:
    """The nearest earlier mention of a document of the same word ("a statement" before
    "the statement"), within `_DOCUMENT_WINDOW` sentences."""
    doc, lemma = document.doc, document.lemma_.lower()
    sentence = document.sent
    first = sentence.start
    for _ in range(_DOCUMENT_WINDOW):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    for token in reversed(doc[first : document.i]):
        if token.lemma_.lower() == lemma and token.pos_ == "NOUN":
            return token
    return None


def cue_speaker_token(cue: Token, lexicon: Lexicon, quoted: Collection[int] = ()) -> Token | None:
    """`speaker_token` with the lexicon's sources, author prepositions, channels and
    issuing verbs."""
    return speaker_token(
        cue,
        lexicon.sources,
        quoted,
        author_preps=lexicon.author_preps,
        channels=lexicon.owned_channels,
        issuers=lexicon.issuing_verbs,
    )


def _is_document(token: Token | None, sources: Collection[str], *, relative: bool = False) -> bool:
    """Whether `token` is a document of `sources`, or with `relative` the relative pronoun
    standing for one ("a statement which said")."""
    if token is not None and relative:
        if token.tag_ not in RELATIVE_TAGS or token.head.dep_ != "relcl":
            return False
        token = token.head.head
    return token is not None and (token.lemma_.lower() in sources or token.lower_ in sources)


def _channel_owner(channel: Token) -> Token | None:
    """Whose account, page or website `channel` is: its possessor or "of" object."""
    for child in channel.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _speaker_token(cue: Token, quoted: Collection[int]) -> Token | None:
    if cue.lower_ == "according":
        nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
        if nxt is not None:
            for child in nxt.children:
                if child.dep_ == "pobj":
                    return _bracketed_name(child) or child
        return None
    node = cue
    for _ in range(4):
        subjects = [child for child in node.children if child.dep_ in ("nsubj", "csubj")]
        outside = [child for child in subjects if child.i not in quoted]
        if outside:
            # two subjects are a misparse of a clause with an aside ("The border, Turkey
            # said, will stay closed" -> border and Turkey; "Niger's president, Mahamadou
            # Issoufou said"): the noun nearest the verb speaks, never a pronoun of the
            # clause ("it's difficult to ... say")
            named = [child for child in outside if child.i < node.i and child.pos_ != "PRON"]
            who = named[-1] if len(outside) > 1 and named else outside[0]
            who = _subject_in_according(node, who) or who
            return _named_speaker(_free_relative_subject(node, who))
        if subjects:
            # '"... our men and women serving abroad," David Schenker, assistant secretary,
            # told reporters': the parser may take the quote's last noun for the subject and
            # the name after the quote for its apposition; that name speaks
            for child in subjects[0].children:
                if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i not in quoted:
                    return child
            return None  # the verb's subject is quoted: the verb is part of the quote
        if (misplaced := _subject_in_according(node, None)) is not None:
            return _named_speaker(misplaced)
        for child in node.children:
            if child.dep_ == "agent":  # "as cited by X"
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        # inherit the subject of the verb this one is coordinated with or modifies
        # ("stressed ..., urging"); not of a clause it is reported in (ccomp)
        if node.dep_ in ("conj", "advcl", "xcomp", "parataxis") and node.head is not node:
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.head.lower_ == "by" and node.head.head is not node.head:
            node = node.head.head  # "she continued by announcing": who continued
            continue
        break
    return _inverted_speaker(cue, quoted)


#: Quote marks that close a quotation, as tokens (spaCy writes a closing `''` as one).
_CLOSING_MARKS = frozenset(STRAIGHT + DOUBLE_CLOSE + SINGLE_CLOSE) | {"''"}
#: How far after an inverted cue the speaker's name may end ("tweeted Mayor of London
#: Sadiq Khan").
_INVERTED_REACH = 8


def _inverted_speaker(cue: Token, quoted: Collection[int]) -> Token | None:
    """The name after a cue that follows a quotation ('"...," tweeted Mayor of London
    Sadiq Khan'), when the parser gave the cue no subject (it may take the verb for a
    modifier of the title): the last proper noun of the words after the cue, up to
    punctuation."""
    doc = cue.doc
    before = doc[cue.i - 1] if cue.i > 0 else None
    if before is not None and before.text == "," and cue.i > 1:
        before = doc[cue.i - 2]
    if before is None or before.text not in _CLOSING_MARKS or not cue.tag_.startswith("VB"):
        return None
    name: Token | None = None
    for token in doc[cue.i + 1 : min(len(doc), cue.i + 1 + _INVERTED_REACH)]:
        if token.i in quoted or (token.is_punct and token.text != "-"):
            break
        if token.pos_ == "PROPN":
            name = token
    return name


def _title_bearer(ctx: Context, token: Token) -> Resolved | None:
    """The person named after an organisation's title in apposition to it: in "said
    University of Leeds, Yorkshire's chancellor, Edwin Carr" the parser hangs the title
    on the university and the name on the title; the chancellor speaks."""
    titles = actor_lexicon().title_words
    for title in token.children:
        if title.dep_ != "appos" or title.pos_ != "NOUN" or title.lower_ not in titles:
            continue
        for name in title.children:
            if name.dep_ == "appos" and name.pos_ == "PROPN":
                actor = ctx.resolver.actor_at(name, agent=True)
                if actor is not None and actor.type == "Person":
                    return Resolved(actor, "name")
    return None


def _bracketed_name(title: Token) -> Token | None:
    """The name set off by commas right after a title the parser gave no apposition:
    in "according to the city's mayor, Jane Doe, police ...", "Doe" (which the parser
    may hang on the main verb as a second subject) names the mayor."""
    if title.pos_ != "NOUN" or any(child.dep_ == "appos" for child in title.children):
        return None
    doc = title.doc
    start = title.right_edge.i + 1
    if start >= len(doc) or doc[start].text != ",":
        return None
    end = start + 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    if end == start + 1 or end >= len(doc) or doc[end].text != ",":
        return None
    return doc[end - 1]


def _free_relative_subject(cue: Token, who: Token) -> Token:
    """In a free relative ("Russia began what it called a special operation", "what they
    described as ..."), a pronoun speaker is the subject of the clause the relative is
    the object of; elsewhere `who` itself."""
    if who.pos_ != "PRON" or cue.dep_ not in ("ccomp", "relcl", "pcomp"):
        return who
    if not any(child.dep_ == "dobj" and child.tag_ in ("WP", "WDT") for child in cue.children):
        return who
    named = [
        child
        for child in cue.head.children
        if child.dep_ == "nsubj" and child.pos_ in ("PROPN", "NOUN")
    ]
    return named[0] if named else who


def _subject_in_according(verb: Token, subject: Token | None) -> Token | None:
    """The subject the parser hung as an apposition on the source of an "according to"
    before `verb`: in "According to ISNA, the prosecutor, Ali Mehr, said ..." the
    prosecutor says, ISNA only reports it. The parser may leave the verb no subject (the
    prosecutor an apposition of "ISNA"), or take the source's name for the subject
    ("According to the news agency KNA, the governor, Ali Musa, said": "KNA" said)."""
    for child in verb.children:
        if child.dep_ != "prep" or not opens_according_to(child) or child.i > verb.i:
            continue
        if subject is None:
            sources = [g for to in child.children for g in to.children if g.dep_ == "pobj"]
        elif subject.left_edge.i == child.right_edge.i + 1:
            sources = [subject]  # no comma between: the subject is the source's own name
        else:
            sources = []
        for source in sources:
            appositions = [a for a in source.subtree if a.dep_ == "appos" and a.i > source.i]
            # the title first, the name after it ("the governor of Mombasa, Ali Musa"):
            # the parser may hang the name on the title's place
            names = [a for a in appositions if a.pos_ == "PROPN"]
            if names:
                return names[-1]
            if appositions:
                return appositions[0]
    return None


#: Participles that give a described speaker's name ("a student named Wong").
_NAMING = frozenset({"name", "call", "identify"})


def _named_speaker(who: Token) -> Token:
    """The person the parser hung as an apposition on the subject it found instead.

    In "ERBIL, Kurdistan Region - Interior Minister Reber Ahmed on Monday said ...",
    "ERBIL" (an upper-case word opening the sentence, followed by a comma) is the dateline;
    in "Kurdistan Regional Government (KRG) Interior Minister Reber Ahmed said ...", the
    organisation is the minister's title. Either way the person named in apposition speaks.
    A described speaker named by a participle ("a university student named Wong said")
    is the one named.
    """
    doc = who.doc
    dateline = (
        who.is_upper
        and len(who.text) > 2
        and who.is_sent_start
        and who.i + 1 < len(doc)
        and doc[who.i + 1].text == ","
    )
    names = [
        child
        for child in who.children
        if child.dep_ == "appos"
        and child.pos_ == "PROPN"
        and (dateline or (child.ent_type_ == "PERSON" and who.ent_type_ != "PERSON"))
    ]
    if not names and who.pos_ == "NOUN":
        # "a university student named Wong said": the name the participle gives
        names = [
            name
            for child in who.children
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in _NAMING
            for name in child.children
            if name.dep_ in ("oprd", "attr", "dobj", "appos") and name.pos_ == "PROPN"
        ]
    return names[-1] if names else who


def _addressee(cue: Token) -> Token | None:
    for child in cue.children:
        if child.dep_ in ("dative", "dobj") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
    return None


def _attribute_in(
    doc: Doc,
    span: QuoteSpan,
    sents: Sequence[Span],
    quoted: set[int],
    ctx: Context,
    *,
    rule: str,
    after: Span | None = None,
) -> Attribution | None:
    cues = _speech_cues(doc, sents, quoted, ctx)
    if after is not None:
        # the sentence after a quote that closes its own: its cue is the quote's only
        # when it reports nothing of its own ('"We will win." said the minister.')
        cues += [c for c in _speech_cues(doc, [after], quoted, ctx) if not _own_words(c, quoted)]
    if not cues:
        return None

    inside = _tokens(doc, span.start, span.end)

    def distance(token: Token) -> tuple[bool, int]:
        # a cue whose clause holds the quote comes first: in 'Pelosi called it a "breach
        # ...," according to NBC' the quote is what Pelosi called it, NBC only reports it
        governs = bool(inside) and token.left_edge.i <= inside[0].i <= token.right_edge.i
        if token.idx >= span.close_at:
            return not governs, token.idx - span.close_at
        return not governs, max(0, span.open_at - token.idx)

    best: Attribution | None = None
    for cue in sorted(cues, key=distance):
        if distance(cue)[0] and _describes_antecedent(cue):
            continue  # 'X commented on the matter, which the BBC noted as unusual: "..."'
        who = cue_speaker_token(cue, ctx.lexicon, quoted)
        if (
            who is not None
            and is_anonymous_source(who, ctx.lexicon.indefinite_determiners)
            and best is None
        ):
            # "..., an Iraqi official said": the source is told, but is no actor
            return Attribution(UNRESOLVED, cue, "quote.anonymous")
        speakers = phrase_speakers(ctx, who) if who is not None else []
        name = "quote.according_to" if cue.lower_ == "according" and rule == "quote.cue" else rule
        if speakers:
            return Attribution(speakers[0], cue, name, tuple(speakers[1:]))
        if best is None:
            best = Attribution(UNRESOLVED, cue, name)
    return best


def _describes_antecedent(cue: Token) -> bool:
    """Whether a cue's clause is a relative clause whose object is its relative pronoun
    ("the matter, which the BBC noted as unusual", "the budget, which Reuters described as
    austere"): it tells what was said of the antecedent, and is whole without a quote."""
    return any(
        child.dep_ in ("dobj", "nsubjpass") and child.tag_ == "WDT" for child in cue.children
    )


def _own_words(cue: Token, quoted: Collection[int]) -> bool:
    """Whether a cue reports words of its own rather than a quote before it: it governs
    an unquoted clause ("He said the army was ready"), or hangs on one ("As Guterres
    said, enough is enough"; "Rockets struck the base, according to the police")."""
    head = cue.head
    if head.i != cue.i and head.i not in quoted and head.pos_ in ("VERB", "AUX"):
        return True
    return any(child.dep_ in ("ccomp", "xcomp") and child.i not in quoted for child in cue.children)


def phrase_speakers(ctx: Context, who: Token) -> list[Resolved]:
    """The distinct actors speaking through the speaker token `who` and the tokens
    coordinated with it ("the United States and Iraq said" -> both), first `who`'s own.

    An unnamed single source in the coordination ("an Iraqi official") is no actor to
    report it; a member that is only a title of a person named in the same phrase
    (`is_title_of`: "Haifa University geostrategy expert and former security official,
    Avinoam Idan, said") is that person's description, not a second speaker.
    """
    found: list[tuple[Token, Resolved]] = []
    for token in with_conjuncts(who):
        if token is not who and is_anonymous_source(token, ctx.lexicon.indefinite_determiners):
            continue
        speaker = _title_bearer(ctx, token) or resolve_token(ctx, token, agent=True, modifiers=True)
        if speaker.actor is not None and all(s.actor is not speaker.actor for _, s in found):
            found.append((token, speaker))
    resolved = [speaker for _, speaker in found]
    if len(found) < 2:
        return resolved
    found_at = getattr(ctx.resolver, "found_at", None)
    return [
        speaker
        for token, speaker in found
        if not is_title_of(
            token, speaker, resolved, named=found_at is None or found_at(token) is not None
        )
    ]


def attribute_quotes(doc: Doc, spans: Sequence[QuoteSpan], ctx: Context) -> list[Attribution]:
    """Attribute each quotation in `doc` to a speaker.

    Args:
        doc: the parsed text the spans index.
        spans: the quotations, from `find_quote_spans(doc.text)`.
        ctx: the document context.

    Returns:
        One attribution per span (speaker `UNRESOLVED` and cue None when nothing fits).
    """
    quoted = {token.i for span in spans for token in _tokens(doc, span.open_at, span.close_at)}
    result: list[Attribution] = []
    for span in spans:
        tokens = _tokens(doc, span.start, span.end)
        if not tokens:
            result.append(Attribution(UNRESOLVED, None, "quote.unattributed"))
            continue
        first, last = sentence_of(doc, tokens[0].i), sentence_of(doc, tokens[-1].i)
        sents = _sents_between(doc, first, last)
        after = _sent_after(doc, last, span.close_at)
        found = _attribute_in(doc, span, sents, quoted, ctx, rule="quote.cue", after=after)
        if found is None and any(token.tag_ in _PREDICATE_TAGS for token in tokens):
            # no cue at all around a quoted clause or predicate ('to "proceed with their
            # investigations"'): the speaker was named just before it. A phrase in marks
            # with no cue of its own is a term ('a program called "Learning Together"'),
            # whoever spoke in the sentence before.
            before = _sent_before(doc, first)
            if before is not None:
                earlier = _attribute_in(
                    doc, span, [before], quoted, ctx, rule="quote.previous_sentence"
                )
                if earlier is not None and earlier.speaker.actor is not None:
                    found = earlier
        result.append(found or Attribution(UNRESOLVED, None, "quote.unattributed"))
    # A multi-paragraph quotation has one speaker: pass it along the chain both ways.
    for i in range(1, len(spans)):
        if (
            spans[i - 1].continues
            and result[i].speaker.actor is None
            and result[i - 1].speaker.actor
        ):
            result[i] = Attribution(result[i - 1].speaker, result[i - 1].cue, "quote.continued")
    for i in range(len(spans) - 2, -1, -1):
        if spans[i].continues and result[i].speaker.actor is None and result[i + 1].speaker.actor:
            result[i] = Attribution(result[i + 1].speaker, result[i + 1].cue, "quote.continued")
    return result


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    return [token for token in span or () if not token.is_space]


def _sent(doc: Doc, index: int) -> Span:
    start, end = sentence_spans(doc)[index]
    return doc[start:end]


def _sents_between(doc: Doc, first: int, last: int) -> list[Span]:
    return [_sent(doc, index) for index in range(first, last + 1)]


def _sent_after(doc: Doc, last: int, close_at: int) -> Span | None:
    """The sentence right after the quote, when the quote closes its own sentence."""
    if last + 1 >= len(sentence_spans(doc)):
        return None
    following = _sent(doc, last + 1)
    gap = doc_text(doc)[close_at : following.start_char]
    return following if len(gap.strip()) <= 2 and "\n" not in gap else None


def _sent_before(doc: Doc, first: int) -> Span | None:
    return _sent(doc, first - 1) if first > 0 else None


@dataclass(frozen=True)
class QuoteFindings:
    """What `find_quotes` found in one doc.

    Attributes:
        claims: one claim per quotation.
        speakers: each quoted token's index -> the quote's speaker (for the act finder:
            acts inside a quote are reported by its speaker).
        cues: token indexes of the cues the quotes were attributed through (the other
            finders do not make a second claim of them).
    """

    claims: list[Claim]
    speakers: dict[int, Actor | None]
    cues: frozenset[int]


def find_quotes(doc: Doc, ctx: Context) -> QuoteFindings:
    """Turn every direct quotation in `doc` into a claim.

    Args:
        doc: the parsed text.
        ctx: the document context.

    Returns:
        The quote claims, the speaker of each quoted token, and the cues used.
    """
    text = doc_text(doc)
    spans = [span for span in find_quote_spans(text) if not is_headline_scare_quote(text, span)]
    attributions = attribute_quotes(doc, spans, ctx)
    claims: list[Claim] = []
    speakers: dict[int, Actor | None] = {}
    for span, attribution in zip(spans, attributions, strict=True):
        tokens = _tokens(doc, span.start, span.end)
        if not tokens or is_quoted_term(tokens, attribution):
            continue
        speaker = attribution.speaker.actor
        for token in _tokens(doc, span.open_at, span.close_at):
            speakers[token.i] = speaker
        cue = attribution.cue
        relation, objects = "STATEMENT", list[Actor]()
        judged = verdict(cue, ctx.lexicon) if cue is not None else None
        if cue is not None:
            if cue.lower_ == "according":
                relation = ctx.lexicon.according_to
            elif judged is not None:
                relation, objects = judged[0], verdict_objects(ctx, judged[1])
            else:
                relation = ctx.lexicon.speech_relation(cue.lemma_.lower())
                target = _addressee(cue)
                if target is not None and (addressed := resolve_token(ctx, target).actor):
                    objects = [addressed]
        if relation == "STATEMENT" and cue is not None and (against := alleged(cue, ctx)):
            relation, objects = "ACCUSE", [against]  # 'alleged Mahan had "contributed to ..."'
        if relation == "STATEMENT":
            relation = _sharper_relation(tokens, ctx) or relation
        if relation == "STATEMENT" and speaker is not None:
            stance = quoted_stance(tokens, ctx)
            if stance is not None:
                relation = stance[0]
                objects = stance[1] or objects
            elif wronged := named_wrongs(tokens, speaker, ctx):
                relation, objects = "ACCUSE", wronged  # '"... Russia's aggression ..."'
        anchor = [tokens[0].i, tokens[-1].i] + ([cue.i] if cue is not None else [])
        bounds = evidence_bounds(doc, min(anchor), max(anchor))
        cue_text = _cue_text(cue)
        rule = attribution.rule
        if speaker is None and rule != "quote.anonymous":
            rule = "quote.unattributed"  # a cue whose speaker is no actor ("the amendment")
        elif judged is not None and judged[0] == "STATEMENT" and relation == "STATEMENT":
            rule = "quote.naming"  # "what it called "..."": a name given, little said
        confidence = RULE_CONFIDENCE[rule] * (attribution.speaker.factor if speaker else 1.0)
        # a joint statement is said by each of its speakers, the first staying the quote's
        # most confident speaker; one claim per actor it is said to or of
        for n, who in enumerate((attribution.speaker, *attribution.others)):
            claims.extend(
                make_claim(
                    ctx,
                    doc,
                    relation=relation,
                    subject=who.actor,
                    object_=obj,
                    speaker=who.actor,
                    cue=cue_text,
                    quote=span.text_in(text),
                    bounds=bounds,
                    confidence=confidence * (0.95 if n else 1.0),
                    rule=rule,
                )
                for obj in or_none(objects)
            )
    cues = frozenset(a.cue.i for a in attributions if a.cue is not None and a.cue.i not in speakers)
    return QuoteFindings(claims, speakers, cues)


def or_none(objects: list[Actor]) -> list[Actor | None]:
    """The objects of one claim each: the actors, or one claim with none."""
    return [*objects] if objects else [None]


#: A quotation of at most this many words inside a headline is a scare quote.
HEADLINE_SCARE_WORDS = 3
#: A line longer than this (in words) is no headline.
HEADLINE_WORDS = 25


def is_headline_scare_quote(text: str, span: QuoteSpan) -> bool:
    """Whether `span` is a short quotation inside a headline ("KRG 'actively seeking' US
    defense partnerships"): headlines put a few words between marks to flag them, not to
    report speech (GUIDE.md leaves them out). A headline is a line of at most
    `HEADLINE_WORDS` words that does not end a sentence with "." "!" or "?"."""
    if len(span.text_in(text).split()) > HEADLINE_SCARE_WORDS:
        return False
    line_start = text.rfind("\n", 0, span.open_at) + 1
    line_end = text.find("\n", span.close_at)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    ending = line.rstrip("\"'”’)] ")
    return len(line.split()) <= HEADLINE_WORDS and not ending.endswith((".", "!", "?"))


#: Tags of a finite verb: a quotation with one says something.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Tags of a verb that makes words in marks a predicate: finite, or a bare infinitive.
_PREDICATE_TAGS = FINITE_TAGS | {"VB"}


def is_quoted_term(tokens: Sequence[Token], attribution: Attribution) -> bool:
    """Whether a quotation is a term set off in marks rather than speech: no cue and no
    speaker around it, and no finite verb in it ('the "one country, two systems" model',
    'the pardons were "full and unconditional"', 'charged with "promoting women's
    rights"'). GUIDE.md annotates the quotes a speaker is reported to have said; with
    nobody reported saying it, a phrase in marks only names or flags words. A clause in
    marks with no speaker found ('"I was crossing the road when ..."') stays a quote."""
    return (
        attribution.cue is None
        and attribution.speaker.actor is None
        and not any(token.tag_ in FINITE_TAGS for token in tokens)
    )


def _cue_text(cue: Token | None) -> str:
    if cue is None:
        return ""
    if cue.lower_ == "according":
        return cue.doc[cue.i : cue.i + 2].text
    return cue.text


def _sharper_relation(tokens: Sequence[Token], ctx: Context) -> str | None:
    """A speech act the speaker makes in the quote ("We condemn ...", "I urge ...")
    sharpens STATEMENT; an act of someone else the quote reports does not."""
    for token in tokens:
        if not token.tag_.startswith("VB"):
            continue
        relation = ctx.lexicon.verbs.get(token.lemma_.lower())
        if relation not in SHARP_RELATIONS or is_negated(token, ctx.lexicon):
            continue
        if any(
            child.dep_ == "nsubj" and child.lower_ in ctx.lexicon.first_person
            for child in token.children
        ):
            return relation
    return None
