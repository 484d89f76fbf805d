"""Stances read from the words a speaker chose, not from a speech verb's own meaning.

- Verdicts: a verb of naming with a complement ("called the raid a crime", "described the
  vote as a breach", "branded the sanctions illegal") accuses when the name condemns and
  praises when it approves (`lexicon/cues.yaml`: verdict_verbs, condemning_words,
  approving_words); a neutral name only frames a quote ('what it called "..."').
- Quoted stances: a quote's main clause that demands ('"Moscow should respect the truce"')
  or threatens on a condition the other side fails ('"If X does not ..., we will ..."').
- Told praise: a clause that praises another actor ('"Talabani was a brilliant
  statesman"', '"Thank you to the Iraqi army"', "Kenya said Ruto was an honest man") is
  the speaker's SUPPORT of it, as a told wrong is the speaker's accusation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from extract.claims.context import Context, own_side, resolve_token
from extract.claims.nouns import load_noun_lexicon
from extract.claims.parties import makers
from extract.claims.threats import FORCE
from extract.relations import CODEBOOK
from extract.syntax.arguments import clause_verb, is_infinitive, pobjs, with_conjuncts
from extract.syntax.modality import is_negated

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extract.lexicon.cues import Lexicon
    from extract.records import Actor

#: Dependencies under which a verdict verb holds what it names its object ("called the
#: raid a crime": oprd; "branded the sanctions illegal": an adjectival ccomp).
_VERDICT_DEPS = frozenset({"oprd", "ccomp", "acomp", "attr"})
#: Relations of a coordinated verb that already take the verdict's stance ("rejected the
#: council and called it illegitimate" is one REJECT).
_STANCE_RELATIONS = CODEBOOK.having("stance")


def verdict(cue: Token, lexicon: Lexicon) -> tuple[str, Token | None] | None:
    """The verdict a verb of naming states, and the token it is passed on.

    "called the raid a cowardly crime" -> ("ACCUSE", raid); "called the accord "a historic
    step"" -> ("SUPPORT", accord); "what it called "security measures"" -> ("STATEMENT",
    what). None when `cue` is no verdict verb, has no complement naming its object (so
    "called on", "called for", "a phone call" are none), is negated, or is coordinated
    with a verb that already rejects or accuses.

    Args:
        cue: a verb token.
        lexicon: the claim lexicon (`verdict_verbs`, `condemning_words`, `approving_words`,
            `praising_words`).

    Returns:
        (relation, object token or None), or None.
    """
    if not cue.tag_.startswith("VB") or cue.lemma_.lower() not in lexicon.verdict_verbs:
        return None
    complements = [
        child
        for child in cue.children
        if child.dep_ in _VERDICT_DEPS and child.pos_ in ("NOUN", "PROPN", "ADJ")
    ]
    # "branded the vote a hoax" parsed with two direct objects: a verb of naming takes no
    # indirect object, so the second names what the first is called
    objects = [child for child in cue.children if child.dep_ == "dobj"]
    complements += [child for child in objects[1:] if child.pos_ in ("NOUN", "PROPN", "ADJ")]
    # "branded him a traitor" parsed as an indirect and a direct object: the first is
    # named, the second is the name
    datives = [child for child in cue.children if child.dep_ == "dative"]
    if datives and objects:
        complements += [child for child in objects[:1] if child.pos_ in ("NOUN", "ADJ")]
        objects = datives[:1]
    # "described the attacks as a crime": the parser hangs "as" on the verb or its object,
    # and may take an adjective after it for a modifier ('as "perfectly fine"'); a
    # participle names too ("described the vote as rigged", "as designed to intimidate")
    complements += [
        grand
        for holder in (cue, *objects[:1])
        for child in holder.children
        if child.dep_ == "prep" and child.lower_ == "as"
        for grand in child.children
        if grand.dep_ in ("pobj", "pcomp")
        or (grand.dep_ in ("amod", "acomp") and grand.pos_ == "ADJ")
    ]
    # ... or takes "as rigged" for a clause of its own, "as" its mark
    complements += [
        child
        for child in cue.children
        if child.dep_ == "advcl"
        and child.tag_ in ("VBN", "JJ")
        and any(mark.dep_ == "mark" and mark.lower_ == "as" for mark in child.children)
    ]
    if not complements or is_negated(cue, lexicon):
        return None
    linked = [cue.head] if cue.dep_ == "conj" else []
    linked += [child for child in cue.children if child.dep_ == "conj"]
    if any(lexicon.verbs.get(verb.lemma_.lower()) in _STANCE_RELATIONS for verb in linked):
        return None
    # a name is its whole phrase ("a cowardly crime"); a participle only itself and its
    # adverbs ("as rigged", "as deeply flawed"), not the clause it may govern ("as
    # ensuring ... in a period of great uncertainty")
    said = [
        token
        for c in complements
        for token in (
            c.subtree if c.pos_ != "VERB" else (c, *(a for a in c.children if a.dep_ == "advmod"))
        )
        if not _countered(token, lexicon.counter_prefixes)
    ]
    words = {token.lemma_.lower() for token in said} | {token.lower_ for token in said}
    if words & lexicon.condemning_words:
        relation = "ACCUSE"
    elif words & (lexicon.approving_words | lexicon.praising_words):
        relation = "SUPPORT"
    else:
        relation = "STATEMENT"
    named = objects[:1]
    named += [grand for c in complements for grand in c.children if grand.dep_ == "nsubj"]
    # "the troops are viewed by Iran as a threat": the passive's subject is what is named,
    # also when the passive shares it with a verb before ("have fought IS but are viewed")
    if any(child.dep_ == "auxpass" for child in cue.children):
        holders = [cue] if cue.dep_ != "conj" else [cue, cue.head]
        named += [
            child
            for holder in holders
            for child in holder.children
            if child.dep_ in ("nsubjpass", "nsubj") and child.i < cue.i
        ][:1]
    return relation, (named[0] if named else None)


def _countered(token: Token, prefixes: frozenset[str]) -> bool:
    """Whether a prefix ("anti-", "counter" "-") stands before `token`."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":
        return doc[token.i - 2].lower_ in prefixes
    if token.i < 1:
        return False
    before = doc[token.i - 1].lower_
    return before.endswith("-") and before[:-1] in prefixes


def verdict_objects(ctx: Context, thing: Token | None) -> list[Actor]:
    """The actors a verdict is passed on: a named or described actor ("called Hamas a
    terrorist group"), or the makers of a thing made or done ("called the decision of X a
    maneuver", "called the deal signed by X and Y null and void"), or the person "him" or
    "her" stands for; no other pronoun (in "called it reckless" it is mostly an event,
    unless it is the thing just commented on: `_named_before`)."""
    if thing is not None and thing.lower_ in _PERSON_OBJECTS:
        # "called him a liar": the person the pronoun stands for
        person = resolve_token(ctx, thing).actor
        return [person] if person is not None and person.type == "Person" else []
    if thing is not None and thing.pos_ == "PRON":
        thing = _named_before(thing)
    if thing is None or thing.pos_ == "PRON":
        return []
    named = [
        actor
        for tok in with_conjuncts(thing)
        if (actor := resolve_token(ctx, tok).actor) is not None
    ]
    if named:
        return list({actor.id: actor for actor in named}.values())  # "named X and Y as ..."
    return _maker_actors(thing, ctx) if _made(thing, ctx) else []


def _main_verbs(tokens: Sequence[Token], lexicon: Lexicon) -> list[Token]:
    """The verbs of a quote's main clauses: those the quote hangs on the text outside it
    (or the sentence root), the verbs coordinated with them, and the clause under a frame
    of theirs (`_framed`)."""
    inside = {token.i for token in tokens}
    roots = [
        token
        for token in tokens
        if token.pos_ in ("VERB", "AUX") and (token.dep_ == "ROOT" or token.head.i not in inside)
    ]
    roots += [child for root in roots for child in root.children if child.dep_ == "conj"]
    return roots + [clause for root in roots for clause in _framed(root, lexicon)]


def _framed(verb: Token, lexicon: Lexicon) -> list[Token]:
    """The clauses a frame asserts (`frame_verbs`): under a first-person verb of knowing or
    saying ("We know that X violated ..."), or under an impersonal "it is ..." with an
    adjective ("It is clear that X ...", "It is important to point out that X ...");
    none under a negated frame ("I do not think that ...")."""
    subject = _subject(verb)
    if subject is None or is_negated(verb, lexicon):
        return []
    if subject.lower_ in lexicon.first_person and verb.lemma_.lower() in lexicon.frame_verbs:
        holders = [verb]
    elif subject.lower_ == "it" and any(c.dep_ == "acomp" for c in verb.children):
        holders = [verb] + [
            c
            for c in verb.children
            if c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.frame_verbs
        ]
    else:
        return []
    return [c for holder in holders for c in holder.children if c.dep_ == "ccomp"]


#: Dependencies that may come before an imperative verb in its clause ("Please leave",
#: "Now go", "If you can, leave", "Do not attack").
_BEFORE_IMPERATIVE = frozenset(
    {"punct", "advmod", "intj", "cc", "advcl", "mark", "aux", "neg", "npadvmod", "discourse"}
)


def _imperative(verb: Token, lexicon: Lexicon) -> bool:
    """Whether `verb` heads an imperative ('"Leave Syria now"', '"Do not attack the
    camps"', '"If you cannot make a bomb, take a knife"'): a bare verb with no subject and
    nothing but adverbs, conjunctions or a condition before it; not a formula of speech
    ('"Let me be clear"', '"Make no mistake"', '"Thank you"': `imperative_formulas`)."""
    if verb.tag_ != "VB" or verb.lemma_.lower() in lexicon.imperative_formulas:
        return False
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "we will go and fight": a verb coordinated with another shares its subject
        return _imperative(verb.head, lexicon)
    if any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in verb.children):
        return False
    auxiliaries = [child for child in verb.children if child.dep_ == "aux"]
    if any(aux.lemma_.lower() != "do" for aux in auxiliaries):
        return False  # "to leave", "will leave": no command
    return all(
        child.dep_ in _BEFORE_IMPERATIVE for child in verb.children if child.i < verb.i
    ) and verb.head.tag_ not in ("MD", "TO")


def _opens(verb: Token, tokens: Sequence[Token]) -> bool:
    """Whether the clause of `verb` (or of the verb it is coordinated with) opens the
    quote: '"Please, stop the fighting"', not a quoted fragment of a clause outside it
    ('because Pierluisi did "not recognise the authority of the Senate"')."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    words = [token for token in tokens if not token.is_punct]
    if not words or any(
        child.dep_ in ("aux", "nsubj") and child.i < words[0].i for child in verb.children
    ):
        return False  # an auxiliary or subject before the marks: the clause began outside
    first = words[0]
    return first.i == verb.i or (first.head.i == verb.i and first.i < verb.i)


def _subject(verb: Token) -> Token | None:
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects else None


def _breaches(verb: Token) -> bool:
    """Whether `verb` breaks a norm: "violated the ceasefire", "are breaking the law" (not
    "broke the record")."""
    nouns = load_noun_lexicon()
    lemma = verb.lemma_.lower()
    if lemma not in nouns.breach_verbs or not verb.tag_.startswith("VB"):
        return False
    return lemma not in nouns.norm_breach_verbs or any(
        child.dep_ == "dobj" and child.lemma_.lower() in nouns.norms for child in verb.children
    )


def _doer(verb: Token, ctx: Context) -> tuple[Token, Actor | None] | None:
    """The active subject of `verb` and the actor it names; None when it has none or
    `verb` is negated."""
    subject = _subject(verb)
    if subject is None or subject.dep_ != "nsubj" or is_negated(verb, ctx.lexicon):
        return None
    return subject, resolve_token(ctx, subject, agent=True, modifiers=True).actor


def wrongdoers(verb: Token, ctx: Context) -> list[Actor]:
    """The actors a wrong that `verb` tells is by, named as its active subject, unless the
    verb is negated.

    - A breach of a norm: "Somalia had violated the ceasefire", "the government are
      breaking the law".
    - Another wrong (`_tells_wrong`): a verb of wrongdoing ("the government are hiding
      the figures", "Somalia was meddling in the vote"), being what a condemning word
      names ("this man is a terrorist", "the regime is corrupt") or behaving like it
      ("is behaving like a bully"); none when the subject is the speaker's "we"/"I" or
      a place.
    - A subject that is something made or done is the wrong of its makers (`makers`):
      "the deal signed by Turkey and Libya infringes upon the rights of Greece", "the
      attack by Kenya was a crime", "Kenya's decision was unlawful" ("Nabil's murder is
      unacceptable": a harm's possessor is its victim, no maker).
    - A condemning name that names its maker: "this is a ploy by Kenya".
    """
    breach = _breaches(verb)
    if (not breach and not _tells_wrong(verb, ctx)) or (found := _doer(verb, ctx)) is None:
        return []
    subject, actor = found
    made = _made(subject, ctx)
    if made and (by := _maker_actors(subject, ctx)):
        return by
    if not made and not breach and subject.lower_ in ctx.lexicon.first_person:
        return []
    if not made and actor is not None:
        return [] if not breach and actor.type == "Place" else [actor]
    if made or subject.pos_ in ("PRON", "DET"):
        # "this is a ploy by Kenya", "the plan was a ploy by Ruto": the name's own maker
        named = [child for child in verb.children if child.dep_ in ("attr", "acomp")]
        return [maker for head in named for maker in _maker_actors(head, ctx)]
    return []


#: Object pronouns that stand only for a person.
_PERSON_OBJECTS = frozenset({"him", "her"})
#: Dependencies of a participle set after the clause it comments on.
_PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj"})
#: Prepositions of a verb whose object a following "calling it ..." names ("commented on
#: the deal, calling it void").
_TOPIC_PREPS = frozenset({"on", "about", "to"})


def _named_before(pronoun: Token) -> Token | None:
    """What "it" or "them" stands for in a participle of naming set after a clause
    ("condemned the deal, calling it illegal", "commented on the deal, calling it void"):
    the clause verb's object; None for any other pronoun."""
    cue = pronoun.head
    if (
        pronoun.lower_ not in ("it", "them")
        or cue.tag_ != "VBG"
        or cue.dep_ not in _PARTICIPLE_DEPS
    ):
        return None
    host = cue.head
    found = [child for child in host.children if child.dep_ == "dobj" and child.i < cue.i]
    found += [
        obj
        for child in host.children
        if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS and child.i < cue.i
        for obj in pobjs(child)
    ]
    return found[0] if found else None


def _maker_actors(thing: Token, ctx: Context) -> list[Actor]:
    """The actors who made or did `thing`, a wrong's or a verdict's (`makers`)."""
    found = makers(thing, "ACCUSE", ctx, addressed=False, partners=False)
    return [resolved.actor for resolved in found if resolved.actor is not None]


def _made(token: Token, ctx: Context) -> bool:
    """Whether `token` names something done or made: an act ("the attack"), a harm ("the
    killing") or something said, decided or planned ("decision", "plan")."""
    lemma, authored = token.lemma_.lower(), ctx.lexicon.authored_nouns
    return (
        lemma in ctx.lexicon.nouns
        or lemma in ctx.lexicon.harms
        or token.lower_ in authored
        or lemma in authored
    )


def claimed_force(verb: Token, ctx: Context) -> list[Actor]:
    """The doer of an act of force that `verb` tells as done, with an active subject: not
    negated, not only possible or to come ("Russia shelled Kharkiv", not "could shell");
    for a speaker's claim, which alleges it (`speech._responsibility`)."""
    if ctx.lexicon.verbs.get(verb.lemma_.lower()) not in FORCE or not verb.tag_.startswith("VB"):
        return []
    modals = ctx.lexicon.hypothetical | ctx.lexicon.future_modals
    if any(child.dep_ == "aux" and child.lower_ in modals for child in verb.children):
        return []
    found = _doer(verb, ctx)
    if found is None or found[1] is None or found[1].type == "Place":
        return []
    return [found[1]]


def _tells_wrong(verb: Token, ctx: Context) -> bool:
    """Whether `verb` tells a wrong of its subject (see `wrongdoers`)."""
    nouns = load_noun_lexicon()
    lemma = verb.lemma_.lower()
    if lemma in nouns.wrongdoing_verbs and verb.tag_.startswith("VB"):
        return True
    if lemma in nouns.wrong_with_object:
        return any(child.dep_ == "dobj" for child in verb.children)
    if lemma == "be":
        named = [child for child in verb.children if child.dep_ in ("attr", "acomp")]
    elif lemma in nouns.conduct_verbs:
        named = [
            grand
            for child in verb.children
            if child.dep_ == "prep" and child.lower_ in ("like", "as")
            for grand in pobjs(child)
        ]
    else:
        return False
    # the word named and its own modifiers ("a terrorist group"), not its whole subtree: in
    # "a partner in the fight against terrorism" nothing condemns the partner
    words = [
        token
        for head in named
        for token in (head, *head.children)
        if token is head or token.dep_ in ("amod", "compound")
    ]
    return any(_condemning(token, ctx.lexicon) for token in words)


def _condemning(word: Token, lexicon: Lexicon) -> bool:
    """Whether `word` is a word of condemnation, not countered by a prefix of its own."""
    return (
        word.lemma_.lower() in lexicon.condemning_words or word.lower_ in lexicon.condemning_words
    ) and not _countered(word, lexicon.counter_prefixes)


def _praising(head: Token, lexicon: Lexicon) -> bool:
    """Whether the predicate `head` praises what it is said of.

    The word itself, its modifiers or the words coordinated with them are words of praise
    ("a brilliant and honest statesman", "a world treasure"), or a word that only
    heightens ("great", "best") names a person's worth ("the best person to lead", "a
    great American": not "the greatest challenge", "the best-armed group"); and none of
    them condemns ("a great danger"). "One of the finest statesmen" is read through "of".
    """
    if head.lower_ == "one":
        return any(
            _praising(named, lexicon)
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for named in pobjs(prep)
        )
    words = [head, *(c for c in head.children if c.dep_ in ("amod", "compound", "conj"))]
    words += [g for w in words[1:] for g in w.children if g.dep_ == "conj"]
    folded = {w.lemma_.lower() for w in words} | {w.lower_ for w in words}
    if folded & lexicon.condemning_words:
        return False
    if folded & lexicon.praising_words:
        return True
    return bool(folded & lexicon.praise_intensifiers) and (
        head.lemma_.lower() in lexicon.praise_heads or head.ent_type_ == "NORP"
    )


def _gratitude_to(verb: Token, ctx: Context) -> Token | None:
    """Whom the speaker's own thanks go to: '"Thank you to the army"', '"We are grateful to
    the KRG"' (the object of "to"); None for other clauses ("We thank X" is an act of
    thanks, found by the act finders)."""
    lexicon = ctx.lexicon
    subject = _subject(verb)
    if subject is not None and subject.lower_ not in lexicon.first_person:
        return None
    if verb.lemma_.lower() == "thank":
        if subject is not None or not any(c.lower_ == "you" for c in verb.children):
            return None
        holders = [verb]
    elif verb.lemma_.lower() == "be":
        holders = [
            c for c in verb.children if c.dep_ == "acomp" and c.lower_ in lexicon.gratitude_words
        ]
    else:
        return None
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                return next(iter(pobjs(prep)), None)
    return None


#: Determiners of a right granted ("every right", "the right"), not denied ("no right").
_GRANTING_DETERMINERS = frozenset({"every", "the", "a", "full"})


def _granted_right(noun: Token) -> bool:
    """Whether `noun` is a right to act that is granted: "every right to defend itself",
    "the right to protect its borders" (an infinitive on it), not "no right to"."""
    return (
        noun.lemma_.lower() == "right"
        and any(
            c.dep_ in ("det", "amod") and c.lower_ in _GRANTING_DETERMINERS for c in noun.children
        )
        and not any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
        and any(c.dep_ in ("acl", "relcl") and c.tag_ == "VB" for c in noun.children)
    )


def praised(verb: Token, ctx: Context) -> Actor | None:
    """The actor a clause with the main verb `verb` praises, unless it is negated.

    - Its subject, when a word of praise names it ("Talabani was a brilliant statesman",
      "Munk has been a world treasure", "Harris is the best person to lead"); not the
      speaker's "we"/"I", a thing ("the deal is good") or a place.
    - Whom the speaker's thanks go to ("Thank you to the army", "We are grateful to X").
    - Its subject, when the clause grants it a right to act ("Israel has every right to
      defend itself", "Kenya has the right to protect its borders"): the speaker backs
      what it does; not "has no right to".
    """
    if is_negated(verb, ctx.lexicon):
        return None
    thanked = _gratitude_to(verb, ctx)
    if thanked is not None:
        actor = resolve_token(ctx, thanked).actor
        return None if actor is None or actor.type == "Place" else actor
    if verb.lemma_.lower() == "have":
        if not any(_granted_right(c) for c in verb.children if c.dep_ == "dobj"):
            return None
    elif verb.lemma_.lower() != "be" or not any(
        _praising(head, ctx.lexicon) for head in verb.children if head.dep_ in ("attr", "acomp")
    ):
        return None
    subject = _subject(verb)
    if (
        subject is None
        or subject.dep_ != "nsubj"
        or subject.lower_ in ctx.lexicon.first_person
        or subject.lower_ in ctx.lexicon.thing_pronouns
    ):
        return None
    # read as written, not as an agent: "Baghdad is a great city" praises no government
    actor = resolve_token(ctx, subject, modifiers=True).actor
    return None if actor is None or actor.type == "Place" else actor


def condemns_unnamed(verb: Token, ctx: Context) -> bool:
    """Whether a clause condemns a wrong whose doer its words leave unnamed: what a
    demonstrative points at ('"These are excuses to attack Iraq"', '"This is a crime"',
    '"It is a disgrace"'), or a harm or an act of force it names ('"Nabil's murder is
    unacceptable"', "said the attack was cowardly"). Not an adjective of a demonstrative
    ("this is dangerous" may only warn), a negated clause, nor "it" judging an infinitive
    ("it would be a mistake to leave")."""
    subject = _subject(verb)
    if (
        subject is None
        or verb.lemma_.lower() != "be"
        or not _tells_wrong(verb, ctx)
        or is_negated(verb, ctx.lexicon)
    ):
        return False
    if subject.lower_ in ctx.lexicon.demonstratives:
        return any(
            child.dep_ == "attr" and child.pos_ == "NOUN" for child in verb.children
        ) and not (subject.lower_ == "it" and _judges_an_infinitive(verb))
    lemma = subject.lemma_.lower()
    return subject.pos_ == "NOUN" and (
        lemma in ctx.lexicon.harms or ctx.lexicon.nouns.get(lemma) in FORCE
    )


def _judges_an_infinitive(verb: Token) -> bool:
    """Whether "it is ..." judges an act its infinitive names ("it would be a mistake to
    leave", "it is a crime to kill civilians"): a judgement of a kind of act, advice or a
    maxim, no accusation."""
    heads = [verb, *(child for child in verb.children if child.dep_ == "attr")]
    return any(
        child.dep_ in ("xcomp", "acl", "relcl", "ccomp") and is_infinitive(child)
        for head in heads
        for child in head.children
    )


def alleged(cue: Token, ctx: Context) -> Actor | None:
    """Whom an allegation accuses: the doer of the clause an allegation verb reports
    ("Kenya alleged that Somalia was arming the rebels"; the parser may take that subject
    for the verb's object), unless the clause is negated. In a passive clause the doer is
    its agent ("alleged its soldiers were shot by Somali troops": Somalia, never the
    soldiers), and a passive with no agent accuses no one. None for other verbs."""
    if cue.lemma_.lower() not in ctx.lexicon.allegation_verbs:
        return None
    for clause in cue.children:
        if clause.dep_ != "ccomp" or is_negated(clause, ctx.lexicon):
            continue
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in clause.children):
            subjects = [g for c in clause.children if c.dep_ == "agent" for g in pobjs(c)]
        else:
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            subjects = subjects or [c for c in cue.children if c.dep_ == "dobj" and c.i < clause.i]
        if subjects:
            return resolve_token(ctx, subjects[0], agent=True, modifiers=True).actor
    return None


def quoted_stance(tokens: Sequence[Token], ctx: Context) -> tuple[str, list[Actor]] | None:
    """What a quote's main clause does besides stating, and to whom.

    - A demand by a modal of obligation on another actor ('"Moscow should respect the
      truce," X said'): REQUEST (GUIDE: ask, demand) of that actor. A thing ("stability
      must lead to prosperity") is asked nothing: no claim. (A passive with no agent,
      "must be used to build trust", is the speaker's demand of no one named, which the
      act finder makes: `extract.claims.acts`.)
    - The speaker's own step announced on a condition the other side fails ('"If Kabul
      does not hand them over, we will act"'; '"... unless Baku stops"'): THREATEN
      (GUIDE: warn with a condition) of the condition's subject.
    - A wrong told of another actor ('"Moscow is violating the truce," X said', '"They
      are hiding the figures"', '"This man is a terrorist"'): ACCUSE of the wrongdoers
      (`wrongdoers`).
    - Praise of another actor ('"Talabani was a brilliant statesman"', '"Thank you to
      the Iraqi army"'): SUPPORT of it (`praised`).
    - A wrong named of what a demonstrative points at ('"These are excuses to attack
      Iraq"'): ACCUSE of no one named.
    - A command ('"Leave Syria now," she told them'; `_imperative`): REQUEST, of whom
      the cue addresses.

    Args:
        tokens: the quote's words.
        ctx: the document context.

    Returns:
        (relation, the other parties, possibly none), or None for a plain statement.
    """
    lexicon = ctx.lexicon
    for verb in _main_verbs(tokens, lexicon):
        subject = _subject(verb)
        mine = subject is not None and subject.lower_ in lexicon.first_person
        if not mine and (broken := wrongdoers(verb, ctx)):
            return "ACCUSE", broken
        if (lauded := praised(verb, ctx)) is not None:
            return "SUPPORT", [lauded]
        if condemns_unnamed(verb, ctx):
            return "ACCUSE", []
        modals = {child.lower_ for child in verb.children if child.dep_ == "aux"}
        if (
            modals & lexicon.obligation
            and subject is not None
            and subject.dep_ == "nsubj"
            and subject.pos_ != "PRON"
            and not is_negated(verb, lexicon)
            and (asked := resolve_token(ctx, subject).actor) is not None
        ):
            return "REQUEST", [asked]
        if _imperative(verb, lexicon) and _opens(verb, tokens):
            return "REQUEST", []  # '"Leave Syria now," she told them': whom the cue names
        if not (mine and modals & lexicon.quoted_future_modals):
            continue
        for clause in verb.children:
            if clause.dep_ != "advcl":
                continue
            marks = {child.lower_ for child in clause.children if child.dep_ == "mark"}
            failing = "unless" in marks or ("if" in marks and is_negated(clause, lexicon))
            if failing:
                condition = _subject(clause)
                threatened = resolve_token(ctx, condition).actor if condition is not None else None
                return "THREATEN", [threatened] if threatened is not None else []
    return None


#: Determiners of a wrong that is only supposed or denied ("any aggression would be met",
#: "there was no interference").
_UNREAL_DETERMINERS = frozenset({"no", "any"})


def named_wrongs(tokens: Sequence[Token], speaker: Actor, ctx: Context) -> list[Actor]:
    """The actors a speaker's words accuse by naming their wrong (`wrong_doers`): '"We
    stand with Ukraine in the face of Russia's aggression"', "said the army would help stop
    the Turkish aggression".

    Args:
        tokens: the words the speaker says (a quote, or a reported clause).
        speaker: who says them.
        ctx: the document context.

    Returns:
        The accused actors, in text order, each once; empty when none is named.
    """
    found: dict[str, Actor] = {}
    for token in tokens:
        for actor in wrong_doers(token, speaker, ctx):
            found.setdefault(actor.id, actor)
    return list(found.values())


def wrong_doers(token: Token, speaker: Actor, ctx: Context) -> list[Actor]:
    """Whom `speaker` accuses by naming the wrong `token` names: a noun of `wrong_nouns`
    whose possessor, nationality word, "by" object or participle's agent is another side
    ("Russia's aggression", "the Turkish aggression", "the crackdown by Somalia", "the
    atrocities committed by al-Shabaab"), or the use of violence by one ("Iran's use of
    violence against its citizens"). Not the speaker's own side, a place, a wrong supposed
    or denied ("any aggression would be answered", "possible Turkish interference", "denied
    any interference", "there was no crackdown", "has not committed a violation"), nor a
    wrong word that only names another noun ("crime rates", "the repression law")."""
    nouns = load_noun_lexicon()
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or token.dep_ == "compound":
        return []
    if lemma in nouns.wrong_nouns or _condemned_force(token, ctx):
        wrong = token
    elif lemma in nouns.wrong_uses and token.dep_ == "pobj" and token.head.lower_ == "of":
        wrong = token.head.head  # "Iran's use of violence": the use is the act done
        if wrong.lemma_.lower() != "use":
            return []
    else:
        return []
    if any(
        (child.dep_ == "det" and child.lower_ in _UNREAL_DETERMINERS)
        or (child.dep_ == "amod" and child.lower_ in ctx.lexicon.hypothetical_adjectives)
        for child in (*wrong.children, *token.children)
    ) or _denied(wrong, ctx):
        return []
    own = own_side(speaker)
    return [
        actor
        for actor in _maker_actors(wrong, ctx)
        if actor.id not in own and actor.type != "Place"
    ]


def _condemned_force(noun: Token, ctx: Context) -> bool:
    """Whether `noun` names an act of force that a word of its own condemns ("the
    indiscriminate rocket attacks by Hamas", "Russia's unprovoked and brutal invasion"):
    such an act named is a wrong named, as "aggression" is; a bare "attack" is not."""
    if ctx.lexicon.nouns.get(noun.lemma_.lower()) not in FORCE:
        return False
    words = [c for c in noun.children if c.dep_ == "amod"]
    words += [g for w in words for g in w.children if g.dep_ == "conj"]
    return any(_condemning(w, ctx.lexicon) for w in words)


def _denied(noun: Token, ctx: Context) -> bool:
    """Whether the clause that names `noun` is negated or denies it ("has not committed a
    violation", "rejected claims of interference")."""
    verb = clause_verb(noun)
    if verb is noun:
        return False
    relation = ctx.lexicon.verbs.get(verb.lemma_.lower())
    return is_negated(verb, ctx.lexicon) or relation in ("DENY", "REJECT")
