"""Tests for speech claims: who a quote or reported statement belongs to, which claim a
statement folds into, and which speech is no claim of an actor (scare quotes in
headlines, anonymous sources, acts only supposed inside what was said).

The rule tests need no model (hand-built claims, docs and texts); the end-to-end rows
parse sentences written for these tests, about other conflicts than the seed articles.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from extract.claims.context import RULE_CONFIDENCE
from extract.claims.quotes import is_headline_scare_quote
from extract.claims.speakers import is_anonymous_source
from extract.extractor import consolidate
from extract.lexicon.cues import load_lexicon
from extract.records import Actor, ActorRef, Claim, Document, Extraction, Failure, Role
from extract.syntax.modality import is_conditional
from extract.text.quotemarks import find_quote_spans


def _build_doc(words, heads, deps, tags, pos):
    """A parsed Doc built by hand (blank English vocab: no model needed)."""
    import spacy
    from spacy.tokens import Doc

    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        tags=tags,
        pos=pos,
        lemmas=[word.lower() for word in words],
    )


# ---- scare quotes in headlines ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short quote in a headline flags words, it reports no speech
        ("Taliban 'open to talks' with Pakistan on border: Spokesman\nBody text.", [True]),
        ("Ankara 'ready to act' in Syria\n", [True]),
        # a headline that ends a sentence is a sentence
        ("The envoy said the talks were 'going well'.", [False]),
        # a long quote in a title-like line is speech
        ("'We will never leave our homes again' says mayor of Bakhmut", [False]),
        # a body paragraph (long, ends with a full stop) keeps its short quotes
        (
            "The minister told parliament in a long session on Tuesday that the deal was "
            "'almost done' and that the two sides would sign it within a month.",
            [False],
        ),
    ],
)
def test_headline_scare_quotes(text, expected):
    spans = find_quote_spans(text)
    assert [is_headline_scare_quote(text, span) for span in spans] == expected


# ---- anonymous sources and supposed events (hand-built parses) -------------------------


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "pos", "index", "expected"),
    [
        # "an Iraqi official said": a single unnamed source
        (
            ["an", "Iraqi", "official", "said"],
            [2, 2, 3, 3],
            ["det", "amod", "nsubj", "ROOT"],
            ["DT", "JJ", "NN", "VBD"],
            ["DET", "ADJ", "NOUN", "VERB"],
            2,
            True,
        ),
        # "the official said": definite, it refers back to someone named
        (
            ["the", "official", "said"],
            [1, 2, 2],
            ["det", "nsubj", "ROOT"],
            ["DT", "NN", "VBD"],
            ["DET", "NOUN", "VERB"],
            1,
            False,
        ),
        # "some officials said": a group, not a single source
        (
            ["some", "officials", "said"],
            [1, 2, 2],
            ["det", "nsubj", "ROOT"],
            ["DT", "NNS", "VBD"],
            ["DET", "NOUN", "VERB"],
            1,
            False,
        ),
        # "a spokesman, Omar Ali, said": the source is named in apposition
        (
            ["a", "spokesman", ",", "Ali", ",", "said"],
            [1, 5, 1, 1, 1, 5],
            ["det", "nsubj", "punct", "appos", "punct", "ROOT"],
            ["DT", "NN", ",", "NNP", ",", "VBD"],
            ["DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "VERB"],
            1,
            False,
        ),
    ],
)
def test_anonymous_source(words, heads, deps, tags, pos, index, expected):
    doc = _build_doc(words, heads, deps, tags, pos)
    determiners = load_lexicon().indefinite_determiners
    assert is_anonymous_source(doc[index], determiners) is expected


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "pos", "index", "expected"),
    [
        # "Kyiv will not tolerate strikes": a refusal of what may come
        (
            ["Kyiv", "will", "not", "tolerate", "strikes"],
            [3, 3, 3, 3, 3],
            ["nsubj", "aux", "neg", "ROOT", "dobj"],
            ["NNP", "MD", "RB", "VB", "NNS"],
            ["PROPN", "AUX", "PART", "VERB", "NOUN"],
            4,
            True,
        ),
        # "Kyiv did not condemn the strikes": a past negation, the strikes happened
        (
            ["Kyiv", "did", "not", "condemn", "the", "strikes"],
            [3, 3, 3, 3, 5, 3],
            ["nsubj", "aux", "neg", "ROOT", "det", "dobj"],
            ["NNP", "VBD", "RB", "VB", "DT", "NNS"],
            ["PROPN", "AUX", "PART", "VERB", "DET", "NOUN"],
            5,
            False,
        ),
        # "concern about a possible withdrawal"
        (
            ["concern", "about", "a", "possible", "withdrawal"],
            [0, 0, 4, 4, 1],
            ["ROOT", "prep", "det", "amod", "pobj"],
            ["NN", "IN", "DT", "JJ", "NN"],
            ["NOUN", "ADP", "DET", "ADJ", "NOUN"],
            4,
            True,
        ),
        # "it could lead to pullouts": the object of a verb under a modal of possibility
        (
            ["it", "could", "lead", "to", "pullouts"],
            [2, 2, 2, 2, 3],
            ["nsubj", "aux", "ROOT", "prep", "pobj"],
            ["PRP", "MD", "VB", "IN", "NNS"],
            ["PRON", "AUX", "VERB", "ADP", "NOUN"],
            4,
            True,
        ),
        # "the army began a withdrawal": it happened
        (
            ["the", "army", "began", "a", "withdrawal"],
            [1, 2, 2, 4, 2],
            ["det", "nsubj", "ROOT", "det", "dobj"],
            ["DT", "NN", "VBD", "DT", "NN"],
            ["DET", "NOUN", "VERB", "DET", "NOUN"],
            4,
            False,
        ),
    ],
)
def test_supposed_event_nouns(words, heads, deps, tags, pos, index, expected):
    doc = _build_doc(words, heads, deps, tags, pos)
    assert is_conditional(doc[index], load_lexicon()) is expected


# ---- who speaks through a cue (hand-built parses) -----------------------------------------


def _speaker_text(words, heads, deps, tags, pos, cue, quoted=(), ents=None):
    from extract.claims.quotes import speaker_token

    doc = _build_doc(words, heads, deps, tags, pos)
    if ents:
        from spacy.tokens import Span

        doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    who = speaker_token(doc[cue], (), quoted)
    return who.text if who is not None else None


def test_a_quoted_word_is_never_the_speaker():
    # '"... Modi's visit" in June, Ruto added, highlighting that ...' parsed with the quoted
    # noun as the subject of "added": "highlighting" inherits no speaker from it
    words = ['"', "Modi", "'s", "visit", '"', ",", "Ruto", "added", ",", "highlighting"]
    heads = [3, 3, 1, 7, 3, 7, 3, 7, 7, 7]
    deps = ["punct", "poss", "case", "nsubj", "punct", "punct", "appos", "ROOT", "punct", "advcl"]
    tags = ["``", "NNP", "POS", "NN", "''", ",", "NNP", "VBD", ",", "VBG"]
    pos = ["PUNCT", "PROPN", "PART", "NOUN", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT", "VERB"]
    quoted = range(0, 5)
    # the name after the quote, hung on the quoted noun as an apposition, speaks
    assert _speaker_text(words, heads, deps, tags, pos, 9, quoted) == "Ruto"
    assert _speaker_text(words, heads, deps, tags, pos, 7, quoted) == "Ruto"
    # outside a quote, the subject is the subject
    assert _speaker_text(words, heads, deps, tags, pos, 7) == "visit"


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "pos", "ents", "expected"),
    [
        # (the cue is the last word of each row)
        # "NAIROBI, Minister Kindiki said": the dateline is no speaker
        (
            ["NAIROBI", ",", "Minister", "Kindiki", "said"],
            [4, 0, 3, 0, 4],
            ["nsubj", "punct", "compound", "appos", "ROOT"],
            ["NNP", ",", "NNP", "NNP", "VBD"],
            ["PROPN", "PUNCT", "PROPN", "PROPN", "VERB"],
            [(3, 4, "PERSON")],
            "Kindiki",
        ),
        # "the African Union Commission Chair Faki said" parsed with the organisation as
        # subject and the person in apposition
        (
            ["Union", "Chair", "Faki", "said"],
            [3, 2, 0, 3],
            ["nsubj", "compound", "appos", "ROOT"],
            ["NNP", "NNP", "NNP", "VBD"],
            ["PROPN", "PROPN", "PROPN", "VERB"],
            [(0, 1, "ORG"), (2, 3, "PERSON")],
            "Faki",
        ),
        # "Nigeria, Africa's largest producer, said": an apposition that names no person
        (
            ["Nigeria", ",", "producer", ",", "said"],
            [4, 0, 0, 0, 4],
            ["nsubj", "punct", "appos", "punct", "ROOT"],
            ["NNP", ",", "NN", ",", "VBD"],
            ["PROPN", "PUNCT", "NOUN", "PUNCT", "VERB"],
            [(0, 1, "GPE")],
            "Nigeria",
        ),
    ],
)
def test_person_in_apposition_speaks(words, heads, deps, tags, pos, ents, expected):
    cue = len(words) - 1
    assert _speaker_text(words, heads, deps, tags, pos, cue, ents=ents) == expected


# ---- which claim a statement folds into --------------------------------------------------

PANDOR = ActorRef(id="naledi-pandor", label="Naledi Pandor", type="Person")
RSF = ActorRef(id="rsf", label="Rapid Support Forces", type="ArmedGroup")
SAF = ActorRef(id="saf", label="Sudanese Armed Forces", type="ArmedGroup")


def _claim(relation, subject, object_, speaker, *, rule, modality="asserted", quote=None):
    return Claim(
        id=f"{relation}-{rule}",
        doc_id="d",
        relation=relation,
        subject=subject,
        object=object_,
        speaker=speaker,
        cue="said",
        quote=quote,
        text="x" * 40,
        start=0,
        end=40,
        modality=modality,
        confidence=0.7,
        rule=rule,
    )


STATEMENT = _claim("STATEMENT", PANDOR, None, PANDOR, rule="quote.cue", quote="Peace first")


@pytest.mark.parametrize(
    ("host", "folded"),
    [
        # an act the speaker reports with its agent named: the statement's sharper type
        (_claim("ASSAULT", RSF, SAF, PANDOR, rule="act.verb", modality="reported"), True),
        # the speaker's own speech act
        (_claim("ACCUSE", PANDOR, RSF, PANDOR, rule="act.verb"), True),
        # an act with no agent ("attacks blamed on the RSF") is background
        (_claim("ACCUSE", None, RSF, PANDOR, rule="act.agentless", modality="reported"), False),
        # an event only named by a noun ("the RSF's visit to Juba") is not asserted
        (_claim("CONSULT", RSF, SAF, PANDOR, rule="act.noun", modality="reported"), False),
        # an act only supposed ("would be dangerous, because the RSF attacks ...")
        (_claim("ASSAULT", RSF, SAF, PANDOR, rule="act.verb", modality="hypothetical"), False),
    ],
)
def test_statement_folds_only_into_what_was_said(host, folded):
    result = consolidate([STATEMENT, host])
    statements = [c for c in result if c.relation == "STATEMENT"]
    assert (not statements) is folded
    kept_host = next(c for c in result if c.relation == host.relation)
    assert (kept_host.quote == "Peace first") is folded


def test_speakerless_quotes_rank_below_attributed_ones():
    assert RULE_CONFIDENCE["quote.unattributed"] < 0.3
    assert RULE_CONFIDENCE["quote.anonymous"] < 0.5
    attributed = min(
        RULE_CONFIDENCE[rule]
        for rule in ("quote.cue", "quote.according_to", "quote.continued", "speech.reported")
    )
    assert attributed * 0.6 > RULE_CONFIDENCE["quote.anonymous"]


# ---- end to end, on sentences written for these tests ------------------------------------


@pytest.fixture(scope="module")
def claims_of(nlp, registry):
    from extract.nlp.pipeline import extract_documents

    def extract(text: str) -> list[Claim]:
        document = Document(id="speech-test", text=text, source="test")
        results = list(extract_documents([document], nlp=nlp, registry=registry))
        assert not [r for r in results if isinstance(r, Failure)], results
        extraction = results[0]
        assert isinstance(extraction, Extraction)
        return list(extraction.claims)

    return extract


def _label(ref):
    return ref.label if ref is not None else None


def _rows(claims, relation=None):
    return {
        (c.relation, _label(c.subject), _label(c.object), _label(c.speaker))
        for c in claims
        if relation is None or c.relation == relation
    }


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted name is never the speaker of the cue after the quote
        (
            "\"Peace must come first. That was the core message of President Ramaphosa's "
            'trip to Kinshasa" last year, Naledi Pandor added, highlighting that South '
            "Africa is committed to mediation.",
            ("STATEMENT", "Naledi Pandor", None, "Naledi Pandor"),
        ),
        # an agentless passive inside the reported clause does not swallow the statement
        (
            "Ukrainian Foreign Minister Dmytro Kuleba met European diplomats in Brussels. "
            "He said his talks covered air defence for Kyiv against drone attacks blamed on "
            "Russian forces.",
            ("STATEMENT", "Dmytro Kuleba", None, "Dmytro Kuleba"),
        ),
        # an event noun in a quote ("the threat from X") is what was talked about
        (
            '"The threat from al-Shabaab has not gone away," Somali President Hassan '
            "Sheikh Mohamud said on Tuesday.",
            ("STATEMENT", "Hassan Sheikh Mohamud", None, "Hassan Sheikh Mohamud"),
        ),
        # a supposed act inside a quote leaves the statement its own claim
        (
            '"A pullout would be dangerous, because Hamas threatens not only Israel but the '
            'whole region," Egyptian Foreign Minister Sameh Shoukry said.',
            ("STATEMENT", "Sameh Shoukry", None, "Sameh Shoukry"),
        ),
        # "expressed concern": a stance stated; the name behind a dateline speaks
        (
            "NAIROBI, Kenya - Kenyan Interior Minister Kithure Kindiki on Monday expressed "
            "concern about attacks by al-Shabaab in Lamu county.",
            ("STATEMENT", "Kithure Kindiki", None, "Kithure Kindiki"),
        ),
        # the parser hangs the name after a quote on the quote's last noun
        (
            '"We cannot accept the shelling of our villages, our farms and our schools," '
            "Maria Zakharova, spokeswoman of the Russian foreign ministry, told reporters.",
            ("STATEMENT", "Maria Zakharova", None, "Maria Zakharova"),
        ),
    ],
)
def test_speech_claims(claims_of, text, expected):
    assert expected in _rows(claims_of(text))


@pytest.mark.model
def test_titles_in_a_coordinated_speaker_are_one_speaker(claims_of):
    claims = claims_of(
        "Reforms are under way, said MP, Likud spokesperson and senior Knesset member Danny "
        "Danon in an interview on Sunday."
    )
    assert _rows(claims, "STATEMENT") == {("STATEMENT", "Danny Danon", None, "Danny Danon")}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a scare quote in a headline is not a quote of anyone
        "Taliban 'open to talks' with Pakistan on border security: Spokesman\n\nBody.",
        # an anonymous single source is no actor
        "A senior commander of the Rapid Support Forces said the group had taken the airport.",
        "The rebels said little. An official in Juba said the talks had stalled.",
    ],
)
def test_no_statement_without_an_actor_speaker(claims_of, text):
    assert not [c for c in claims_of(text) if c.relation == "STATEMENT"]


@pytest.mark.model
def test_anonymous_quote_keeps_its_words_but_no_speaker(claims_of):
    claims = claims_of(
        '"We will keep the crossings closed until the talks resume," a Pakistani official '
        "said on Monday."
    )
    quoted = [c for c in claims if c.quote]
    assert [(c.speaker, c.rule) for c in quoted] == [(None, "quote.anonymous")]
    assert quoted[0].confidence < 0.5


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # what one will not tolerate has not happened
        (
            "Moscow has warned that it will not tolerate strikes on Russian bases by "
            "Ukrainian forces, as Minsk voiced concern about a possible Russian withdrawal.",
            {"ASSAULT", "RETREAT"},
        ),
        (
            "A Chinese withdrawal could lead to further pullouts by Pakistani troops.",
            {"RETREAT"},
        ),
    ],
)
def test_supposed_acts_in_speech_are_no_events(claims_of, text, absent):
    assert not {c.relation for c in claims_of(text)} & absent


# ---- "we" in a quote ------------------------------------------------------------------


class _Actors:
    """Stand-in resolver: no mentions, only the document's actors by id."""

    def __init__(self, actors):
        self.actors = {actor.id: actor for actor in actors}

    def actor_at(self, token, *, agent=False):
        return None

    def resolve_reference(self, token):
        return None, "unresolved"

    def state_named(self, token):
        return None


SDC = Actor(id="sdc", label="Syrian Democratic Council", type="Organization")
AHMED = Actor(
    id="ilham-ahmed",
    label="Ilham Ahmed",
    type="Person",
    roles=(Role(title="head", organisation="sdc"),),
)
LONE = Actor(id="jane-roe", label="Jane Roe", type="Person")


@pytest.mark.parametrize(
    ("pronoun", "speaker", "expected"),
    [
        # "We have discussed this with the Turks," said the council's head: the council
        ("We", AHMED, "sdc"),
        ("our", AHMED, "sdc"),
        # "I" is the person herself
        ("I", AHMED, "ilham-ahmed"),
        # a person with no known organisation stays the speaker
        ("We", LONE, "jane-roe"),
        # an organisation's "we" is itself
        ("We", SDC, "sdc"),
    ],
)
def test_we_in_a_quote_is_the_speakers_organisation(pronoun, speaker, expected):
    from extract.claims.context import Context, resolve_token

    doc = _build_doc(
        [pronoun, "met", "them"],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
        ["PRP", "VBD", "PRP"],
        ["PRON", "VERB", "PRON"],
    )
    ctx = Context(
        doc_id="d",
        resolver=_Actors([SDC, AHMED, LONE]),
        lexicon=load_lexicon(),
        quoted={0: speaker, 1: speaker, 2: speaker},
    )
    resolved = resolve_token(ctx, doc[0])
    assert resolved.actor is not None and resolved.actor.id == expected


def test_act_inside_a_long_quote_keeps_the_quotes_evidence():
    # "'... We met the Sudanese army in Jeddah. ...,' Pandor told reporters": the act's
    # sentence lies inside the quote's evidence, which also names who said it
    text = "'Talks went well. We met the army in Jeddah. More soon,' Pandor told reporters."
    act_start = text.index("We met")
    act_end = text.index("Jeddah.") + len("Jeddah.")
    quote = replace(STATEMENT, text=text, start=0, end=len(text))
    act = replace(
        _claim("CONSULT", PANDOR, SAF, PANDOR, rule="act.verb"),
        text=text[act_start:act_end],
        start=act_start,
        end=act_end,
    )
    [claim] = consolidate([quote, act])
    assert (claim.relation, claim.start, claim.end, claim.text) == ("CONSULT", 0, len(text), text)
    assert claim.quote == "Peace first"


# ---- verdicts: "called X a crime", "described X as a breach" ----------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a condemning word in the name given is an accusation; an event named: no object
        (
            'Hamas called it "a dangerous escalation" on Sunday.',
            {("ACCUSE", "Hamas", None, "Hamas")},
        ),
        (
            "The European Union described the vote as a breach of the constitution.",
            {("ACCUSE", "European Union", None, "European Union")},
        ),
        # an adjectival verdict ("branded ... illegal")
        (
            "Russia branded the sanctions illegal on Monday.",
            {("ACCUSE", "Russia", None, "Russia")},
        ),
        # a verdict on an actor accuses that actor
        (
            "Israel called Hamas a terrorist organisation.",
            {("ACCUSE", "Israel", "Hamas", "Israel")},
        ),
        # an approving word is praise (SUPPORT); the quote is the speaker's
        (
            'Turkish President Recep Tayyip Erdogan called the ceasefire "an important first '
            'step" toward peace.',
            {("SUPPORT", "Recep Tayyip Erdogan", None, "Recep Tayyip Erdogan")},
        ),
        # a fight against something names no crime of anyone
        (
            'Russia launched what it described as "a counter-terrorism operation" in Chechnya.',
            {("STATEMENT", "Russia", None, "Russia")},
        ),
    ],
)
def test_verdicts(claims_of, text, expected):
    rows = _rows(claims_of(text))
    assert expected <= rows
    assert not {row for row in rows if row[0] in ("ACCUSE", "SUPPORT")} - expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # "call on", "call for": requests, no verdict
        "The Houthis called on the United Nations to act.",
        "Iran called for calm after the clashes.",
        # a negated verdict (a neutral name is a STATEMENT: tests/claims/test_plain_verdicts.py)
        "Germany did not describe the strike as a war crime.",
        # the verdict elaborates a rejection already coded
        "Hamas rejected the plan and called it a sham.",
    ],
)
def test_no_verdict(claims_of, text):
    assert not [c for c in claims_of(text) if c.rule == "speech.verdict"]
    assert not _rows(claims_of(text), "ACCUSE") | _rows(claims_of(text), "SUPPORT")


@pytest.mark.model
def test_free_relative_name_is_said_by_the_clause_subject(claims_of):
    claims = claims_of('Russia launched what it called "a special military operation" in 2022.')
    quoted = [c for c in claims if c.quote]
    assert [(_label(c.speaker), c.rule) for c in quoted] == [("Russia", "quote.naming")]
    assert quoted[0].confidence < RULE_CONFIDENCE["quote.previous_sentence"]


# ---- what a quote does besides stating ----------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker's own step on a condition the other side fails: a threat to it
        (
            '"If Hamas does not release the hostages, we will continue the operation," '
            "Israeli Prime Minister Benjamin Netanyahu said.",
            ("THREATEN", "Benjamin Netanyahu", "Hamas", "Benjamin Netanyahu"),
        ),
        (
            '"We will respond unless Azerbaijan stops the shelling," Armenian Prime Minister '
            "Nikol Pashinyan told reporters.",
            ("THREATEN", "Nikol Pashinyan", "Azerbaijan", "Nikol Pashinyan"),
        ),
        # an obligation put on another actor is a demand of it
        (
            '"Russia should respect the truce," Ukrainian President Volodymyr Zelensky said.',
            ("REQUEST", "Volodymyr Zelensky", "Russia", "Volodymyr Zelensky"),
        ),
        # a promise on a condition met, a thing that "must": stated only
        (
            '"If the talks succeed, we will reopen the border," Armenian Prime Minister Nikol '
            "Pashinyan said.",
            ("STATEMENT", "Nikol Pashinyan", None, "Nikol Pashinyan"),
        ),
        (
            '"Stability must bring jobs to the valley," Afghan official Zabihullah Mujahid said.',
            ("STATEMENT", "Zabihullah Mujahid", None, "Zabihullah Mujahid"),
        ),
        # a passive that must be done, with no doer named: a demand of no one in particular
        (
            '"This pause must be used to build trust," Swedish diplomat Hans Blix said.',
            ("REQUEST", "Hans Blix", None, "Hans Blix"),
        ),
    ],
)
def test_quoted_stance(claims_of, text, expected):
    rows = _rows(claims_of(text))
    assert expected in rows
    sharp = {row for row in rows if row[0] != "STATEMENT"}
    assert sharp <= {expected}


# ---- praise of something no actor: "welcomed the deal" ----------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # praise of a deal is the speaker's SUPPORT with no object
        (
            "Egyptian President Abdel Fattah el-Sisi welcomed the truce on Monday.",
            {("SUPPORT", "Abdel Fattah el-Sisi", None, "Abdel Fattah el-Sisi")},
        ),
        (
            "Turkish President Recep Tayyip Erdogan hailed the grain agreement in Istanbul.",
            {("SUPPORT", "Recep Tayyip Erdogan", None, "Recep Tayyip Erdogan")},
        ),
        # a second verb of praise with an actor object is a second act
        (
            "Egyptian President Abdel Fattah el-Sisi welcomed the truce and thanked Qatar for "
            "its mediation.",
            {
                ("SUPPORT", "Abdel Fattah el-Sisi", None, "Abdel Fattah el-Sisi"),
                ("SUPPORT", "Abdel Fattah el-Sisi", "Qatar", "Abdel Fattah el-Sisi"),
            },
        ),
        # praise of an actor, or of an actor's deed, names that actor: no objectless twin
        (
            "Egyptian President Abdel Fattah el-Sisi praised Qatar on Monday.",
            {("SUPPORT", "Abdel Fattah el-Sisi", "Qatar", "Abdel Fattah el-Sisi")},
        ),
        (
            "Egyptian President Abdel Fattah el-Sisi praised Qatar's mediation on Monday.",
            {("SUPPORT", "Abdel Fattah el-Sisi", "Qatar", "Abdel Fattah el-Sisi")},
        ),
        # a passive names no one who praised
        ("The truce was welcomed across the region.", set()),
    ],
)
def test_praise_of_a_thing(claims_of, text, expected):
    assert _rows(claims_of(text), "SUPPORT") == expected


# ---- a speech act voiced for the speaker's own side is the speaker's -----------------------

SOUTH_AFRICA = ActorRef(id="south-africa", label="South Africa", type="Country")
DIRCO = ActorRef(id="dirco", label="DIRCO", type="GovernmentBody")
PANDOR_ACTOR = Actor(
    id=PANDOR.id, label=PANDOR.label, type="Person", country="south-africa", parent="dirco"
)


@pytest.mark.parametrize(
    ("claim", "subject"),
    [
        # "Pandor said South Africa would not allow ...": the minister threatens
        (_claim("THREATEN", SOUTH_AFRICA, None, PANDOR, rule="act.verb"), PANDOR),
        # "Pandor reiterated her ministry's demand that the RSF ...": her demand
        (_claim("REQUEST", DIRCO, RSF, PANDOR, rule="act.verb"), PANDOR),
        # another party's act she reports keeps its agent
        (_claim("ACCUSE", SAF, RSF, PANDOR, rule="act.verb", modality="reported"), SAF),
        # an act that is no speech act keeps its agent ("said South Africa would mediate")
        (_claim("CONSULT", SOUTH_AFRICA, RSF, PANDOR, rule="act.verb"), SOUTH_AFRICA),
        # no speaker: nothing to re-assign
        (_claim("THREATEN", SOUTH_AFRICA, None, None, rule="act.verb"), SOUTH_AFRICA),
    ],
)
def test_speech_act_voiced_for_own_side(claim, subject):
    from extract.extractor import voiced_by_speaker

    (result,) = voiced_by_speaker([claim], [PANDOR_ACTOR])
    assert result.subject == subject
    assert (result.relation, result.object, result.speaker) == (
        claim.relation,
        claim.object,
        claim.speaker,
    )


# ---- acts voiced for one's side when the text gives only a role --------------------------

IRAN = ActorRef(id="iran", label="Iran", type="Country")
HAMAS = ActorRef(id="hamas", label="Hamas", type="ArmedGroup")
BAGHERI = ActorRef(id="ali-bagheri", label="Ali Bagheri", type="Person")
HAYYA = ActorRef(id="khalil-al-hayya", label="Khalil al-Hayya", type="Person")
SIDE_ACTORS = (
    # "Foreign Minister Ali Bagheri": a state office, no country named
    Actor(id=BAGHERI.id, label=BAGHERI.label, type="Person", roles=(Role("Foreign Minister"),)),
    # "Hamas negotiator Khalil al-Hayya": the role names his organisation
    Actor(id=HAYYA.id, label=HAYYA.label, type="Person", roles=(Role("negotiator", "hamas"),)),
    Actor(id="iran", label="Iran", type="Country"),
    Actor(id="hamas", label="Hamas", type="ArmedGroup"),
    Actor(id="rsf", label="Rapid Support Forces", type="ArmedGroup"),
)


@pytest.mark.parametrize(
    ("claim", "subject"),
    [
        # "Foreign Minister X said Iran would not allow ...": the state the office serves
        (
            _claim("THREATEN", IRAN, None, BAGHERI, rule="act.verb", modality="hypothetical"),
            BAGHERI,
        ),
        # "... said Iran had threatened Israel": a past act reported, not a commitment
        (_claim("THREATEN", IRAN, None, BAGHERI, rule="act.verb", modality="reported"), IRAN),
        # an armed group is no state an office speaks for
        (_claim("THREATEN", RSF, None, BAGHERI, rule="act.verb", modality="hypothetical"), RSF),
        # a threat of the organisation the speaker's role names
        (_claim("THREATEN", HAMAS, None, HAYYA, rule="act.verb", modality="hypothetical"), HAYYA),
        # a speaker whose country is known speaks for it only
        (_claim("THREATEN", IRAN, None, PANDOR, rule="act.verb", modality="hypothetical"), IRAN),
    ],
)
def test_speech_act_voiced_for_the_side_a_role_gives(claim, subject):
    from extract.extractor import voiced_by_speaker

    (result,) = voiced_by_speaker([claim], [*SIDE_ACTORS, PANDOR_ACTOR])
    assert result.subject == subject


@pytest.mark.parametrize(
    ("host", "folded"),
    [
        # "Hamas negotiator X said the movement would abide by the truce": the pledge
        # is what he said
        (_claim("AGREE", HAMAS, None, HAYYA, rule="act.phrase", modality="hypothetical"), True),
        # a pledge he ascribes to another party stays beside his statement
        (_claim("AGREE", RSF, None, HAYYA, rule="act.phrase", modality="hypothetical"), False),
        # a side's act that is no commitment ("said Hamas could attack") is no pledge
        (_claim("ASSAULT", HAMAS, RSF, HAYYA, rule="act.verb", modality="hypothetical"), False),
    ],
)
def test_statement_folds_into_a_commitment_of_ones_side(host, folded):
    from extract.extractor import voiced_by_speaker

    said = _claim("STATEMENT", HAYYA, None, HAYYA, rule="speech.reported", quote="we keep it")
    result = voiced_by_speaker([said, host], SIDE_ACTORS)
    assert any(c.relation == "STATEMENT" for c in result) is not folded
    kept = next(c for c in result if c.relation == host.relation)
    assert (kept.subject, kept.speaker) == (host.subject, host.speaker)
    assert (kept.quote == "we keep it") is folded


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "Foreign Minister Ali Bagheri said Iran would not allow its borders to be threatened.",
            ("THREATEN", "Ali Bagheri", None, "Ali Bagheri"),
            ("STATEMENT", "Ali Bagheri", None, "Ali Bagheri"),
        ),
        (
            "US Secretary of State Antony Blinken said Iran would not allow inspectors to enter.",
            ("THREATEN", "Iran", None, "Antony Blinken"),
            ("THREATEN", "Antony Blinken", None, "Antony Blinken"),
        ),
        (
            "Hamas negotiator Khalil al-Hayya said the movement would abide by the ceasefire.",
            ("AGREE", "Hamas", None, "Khalil al-Hayya"),
            ("STATEMENT", "Khalil al-Hayya", None, "Khalil al-Hayya"),
        ),
        (
            "UN envoy Hans Grundberg said the Houthis would abide by the truce.",
            ("STATEMENT", "Hans Grundberg", None, "Hans Grundberg"),
            ("AGREE", "Hans Grundberg", None, "Hans Grundberg"),
        ),
    ],
)
def test_commitments_voiced_for_ones_side(claims_of, text, present, absent):
    rows = _rows(claims_of(text))
    assert present in rows
    assert absent not in rows


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A NATO spokeswoman declined to say whether Turkish troops had crossed the border.",
        "Kremlin spokesman Dmitry Peskov refused to say whether Russian troops were in Mali.",
        "The Saudi foreign ministry declined to tell reporters when the talks would resume.",
    ],
)
def test_withheld_speech_is_no_reported_statement(claims_of, text):
    assert not [c for c in claims_of(text) if c.rule.startswith("speech.")]


# ---- "..., according to X": the source speaks the act it reports --------------------------

SOURCE = _claim("STATEMENT", SAF, None, SAF, rule="speech.according_to", modality="reported")


@pytest.mark.parametrize(
    ("act", "sourced"),
    [
        # "The RSF shelled the market, according to the army": the army reports it
        (_claim("ASSAULT", RSF, None, None, rule="act.verb"), True),
        # an act only supposed ("could sign a deal, according to X") is not what X said
        (_claim("AGREE", RSF, SAF, None, rule="act.verb", modality="hypothetical"), False),
        # an act with no agent, or one only named by a noun, is background
        (_claim("ASSAULT", None, RSF, None, rule="act.agentless"), False),
        (_claim("ASSAULT", RSF, None, None, rule="act.noun"), False),
    ],
)
def test_according_to_gives_its_source_to_the_act(act, sourced):
    result = consolidate([act, SOURCE])
    kept = next(c for c in result if c.relation == act.relation)
    assert (kept.speaker == SAF) is sourced
    assert any(c.relation == "STATEMENT" for c in result) is not sourced
    if sourced:
        assert kept.modality == "reported"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Sudanese army did not shell the market, according to a statement from Khartoum.",
            {("ASSAULT", "Sudan")},
        ),
        # nothing sharper reported: the source's STATEMENT stays
        (
            "About 900 U.S. troops remain in Syria, according to the Pentagon.",
            {("STATEMENT", "US Department of Defense")},
        ),
    ],
)
def test_according_to(claims_of, text, expected):
    assert {(c.relation, _label(c.speaker)) for c in claims_of(text)} == expected


# ---- two acts in the quotes of one sentence stay two claims -------------------------------


@pytest.mark.model
def test_quotes_of_two_acts_keep_their_own_objects(claims_of):
    text = (
        'William Ruto described the raids as a "cowardly act" and urged Kenyan police to '
        '"bring the attackers to justice".'
    )
    rows = _rows(claims_of(text))
    accusations = {row for row in rows if row[0] == "ACCUSE"}
    assert accusations and all(row[2] != "Kenyan police" for row in accusations)
