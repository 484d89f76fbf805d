"""Actor resolution: names, short forms, titles, groups, metonymy, references, claims.

Rule tests build `Doc`s by hand (blank English vocab, no model); tests marked `model`
run the real pipeline on sentences written for these tests and on the seed articles.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from extract.actors.names import actor_lexicon, is_junk, name_key, short_form_of
from extract.actors.registry import Registry, load_registry
from extract.actors.resolve import ActorIndex, resolve_actors

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


@functools.lru_cache(maxsize=1)
def _vocab():
    import spacy

    return spacy.blank("en").vocab


@functools.lru_cache(maxsize=1)
def _registry() -> Registry:
    return load_registry()


def make_doc(
    text: str,
    ents: tuple[tuple[str, str], ...] = (),
    *,
    heads: list[int] | None = None,
    deps: list[str] | None = None,
    pos: list[str] | None = None,
    tags: list[str] | None = None,
    lemmas: list[str] | None = None,
    glue: tuple[int, ...] = (),
):
    """A Doc from whitespace-split `text`; `ents` are (phrase, label) in text order.

    Without `heads`, each "." ends a sentence. Tokens listed in `glue` have no space
    after them ("Iran" "-" "backed" -> "Iran-backed").
    """
    from spacy.tokens import Doc

    words = text.split()
    iob = ["O"] * len(words)
    cursor = 0
    for phrase, label in ents:
        parts = phrase.split()
        for start in range(cursor, len(words)):
            if words[start : start + len(parts)] == parts:
                iob[start : start + len(parts)] = [f"B-{label}"] + [f"I-{label}"] * (len(parts) - 1)
                cursor = start + len(parts)
                break
        else:
            raise AssertionError(f"{phrase!r} not in {text!r}")
    if tags is None:
        tags = [_tag(word) for word in words]
    if pos is None:
        pos = [
            {"NNP": "PROPN", "NNS": "NOUN", ".": "PUNCT", "HYPH": "PUNCT"}.get(t, "NOUN")
            for t in tags
        ]
    spaces = [i not in glue for i in range(len(words))]
    options = {}
    if heads is None:
        options["sent_starts"] = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    else:
        options["heads"] = heads
        options["deps"] = deps
    return Doc(
        _vocab(),
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        lemmas=lemmas or [word.lower() for word in words],
        ents=iob,
        **options,
    )


def _tag(word: str) -> str:
    if word in {".", ","}:
        return "."
    if word == "-":
        return "HYPH"
    return "NNP" if word[:1].isupper() else "NN"


def _resolve(doc, *, offset: int = 0) -> ActorIndex:
    return resolve_actors(doc, _registry(), offset=offset)


def _mention_ids(resolution: ActorIndex) -> list[tuple[str, str]]:
    return [(mention.text, mention.actor_id) for mention in resolution.mentions]


# ---- names


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("logo", True),
        ("A+ A-", True),
        ("Administrator", True),
        ("He", True),  # pronouns are never actors
        ("they", True),
        ("Rudaw Net25-07-2025", True),  # a by-line run into a date
        ("@rudaw_english", True),
        ("photo_2025.jpg", True),
        ("2025", True),
        ("Kirkuk Kirkuk", True),  # a repeated tag, not a name
        ("ministry", True),  # a lone lowercase word
        ("Kataib Hezbollah", False),
        ("Joshua Harris", False),
        ("KRG", False),
    ],
)
def test_is_junk(text: str, junk: bool):
    assert is_junk(text, lexicon=actor_lexicon()) is junk


@pytest.mark.parametrize(
    ("short", "full", "surname", "expected"),
    [
        ("Harris", "Joshua Harris", True, True),
        ("al-Asadi", "Ahmed al-Asadi", True, True),
        ("Asadi", "Ahmed al-Asadi", True, True),
        ("Ahmed", "Ahmed al-Asadi", True, False),  # a first name is not a surname
        ("Ahmed", "Reber Ahmed", True, True),
        ("Nechirvan", "Nechirvan Barzani", False, True),
        ("Masrour Barzani", "Nechirvan Barzani", True, False),  # two people
        ("Joshua Harris", "Joshua Harris", True, False),  # the same name, not a short form
    ],
)
def test_short_form_of(short: str, full: str, surname: bool, expected: bool):
    assert short_form_of(name_key(short), name_key(full), surname=surname) is expected


# ---- person names and short forms


@pytest.mark.parametrize(
    ("text", "ents", "short", "expected"),
    [
        (  # an ambiguous surname goes to the most recent full name
            "Nechirvan Barzani met Masrour Barzani . Barzani spoke .",
            ("Nechirvan Barzani", "Masrour Barzani", "Barzani"),
            "Barzani",
            "masrour-barzani",
        ),
        (  # surname beats first name: Falah Mustafa, not Mustafa al-Kadhimi
            "Mustafa al-Kadhimi met Falah Mustafa . Mustafa spoke .",
            ("Mustafa al-Kadhimi", "Falah Mustafa", "Mustafa"),
            "Mustafa",
            "falah-mustafa",
        ),
        (
            "Ahmed al-Asadi met Reber Ahmed . Asadi spoke .",
            ("Ahmed al-Asadi", "Reber Ahmed", "Asadi"),
            "Asadi",
            "ahmed-al-asadi",
        ),
        (
            "Reber Ahmed met Ahmed al-Asadi . Ahmed spoke .",
            ("Reber Ahmed", "Ahmed al-Asadi", "Ahmed"),
            "Ahmed",
            "reber-ahmed",
        ),
        (
            "Joshua Harris arrived . Harris spoke .",
            ("Joshua Harris", "Harris"),
            "Harris",
            "joshua-harris",
        ),
        (  # the short form before the full name (a headline)
            "Harris spoke . Joshua Harris arrived .",
            ("Harris", "Joshua Harris"),
            "Harris",
            "joshua-harris",
        ),
        (  # a lone surname of a unique registry person
            "Trump spoke .",
            ("Trump",),
            "Trump",
            "donald-trump",
        ),
    ],
)
def test_short_forms_resolve_to_their_full_name(text, ents, short, expected):
    resolution = _resolve(make_doc(text, tuple((name, "PERSON") for name in ents)))
    assert (short, expected) in _mention_ids(resolution)


@pytest.mark.parametrize(
    ("text", "ents", "people"),
    [
        (
            "Nechirvan Barzani met Masrour Barzani .",
            ("Nechirvan Barzani", "Masrour Barzani"),
            {"nechirvan-barzani", "masrour-barzani"},
        ),
        (
            "Reber Ahmed met Ahmed al-Asadi .",
            ("Reber Ahmed", "Ahmed al-Asadi"),
            {"reber-ahmed", "ahmed-al-asadi"},
        ),
        (
            "Falah Mustafa met Mustafa al-Kadhimi .",
            ("Falah Mustafa", "Mustafa al-Kadhimi"),
            {"falah-mustafa", "mustafa-al-kadhimi"},
        ),
    ],
)
def test_people_sharing_a_name_part_stay_apart(text, ents, people):
    resolution = _resolve(make_doc(text, tuple((name, "PERSON") for name in ents)))
    assert {a.id for a in resolution.actors.values() if a.type == "Person"} == people


def test_title_is_a_role_not_part_of_the_label():
    doc = make_doc(
        "Army Colonel Wayne Marotto spoke .", (("Army Colonel Wayne Marotto", "PERSON"),)
    )
    actor = _resolve(doc).actors["wayne-marotto"]
    assert actor.label == "Wayne Marotto"
    assert [role.title for role in actor.roles] == ["Army Colonel"]


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("logo Rudaw Net25-07-2025 .", (("logo", "ORG"), ("Net25-07-2025", "ORG"))),
        ("A+ A- .", (("A+ A-", "ORG"),)),
        ("He said .", (("He", "PERSON"),)),
        ("Administrator wrote .", (("Administrator", "PERSON"),)),
        ("Iraqi said .", (("Iraqi", "NORP"),)),  # a nationality alone is no actor
        ("U.S.-Iraq talks .", (("U.S.-Iraq", "ORG"),)),  # two actors as an adjective
        ("( Laughs ) .", (("Laughs", "PERSON"),)),  # a transcript marker
    ],
)
def test_clutter_pronouns_and_nationalities_are_not_actors(text, ents):
    assert _resolve(make_doc(text, ents)).actors == {}


def test_mention_offsets_index_the_document_text():
    text = "Joshua Harris arrived ."
    document_text = "HEADER " + text
    resolution = _resolve(make_doc(text, (("Joshua Harris", "PERSON"),)), offset=7)
    (mention,) = resolution.mentions
    assert document_text[mention.start : mention.end] == "Joshua Harris"


def test_acronym_in_parentheses_names_the_same_actor():
    doc = make_doc(
        "The Hoquq Movement ( HM ) spoke . HM left .",
        (("Hoquq Movement", "ORG"), ("HM", "ORG"), ("HM", "ORG")),
    )
    ids = {actor_id for text, actor_id in _mention_ids(_resolve(doc)) if text == "HM"}
    assert ids == {"hoquq-movement"}


def test_missed_surname_after_full_name_is_a_short_form():
    doc = make_doc(
        "Abdul Wahab al-Saadi was promoted . Saadi led it .",
        (("Abdul Wahab al-Saadi", "PERSON"),),  # the NER missed the second "Saadi"
    )
    mentions = _resolve(doc).mentions
    assert [(m.text, m.actor_id, m.how) for m in mentions if m.text == "Saadi"] == [
        ("Saadi", "abdul-wahab-al-saadi", "coref")
    ]


def test_given_name_left_out_by_ner_joins_the_name():
    doc = make_doc(
        "Haider Mansour Hadi spoke .",
        (("Mansour Hadi", "PERSON"),),
        heads=[2, 2, 3, 3, 3],
        deps=["compound", "compound", "nsubj", "ROOT", "punct"],
    )
    assert [a.label for a in _resolve(doc).actors.values()] == ["Haider Mansour Hadi"]


def test_standalone_group_noun_is_a_group():
    doc = make_doc("Gunmen fired .", tags=["NNS", "VBD", "."], lemmas=["gunman", "fire", "."])
    (actor,) = _resolve(doc).actors.values()
    assert (actor.label, actor.type) == ("Gunmen", "ArmedGroup")


# ---- metonymy, groups, structural claims (hand-built parses)


def _baghdad_denied():
    return make_doc(
        "Baghdad has denied the charge .",
        (("Baghdad", "GPE"),),
        heads=[2, 2, 2, 4, 2, 2],
        deps=["nsubj", "aux", "ROOT", "det", "dobj", "punct"],
        pos=["PROPN", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["Baghdad", "have", "deny", "the", "charge", "."],
    )


def _drones_hit_baghdad():
    return make_doc(
        "Drones hit Baghdad .",
        (("Baghdad", "GPE"),),
        heads=[1, 1, 1, 1],
        deps=["nsubj", "ROOT", "dobj", "punct"],
        pos=["NOUN", "VERB", "PROPN", "PUNCT"],
        lemmas=["drone", "hit", "Baghdad", "."],
    )


def test_capital_as_agent_is_its_government():
    doc = _baghdad_denied()
    resolution = _resolve(doc)
    assert _mention_ids(resolution) == [("Baghdad", "iraqi-government")]
    assert resolution.mentions[0].how == "metonymy"
    assert resolution.actor_at(doc[0], agent=True).id == "iraqi-government"
    assert resolution.resolve_reference(doc[0]) == (
        resolution.actors["iraqi-government"],
        "metonymy",
    )


def test_capital_as_place_stays_a_place():
    doc = _drones_hit_baghdad()
    resolution = _resolve(doc)
    place = resolution.actor_at(doc[2])
    assert place is not None and (place.id, place.type) == ("baghdad", "Place")
    # Only when a claim finder says the capital acts does it stand for the government.
    assert resolution.actor_at(doc[2], agent=True).id == "iraqi-government"


@pytest.mark.parametrize(
    ("text", "ents", "heads", "deps", "tags", "head_index", "expected"),
    [
        (
            "Iraqi lawmakers warned .",
            (("Iraqi", "NORP"),),
            [1, 2, 2, 2],
            ["amod", "nsubj", "ROOT", "punct"],
            ["JJ", "NNS", "VBD", "."],
            1,
            ("Iraqi lawmakers", "Group", "iraq", None),
        ),
        (
            "KRG officials said .",
            (("KRG", "ORG"),),
            [1, 2, 2, 2],
            ["compound", "nsubj", "ROOT", "punct"],
            ["NNP", "NNS", "VBD", "."],
            1,
            ("KRG officials", "Group", "iraq", "krg"),
        ),
        (  # a backer is not a country of origin
            "Iran - backed militias attacked .",
            (("Iran", "GPE"),),
            [2, 2, 3, 4, 4, 4],
            ["npadvmod", "punct", "amod", "nsubj", "ROOT", "punct"],
            ["NNP", "HYPH", "VBN", "NNS", "VBD", "."],
            3,
            ("Iran-backed militias", "ArmedGroup", None, None),
        ),
    ],
)
def test_unnamed_groups(text, ents, heads, deps, tags, head_index, expected):
    words = text.split()
    pos = ["PROPN" if t == "NNP" else "ADJ" if t == "JJ" else "NOUN" for t in tags]
    pos = [("VERB" if t.startswith("VB") else p) for p, t in zip(pos, tags, strict=True)]
    glue = tuple(
        i for i, w in enumerate(words) if w == "-" or (i + 1 < len(words) and words[i + 1] == "-")
    )
    doc = make_doc(
        text,
        ents,
        heads=heads,
        deps=deps,
        tags=tags,
        pos=pos,
        lemmas=[
            w.lower().rstrip("s") if t == "NNS" else w.lower()
            for w, t in zip(words, tags, strict=True)
        ],
        glue=glue,
    )
    resolution = _resolve(doc)
    group = resolution.actor_at(doc[head_index])
    assert group is not None
    assert (group.label, group.type, group.country, group.parent) == expected
    assert resolution.resolve_reference(doc[head_index]) == (group, "group")


def test_backed_compound_is_a_support_claim():
    doc = make_doc(
        "Iran - backed militias attacked .",
        (("Iran", "GPE"),),
        heads=[2, 2, 3, 4, 4, 4],
        deps=["npadvmod", "punct", "amod", "nsubj", "ROOT", "punct"],
        tags=["NNP", "HYPH", "VBN", "NNS", "VBD", "."],
        pos=["PROPN", "PUNCT", "VERB", "NOUN", "VERB", "PUNCT"],
        lemmas=["iran", "-", "back", "militia", "attack", "."],
        glue=(0, 1),
    )
    (claim,) = _resolve(doc).claims
    assert (claim.relation, claim.subject.id, claim.object.label) == (
        "SUPPORT",
        "iran",
        "Iran-backed militias",
    )
    assert claim.cue == "Iran-backed"
    assert claim.text == doc.text[claim.start : claim.end] == "Iran-backed militias attacked ."


def test_title_with_organisation_is_a_leads_claim():
    doc = make_doc(
        "Kataib Hezbollah Secretary - General Abu Hussein al-Hamidawi spoke .",
        (("Kataib Hezbollah", "ORG"), ("Abu Hussein al-Hamidawi", "PERSON")),
        glue=(2, 3),
    )
    resolution = _resolve(doc)
    (claim,) = resolution.claims
    assert (claim.relation, claim.subject.id, claim.object.id, claim.cue) == (
        "LEADS",
        "abu-hussein-al-hamidawi",
        "kataib-hezbollah",
        "Secretary-General",
    )
    assert 0 < claim.confidence <= 1 and claim.rule == "actors.title"


def test_compound_kept_as_one_token_is_read():
    doc = make_doc("The U.S.-led coalition fought .", (("U.S.-led coalition", "ORG"),))
    (claim,) = _resolve(doc).claims
    assert (claim.relation, claim.subject.id, claim.object.id, claim.cue) == (
        "LEADS",
        "us-government",
        "global-coalition",
        "U.S.-led",
    )


@pytest.mark.parametrize(
    ("title", "relation"),
    [("head", "LEADS"), ("spokesman", "AFFILIATED_WITH"), ("deputy head", "AFFILIATED_WITH")],
)
def test_apposition_gives_role_and_claim(title: str, relation: str):
    # Safeen Dizayee , <title> of the KRG Department of Foreign Relations , said .
    title_words = title.split()
    n = len(title_words)
    words = ["Safeen", "Dizayee", ",", *title_words, "of", "the", "KRG", "Department", "of"]
    words += ["Foreign", "Relations", ",", "said", "."]
    t = 3 + n - 1  # the title noun
    heads = [1, 11 + n, 1] + [t] * (n - 1) + [1, t, t + 4, t + 3, t + 1, t + 3, t + 6, t + 4]
    heads += [1, 11 + n, 11 + n]
    deps = ["compound", "nsubj", "punct"] + ["amod"] * (n - 1) + ["appos", "prep", "det"]
    deps += ["compound", "pobj", "prep", "compound", "pobj", "punct", "ROOT", "punct"]
    doc = make_doc(
        " ".join(words),
        (("Safeen Dizayee", "PERSON"), ("KRG Department of Foreign Relations", "ORG")),
        heads=heads,
        deps=deps,
        lemmas=[w.lower() for w in words],
    )
    resolution = _resolve(doc)
    person = resolution.actors["safeen-dizayee"]
    assert [(r.title, r.organisation) for r in person.roles] == [
        (title, "krg-department-of-foreign-relations")
    ]
    assert [(c.relation, c.object.id) for c in resolution.claims] == [
        (relation, "krg-department-of-foreign-relations")
    ]


# ---- references


def _harris_then(pronoun: str, verb: str = "said"):
    return make_doc(
        f"Joshua Harris arrived . {pronoun} {verb} it .",
        (("Joshua Harris", "PERSON"),),
        heads=[1, 2, 2, 2, 5, 5, 5, 5],
        deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "dobj", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"],
        lemmas=["joshua", "harris", "arrive", ".", pronoun.lower(), "say", "it", "."],
    )


@pytest.mark.parametrize(
    ("pronoun", "expected"),
    [
        ("He", ("joshua-harris", "pronoun")),
        ("She", ("joshua-harris", "pronoun")),  # no gender data: any person fits
        ("They", (None, "unresolved")),  # a person is not "they"
        ("We", (None, "unresolved")),  # first person: the speaker, not an antecedent
    ],
)
def test_pronoun_resolves_to_fitting_antecedent(pronoun: str, expected):
    doc = _harris_then(pronoun)
    resolution = _resolve(doc)
    actor, how = resolution.resolve_reference(doc[4])
    assert ((actor.id if actor else None), how) == expected
    assert resolution.actor_at(doc[4]) is None  # a pronoun is never an actor
    assert pronoun.lower() not in {a.label.lower() for a in resolution.actors.values()}


def test_nominal_resolves_to_named_ministry():
    doc = make_doc(
        "Iraqi Ministry of Oil spoke . The ministry said .",
        (("Iraqi Ministry of Oil", "ORG"),),
        heads=[1, 4, 1, 2, 4, 4, 7, 8, 8, 8],
        deps=[
            "compound",
            "nsubj",
            "prep",
            "pobj",
            "ROOT",
            "punct",
            "det",
            "nsubj",
            "ROOT",
            "punct",
        ],
        pos=["PROPN", "PROPN", "ADP", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
        lemmas=["iraqi", "ministry", "of", "oil", "speak", ".", "the", "ministry", "say", "."],
    )
    resolution = _resolve(doc)
    actor, how = resolution.resolve_reference(doc[7])
    assert (actor.id if actor else None, how) == ("iraqi-ministry-of-oil", "nominal")
    assert any(m.how == "nominal" and m.text == "ministry" for m in resolution.mentions)


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("government", ("us-government", "nominal")),  # generic: any government fits
        ("service", (None, "unresolved")),  # must name a service: no guessing
    ],
)
def test_organisation_nominal_needs_its_word_unless_generic(noun: str, expected):
    doc = make_doc(
        f"The US government spoke . The {noun} said .",
        (("US government", "ORG"),),
        heads=[2, 2, 3, 3, 3, 6, 7, 7, 7],
        deps=["det", "compound", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"],
        pos=["DET", "PROPN", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
    )
    actor, how = _resolve(doc).resolve_reference(doc[6])
    assert ((actor.id if actor else None), how) == expected


# ---- the real model on sentences written for these tests


def _model_resolution(nlp, text: str) -> tuple[object, ActorIndex]:
    doc = nlp(text)
    return doc, resolve_actors(doc, _registry())


@pytest.mark.model
def test_model_two_barzanis_and_a_short_form(nlp):
    text = (
        "Nechirvan Barzani received Masrour Barzani in Erbil on Monday. "
        "US Charge d'Affaires Joshua Harris joined them later. "
        "Harris said Washington would keep supporting the Kurdistan Region."
    )
    _, resolution = _model_resolution(nlp, text)
    people = {a.id for a in resolution.actors.values() if a.type == "Person"}
    assert {"nechirvan-barzani", "masrour-barzani", "joshua-harris"} <= people
    assert resolution.actors["joshua-harris"].label == "Joshua Harris"
    assert ("Harris", "joshua-harris") in _mention_ids(resolution)


@pytest.mark.model
def test_model_metonymy_only_for_an_acting_capital(nlp):
    _, acting = _model_resolution(nlp, "Baghdad has denied the charge.")
    assert "iraqi-government" in acting.actors and "baghdad" not in acting.actors
    _, place = _model_resolution(nlp, "Three drones were shot down over Baghdad on Sunday.")
    assert "iraqi-government" not in place.actors
    assert place.actors["baghdad"].type == "Place"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "government", "place"),
    [
        ("The Kurdistan Region blamed the militias for the strike.", "krg", None),
        ("Drones hit two oil fields in the Kurdistan Region on Monday.", None, "kurdistan-region"),
        ("Erbil asked Washington for air defence systems.", "krg", None),
    ],
)
def test_model_region_acting_is_its_government(nlp, text, government, place):
    doc, resolution = _model_resolution(nlp, text)
    subject = next(token for token in doc if token.dep_ == "nsubj" or token.dep_ == "pobj")
    if government:
        assert resolution.actor_at(subject, agent=True).id == government
    if place:
        assert place in resolution.actors
        assert "krg" not in resolution.actors


@pytest.mark.model
def test_model_groups_and_pronouns(nlp):
    doc, resolution = _model_resolution(
        nlp, "Iraqi lawmakers criticised the deal on Sunday. They said it was rushed."
    )
    group = resolution.actor_at(doc[1])
    assert group is not None and (group.type, group.country) == ("Group", "iraq")
    they = next(token for token in doc if token.text == "They")
    assert resolution.resolve_reference(they) == (group, "pronoun")
    assert all(a.label.lower() not in {"they", "it"} for a in resolution.actors.values())


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "person", "country", "title", "organisation"),
    [
        (
            "US Chargé d'Affaires Joshua Harris said Washington would respond.",
            "joshua-harris",
            "united-states",
            "Chargé d'Affaires",
            "us-government",
        ),
        (
            "The U.S. Chargé d'Affaires Joshua Harris met them.",
            "joshua-harris",
            "united-states",
            "Chargé d'Affaires",
            "us-government",
        ),
        (
            "Turkish Foreign Minister Hakan Fidan said Ankara would respond.",
            "hakan-fidan",
            "turkey",
            "Foreign Minister",
            "turkish-government",
        ),
        ("Jordanian King Abdullah spoke on Monday.", "king-abdullah", "jordan", "King", "jordan"),
        ("King Abdullah met the envoy in Amman.", "king-abdullah", None, "King", None),
        # the portfolio of "Minister of ..." is no part of the name, though the small
        # model may tag it so
        (
            "The bomb was placed in a market, said Minister of Information Amina Yusuf.",
            "amina-yusuf",
            None,
            "Minister of Information",
            None,
        ),
        (
            "Minister of Justice Amina Yusuf met the envoy.",
            "amina-yusuf",
            None,
            "Minister of Justice",
            None,
        ),
    ],
)
def test_model_title_gives_unknown_person_role_and_country(
    nlp, text, person, country, title, organisation
):
    _, resolution = _model_resolution(nlp, text)
    actor = resolution.actors[person]
    assert actor.country == country
    assert (title, organisation) in [(role.title, role.organisation) for role in actor.roles]
    # "U.S. Chargé d'Affaires" is a title, never an organisation of its own
    assert not any("affaires" in a.id for a in resolution.actors.values() if a.id != person)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("King Abdullah met the envoy.", "King Abdullah"),
        ("Crown Prince Mohammed met the envoy.", "Crown Prince Mohammed"),
        ("Ayatollah Ali al-Sistani called for calm.", "Ali al-Sistani"),
    ],
)
def test_model_naming_title_stays_on_a_one_word_name(nlp, text, label):
    _, resolution = _model_resolution(nlp, text)
    people = [a.label for a in resolution.actors.values() if a.type == "Person"]
    assert people == [label]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Kabul warned that it would respond.", "afghanistan"),
        ("Moscow said it would retaliate.", "russia"),
        ("Nairobi rejected the report.", "kenya"),
    ],
)
def test_model_acting_world_capital_is_its_country(nlp, text, country):
    doc, resolution = _model_resolution(nlp, text)
    actor = resolution.actor_at(doc[0], agent=True)
    assert actor is not None and country in {actor.id, actor.country}
    assert doc[0].lower_ not in resolution.actors  # the city itself acted as no actor


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        ("The Ministry of Oil said exports rose in Iraq.", "iraqi-ministry-of-oil", None),
        (
            "In Syria, the Ministry of Oil said Syrian exports rose. Damascus agreed.",
            "syria-ministry-of-oil",
            "iraqi-ministry-of-oil",
        ),
    ],
)
def test_model_generic_alias_follows_the_main_country(nlp, text, expected, unexpected):
    _, resolution = _model_resolution(nlp, text)
    assert expected in resolution.actors
    assert unexpected is None or unexpected not in resolution.actors


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("Rojava Hasaka Qamishli\nThe council met on Monday.", "rojava-hasaka-qamishli"),
        ("Floor\nTurkish Foreign Minister Hakan Fidan spoke.", "floor"),
    ],
)
def test_model_menu_line_names_no_actor(nlp, text, junk):
    _, resolution = _model_resolution(nlp, text)
    assert junk not in resolution.actors


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Drones struck Odesa and Tel Aviv.", "odesa", "Place"),
        ("Putin and Iran agreed.", "putin", "Person"),  # a subject acts: no place
    ],
)
def test_model_one_word_name_coordinated_with_a_place(nlp, text, name, type_):
    _, resolution = _model_resolution(nlp, text)
    assert resolution.actors[name].type == type_


@pytest.mark.model
def test_model_name_in_a_sentence_line_survives_menu_rule(nlp):
    for text in (
        "Latest News\nJoshua Harris said the talks failed.",
        "Latest News\nJoshua Harris said the talks failed",  # a verb, no full stop
    ):
        _, resolution = _model_resolution(nlp, text)
        assert "joshua-harris" in resolution.actors


# ---- the seed articles: no junk actors, no merged people


@functools.lru_cache(maxsize=1)
def _seed_resolutions(nlp) -> tuple[ActorIndex, ...]:
    from extract.text.clean import mask_clutter

    paths = sorted(SEEDS.glob("*.txt"))
    texts = [mask_clutter(path.read_text(encoding="utf-8")).text for path in paths]
    return tuple(resolve_actors(doc, _registry()) for doc in nlp.pipe(texts))


@pytest.fixture(scope="module")
def seed_resolutions(nlp) -> tuple[ActorIndex, ...]:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not found")
    return _seed_resolutions(nlp)


@pytest.mark.model
def test_seeds_have_no_pronoun_or_clutter_actor(seed_resolutions):
    lexicon = actor_lexicon()
    for resolution in seed_resolutions:
        groups = {m.actor_id for m in resolution.mentions if m.how == "group"}
        for actor in resolution.actors.values():
            assert actor.label.lower() not in lexicon.pronouns, actor
            assert actor.label.lower() not in lexicon.clutter, actor
            if actor.id not in groups:  # "gunmen" is a group, not a stray lowercase word
                assert not is_junk(actor.label, lexicon=lexicon), actor


@pytest.mark.model
def test_seed_people_are_never_merged(seed_resolutions):
    """Every name a person actor is mentioned under is a form of its label."""
    for resolution in seed_resolutions:
        for mention in resolution.mentions:
            actor = resolution.actors[mention.actor_id]
            if actor.type != "Person" or mention.how in {"pronoun", "nominal"}:
                continue
            names = [name_key(name) for name in (actor.label, *actor.aliases)]
            key = name_key(mention.text)
            assert any(set(key) <= set(name) for name in names), (mention, actor.label)


def test_pipeline_without_parser_gives_mentions_and_no_claims():
    import spacy

    from extract.actors.registry import install_ruler

    nlp = spacy.blank("en")
    install_ruler(nlp, _registry())
    doc = nlp("The KRG thanked the US-led coalition. He said so.")
    resolution = _resolve(doc)
    assert set(resolution.actors) == {"krg", "global-coalition"}
    assert resolution.claims == ()
    he = next(token for token in doc if token.text == "He")
    assert resolution.resolve_reference(he) == (None, "unresolved")


def test_name_before_bloc_is_a_party_whatever_the_ner_said():
    doc = make_doc(
        "the Sadiqoun bloc won .",
        heads=[2, 2, 3, 3, 3],
        deps=["det", "compound", "nsubj", "ROOT", "punct"],
        pos=["DET", "PROPN", "NOUN", "VERB", "PUNCT"],
    )
    (actor,) = _resolve(doc).actors.values()
    assert (actor.label, actor.type) == ("Sadiqoun bloc", "PoliticalParty")


# ---- nationalities, countries, institutions, state forces (Q2)


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Swiss", "switzerland"),  # no plural form
        ("Afghans", "afghanistan"),  # derived plural
        ("Chadian", "chad"),
        ("Turkish", "turkey"),
        ("American", "united-states"),  # the hand-written table wins
        ("Kurdish", "kurdistan-region"),
    ],
)
def test_demonym_table_covers_every_country(word: str, country: str):
    assert actor_lexicon().demonyms[word.lower()] == country


@pytest.mark.parametrize(
    ("name", "country"),
    [("Switzerland", "switzerland"), ("Türkiye", "turkey"), ("Côte d'Ivoire", "ivory-coast")],
)
def test_country_names_and_aliases_fold_to_one_id(name: str, country: str):
    from extract.records import normalise_name

    assert actor_lexicon().countries[normalise_name(name)] == country


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("Interior Ministry", True),
        ("Ministry of Foreign Affairs", True),
        ("the Parliament", True),
        ("Central Bank", True),
        ("Foreign Affairs", False),  # no institution head
        ("Kurdistan Parliament", False),  # a named one
        ("Iraqi Interior Ministry", False),  # already says whose
    ],
)
def test_generic_institution_names(text: str, generic: bool):
    from extract.actors.names import is_generic_institution

    assert is_generic_institution(text, lexicon=actor_lexicon()) is generic


@pytest.mark.parametrize(
    ("word", "title", "expected"),
    [
        ("minster", "minister", True),  # a dropped letter
        ("presdient", "president", True),  # swapped letters
        ("ministry", "minister", False),  # two changes
        ("kadhimi", "minister", False),
    ],
)
def test_one_edit(word: str, title: str, expected: bool):
    from extract.actors.names import _one_edit

    assert _one_edit(word, title) is expected


def _by_text(resolution: ActorIndex) -> dict[str, str]:
    return {mention.text: mention.actor_id for mention in resolution.mentions}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # the registry has a government for Turkey and the US: the adjective gives it
        ("The Turkish shelling killed three villagers.", "Turkish", "turkish-government"),
        ("An American destroyer shot down a drone.", "American", "us-government"),
        # no government in the registry: the country, also one the registry lacks
        ("Iranian missiles struck the base.", "Iranian", "iran"),
        ("Washington sanctioned Russian banks.", "Russian", "russia"),
        ("A Chadian airstrike killed ten people.", "Chadian", "chad"),
        # a place or an actor of its own is not the state acting
        ("Rockets hit Iraqi bases overnight.", "Iraqi", None),
        ("An Iraqi organisation filed the complaint.", "Iraqi", None),
    ],
)
def test_model_nationality_adjective_stands_for_its_state(nlp, text, word, expected):
    doc, resolution = _model_resolution(nlp, text)
    token = next(token for token in doc if token.text == word)
    actor = resolution.actor_at(token)
    assert (actor.id if actor else None) == expected
    if expected:
        # the lookup adds nothing; its answer carries the "metonymy" mention it implies
        implied = resolution.lookup(token).implied
        assert implied is not None and implied.mention is not None
        assert (implied.mention.how, implied.mention.actor_id) == ("metonymy", expected)
        assert implied.mention.text == word
        assert ("metonymy", expected) not in {(m.how, m.actor_id) for m in resolution.mentions}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "actor_id", "kind"),
    [
        ("Switzerland offered to mediate.", "Switzerland", "switzerland", "Country"),
        ("Settlers attacked villages in the West Bank.", "West Bank", "west-bank", "Place"),
        # a name before a place noun: the place, whatever the NER took the name for
        ("Rockets struck the Ain al-Asad air base.", "Ain al-Asad air base", None, "Place"),
    ],
)
def test_model_countries_and_places_are_typed(nlp, text, name, actor_id, kind):
    _, resolution = _model_resolution(nlp, text)
    mention = next(m for m in resolution.mentions if m.text == name)
    actor = resolution.actors[mention.actor_id]
    assert actor.type == kind
    assert actor_id is None or actor.id == actor_id


@pytest.mark.model
def test_model_generic_institution_gets_its_country(nlp):
    _, resolution = _model_resolution(
        nlp, "Iraq's Interior Ministry said five died. The Turkish Interior Ministry denied it."
    )
    ids = {m.actor_id for m in resolution.mentions if "Interior Ministry" in m.text}
    assert ids == {"iraq-interior-ministry", "turkey-interior-ministry"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("Western allies condemned the attack.", "allies", "Group"),
        ("Iraqi authorities arrested the suspects.", "authorities", "Government"),
        ("Rebels in the Ivory Coast blocked the roads.", "Rebels", "ArmedGroup"),
    ],
)
def test_model_more_groups_are_formed(nlp, text, noun, expected):
    doc, resolution = _model_resolution(nlp, text)
    actor = resolution.actor_at(next(token for token in doc if token.text == noun))
    assert actor is not None and actor.type == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("The KRG accused groups within the Popular Mobilization Forces.", "groups", "pmf"),
        ("Factions of the PMF denied it.", "Factions", "pmf"),
        ("Turkey's military shelled villages.", "military", "turkey-military"),
        ("Iraqi police arrested him.", "police", "iraq-police"),
        ("The Iraqi army said it was ready.", "army", "iraqi-security-forces"),  # registry
    ],
)
def test_model_groups_inside_an_organisation_and_state_forces(nlp, text, noun, expected):
    doc, resolution = _model_resolution(nlp, text)
    actor = resolution.actor_at(next(token for token in doc if token.text == noun))
    assert actor is not None and actor.id == expected


@pytest.mark.model
def test_model_nominal_needs_a_fitting_title(nlp):
    text = (
        "President Joe Biden spoke on Monday. "
        "Washington said the commander had planned the attacks."
    )
    doc, resolution = _model_resolution(nlp, text)
    commander = next(token for token in doc if token.text == "commander")
    assert resolution.resolve_reference(commander) == (None, "unresolved")
    text = "US Charge d'Affaires Joshua Harris met Barzani. The diplomat said the talks went well."
    doc, resolution = _model_resolution(nlp, text)
    diplomat = next(token for token in doc if token.text == "diplomat")
    actor, how = resolution.resolve_reference(diplomat)
    assert (actor.id if actor else None, how) == ("joshua-harris", "nominal")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Kurdistan accused Baghdad of delaying salaries.", "Kurdistan", "krg"),  # an alias
        ("Erbil asked Washington for help.", "Erbil", "krg"),
        ("Tehran denied the report.", "Tehran", "iran"),
    ],
)
def test_model_capital_aliases_act_as_government(nlp, text, word, expected):
    doc, resolution = _model_resolution(nlp, text)
    actor = resolution.actor_at(next(token for token in doc if token.text == word), agent=True)
    assert actor is not None and actor.id == expected


@pytest.mark.model
def test_model_misspelt_title_is_not_part_of_the_name(nlp):
    _, resolution = _model_resolution(nlp, "Prime Minster Kadhimi said the talks went well.")
    assert _by_text(resolution).get("Kadhimi") == "mustafa-al-kadhimi"
    assert not any("Minster" in m.text for m in resolution.mentions)


@pytest.mark.model
def test_model_a_place_named_once_in_full_stays_a_place(nlp):
    text = (
        "Drones attacked the Khor Mor gas field on Wednesday. "
        "The US condemned the attack on Khor Mor. Rockets hit Baghdad airport. "
        "Baghdad condemned the attack."
    )
    _, resolution = _model_resolution(nlp, text)
    ids = {(m.text, m.actor_id) for m in resolution.mentions}
    assert ("Khor Mor", "khor-mor-gas-field") in ids  # the short form is the field
    assert resolution.actors["khor-mor-gas-field"].type == "Place"
    assert ("Baghdad", "iraqi-government") in ids  # "Baghdad airport" made no airport of it


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # The small model hangs "within" on the verb, not on "groups": still the PMF.
        "The KRG accused groups within the Popular Mobilization Forces of the attacks.",
        "The KRG accused factions of the Popular Mobilization Forces of the attacks.",
    ],
)
def test_model_groups_inside_an_organisation_despite_attachment(nlp, text):
    doc, resolution = _model_resolution(nlp, text)
    noun = next(token for token in doc if token.lower_ in {"groups", "factions"})
    actor = resolution.actor_at(noun)
    assert actor is not None and actor.id == "pmf"


# ---- resolution errors that cost claims (issue #3)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "noun", "expected", "how"),
    [
        # a generic nominal with a describing noun refers to no earlier actor of
        # another kind: it is a group of its own, named by the description
        (
            "Hezbollah fired rockets at the border on Monday. "
            "The student movement has called for new elections.",
            "movement",
            "student-movement",
            "group",
        ),
        (
            "The Sadrist bloc won most seats. The opposition movement said it would boycott.",
            "movement",
            "opposition-movement",
            "group",
        ),
        # a describing noun that is itself an actor word keeps the reference
        (
            "Kataib Hezbollah denied the report. The militia group said it had no role.",
            "group",
            "kataib-hezbollah",
            "nominal",
        ),
        # "the government" with no government before it: the main country's
        (
            "Turkey reopened the Habur crossing after Turkish officials inspected it. "
            "The government said trade would resume within days.",
            "government",
            "turkish-government",
            "nominal",
        ),
        # security forces are a Government actor, but not "the government"
        (
            "Iraqi security forces arrested six men in Basra. "
            "The government freed them two days later.",
            "government",
            "iraqi-government",
            "nominal",
        ),
        # the main country's government when the registry holds none: one named after
        # the country, as "the Afghan government" is
        (
            "A car bomb exploded in Kabul, Afghanistan, on Monday. Afghanistan mourned. "
            "The government said 35 people had died.",
            "government",
            "afghan-government",
            "nominal",
        ),
        (
            "A car bomb exploded in Kabul, Afghanistan, on Monday. Afghanistan mourned. "
            "The central government said 35 people had died.",
            "government",
            "afghan-government",
            "nominal",
        ),
        # a government named before still wins
        (
            "Turkey closed the crossing. The Iraqi government protested. "
            "The government said the move broke the accord.",
            "government",
            "iraqi-government",
            "nominal",
        ),
    ],
)
def test_model_nominal_resolves_only_to_a_fitting_antecedent(nlp, text, noun, expected, how):
    doc, resolution = _model_resolution(nlp, text)
    token = [token for token in doc if token.text == noun][-1]
    actor, found_how = resolution.resolve_reference(token)
    assert (actor.id if actor else None, found_how) == (expected, how)


@pytest.mark.model
def test_model_described_group_is_named_by_its_description(nlp):
    doc, resolution = _model_resolution(
        nlp, "Kataib Hezbollah denied it. The cross-party reform movement has demanded a vote."
    )
    token = next(token for token in doc if token.text == "movement")
    actor, _ = resolution.resolve_reference(token)
    assert actor is not None and (actor.label, actor.type) == ("reform movement", "Group")
    assert ("reform movement", actor.id) in _mention_ids(resolution)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        # a bare plural group noun is the group of that noun the text anchored last
        (
            "Turkish lawmakers debated the bill on Tuesday. Some lawmakers walked out.",
            "lawmakers",
            "turkish-lawmakers",
        ),
        (
            "Iranian diplomats met in Vienna. The diplomats left on Friday.",
            "diplomats",
            "iranian-diplomats",
        ),
        # another set: qualified by a noun or a phrase of its own, or nothing before it
        ("Turkish lawmakers debated the bill. Opposition lawmakers walked out.", "lawmakers", None),
        (
            "Iraqi officials met on Monday. Officials at the oil ministry declined.",
            "Officials",
            None,
        ),
        ("Some lawmakers walked out of the session on Tuesday.", "lawmakers", None),
    ],
)
def test_model_bare_plural_group_is_the_group_named_before(nlp, text, noun, expected):
    doc, resolution = _model_resolution(nlp, text)
    token = [token for token in doc if token.text == noun][-1]
    actor = resolution.actor_at(token)
    assert (actor.id if actor else None) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # member organisations of a named umbrella group: the umbrella itself
        ("PMF factions denied any role in the attack.", "PMF factions", "pmf"),
        (
            "The Fatah Alliance parties rejected the budget on Sunday.",
            "Fatah Alliance parties",
            "fatah-alliance",
        ),
        # people or fighters of an organisation, or members of a government: a group
        ("KRG officials said they were ready.", "KRG officials", "krg-officials"),
        # the fighters of a named armed group are the group itself (see
        # test_model_fighters_of_a_named_armed_group_are_the_group)
        ("Hezbollah fighters crossed the border.", "Hezbollah fighters", "hezbollah"),
    ],
)
def test_model_members_of_an_umbrella_group(nlp, text, phrase, expected):
    _, resolution = _model_resolution(nlp, text)
    assert _by_text(resolution).get(phrase) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the NER left the nationality out of the organisation's name: put it back
        (
            "A spokesman for the Iraqi Kurdish Peace Council said the talks would resume.",
            "Iraqi Kurdish Peace Council",
            "iraq",
        ),
        (
            "The statement was issued by the Iraqi Kurdish Peace Council.",
            "Iraqi Kurdish Peace Council",
            "iraq",
        ),
        # the NER took it in: the same shape
        (
            "Officials said the Syrian Kurdish Security Council met on Monday.",
            "Syrian Kurdish Security Council",
            None,
        ),
        # a registry name or a generic institution keeps its own rules
        ("The Iraqi Popular Mobilization Forces denied it.", "Popular Mobilization Forces", "iraq"),
        ("The Turkish Interior Ministry denied it.", "Turkish Interior Ministry", "turkey"),
    ],
)
def test_model_nationality_before_an_organisation_name(nlp, text, name, country):
    _, resolution = _model_resolution(nlp, text)
    mention = next(m for m in resolution.mentions if m.text == name)
    actor = resolution.actors[mention.actor_id]
    assert country is None or actor.country == country


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation", "subject", "object_"),
    [
        # an organisation noun after a registry name with "the": the name, so that the
        # compound before it reaches it
        (
            "The strike killed a commander of the Iran-backed Kataib Sayyid al-Shuhada militia.",
            "SUPPORT",
            "iran",
            "kataib-sayyid-al-shuhada",
        ),
        # a compound in parentheses modifies the noun phrase after them
        (
            "Rockets hit (U.S.-backed) Syrian Democratic Forces positions overnight.",
            "SUPPORT",
            "us-government",
            "sdf",
        ),
        (
            "Gunmen opened fire on (U.S.-led) coalition forces near the airport.",
            "LEADS",
            "us-government",
            "coalition-forces",
        ),
    ],
)
def test_model_compound_claims_reach_their_noun(nlp, text, relation, subject, object_):
    _, resolution = _model_resolution(nlp, text)
    claims = {
        (c.relation, c.subject.id, c.object.id) for c in resolution.claims if c.subject and c.object
    }
    assert (relation, subject, object_) in claims


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a plural nationality acting or addressed as one side: its state, like a capital
        (
            "Kurdish officials said they had raised the issue with the Americans.",
            "Americans",
            "us-government",
        ),
        ("The Iranians rejected the proposal on Monday.", "Iranians", "iran"),
        ("Americans met Iraqi negotiators in Baghdad.", "Americans", "us-government"),
        # counted or quantified people stay a group of people
        ("Two Americans were wounded in the blast.", "Americans", "americans"),
        ("Many Iraqis protested against the decision.", "Iraqis", "iraqis"),
    ],
)
def test_model_plural_nationality_as_a_side(nlp, text, word, expected):
    doc, resolution = _model_resolution(nlp, text)
    actor = resolution.actor_at(next(token for token in doc if token.text == word))
    assert actor is not None and actor.id == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "it" standing for the clause after it refers to no actor
        ("Hezbollah fired rockets. It was unclear if the target was the base or the town.", None),
        ("Hezbollah fired rockets. It is likely that more attacks will follow.", None),
        # a referring "it" still resolves
        ("Hezbollah fired rockets on Monday. It said the strikes were a warning.", "hezbollah"),
    ],
)
def test_model_expletive_it_refers_to_no_actor(nlp, text, expected):
    doc, resolution = _model_resolution(nlp, text)
    token = next(token for token in doc if token.text == "It")
    actor, _ = resolution.resolve_reference(token)
    assert (actor.id if actor else None) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X and affiliated/allied/aligned Y": Y is affiliated with X
        (
            "Hezbollah and allied Shiite militias fought in Syria.",
            ("allied-shiite-militias", "hezbollah"),
        ),
        ("Iran and aligned Iraqi factions rejected the deal.", ("iraqi-factions", "iran")),
        (
            # Iran-backed groups are the one group of pro-Iran groups (test_described_groups)
            "Kataib Sayyid al-Shuhada and affiliated Iran-backed groups denied it.",
            ("pro-iran-groups", "kataib-sayyid-al-shuhada"),
        ),
        # no group after the participle: nothing
        ("Hezbollah and affiliated with the government, the party said.", None),
    ],
)
def test_model_coordinated_affiliates(nlp, text, expected):
    _, resolution = _model_resolution(nlp, text)
    pairs = {
        (c.subject.id, c.object.id)
        for c in resolution.claims
        if c.relation == "AFFILIATED_WITH" and c.subject and c.object
    }
    assert pairs == ({expected} if expected else set())


@pytest.mark.model
def test_model_other_groups_beside_an_organisation_are_not_it(nlp):
    doc, resolution = _model_resolution(nlp, "The PMF and affiliated groups denied the charge.")
    groups = resolution.actor_at(next(token for token in doc if token.text == "groups"))
    assert groups is not None and groups.id != "pmf"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation said to include or comprise actors: each is affiliated with it
        (
            "The Coordination Framework, which includes the Fatah Alliance, met on Sunday.",
            {("fatah-alliance", "coordination-framework")},
        ),
        (
            "The Fatah Alliance comprises the Badr Organization and Asaib Ahl al-Haq.",
            {("badr-organization", "fatah-alliance"), ("asaib-ahl-al-haq", "fatah-alliance")},
        ),
        # a country or a document is no organisation with members
        ("Iraq includes the Kurdistan Region, the minister said.", set()),
        ("The report includes Hezbollah and Hamas.", set()),
    ],
)
def test_model_members_of_an_organisation(nlp, text, expected):
    _, resolution = _model_resolution(nlp, text)
    pairs = {
        (c.subject.id, c.object.id)
        for c in resolution.claims
        if c.relation == "AFFILIATED_WITH" and c.subject and c.object
    }
    assert pairs == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "capital", "expected"),
    [
        # a capital addressed by a speech act stands for its government
        ("The envoy voiced concern, accusing Tehran of illicit financing.", "Tehran", "iran"),
        ("The ministry urged Baghdad to act on the report.", "Baghdad", "iraqi-government"),
        ("The council called on Ankara to withdraw its troops.", "Ankara", "turkish-government"),
        # struck or visited: a place
        ("Rockets struck Baghdad on Monday.", "Baghdad", "baghdad"),
        ("The minister visited Tehran on Sunday.", "Tehran", "tehran"),
    ],
)
def test_model_capital_addressed_by_a_speech_act(nlp, text, capital, expected):
    doc, resolution = _model_resolution(nlp, text)
    actor = resolution.actor_at(next(token for token in doc if token.text == capital))
    assert actor is not None and actor.id == expected


# ---- round 2: roles, institutions and groups in other wordings (model)


def _structural(resolution: ActorIndex) -> list[tuple[str, str, str]]:
    return [(c.relation, c.subject.id, c.object.id) for c in resolution.claims if c.object]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive pronoun before the title stands for the organisation named before
        (
            "Hezbollah rejected the plan on Friday, and its leader Hassan Nasrallah vowed "
            "to keep the group's weapons.",
            ("LEADS", "hassan-nasrallah", "hezbollah"),
        ),
        (
            "Hamas turned down the offer. Its spokesman, Hazem Qassem, told reporters the "
            "talks had stalled.",
            ("AFFILIATED_WITH", "hazem-qassem", "hamas"),
        ),
        # the organisation before the title, not the country the envoy is posted to
        (
            "The EU envoy for Libya, Anna Lindqvist, urged both governments to talk.",
            ("AFFILIATED_WITH", "anna-lindqvist", "european-union"),
        ),
        (
            "Kofi Mensah, the UN special representative for Somalia, met clan elders.",
            ("AFFILIATED_WITH", "kofi-mensah", "united-nations"),
        ),
        # "chief negotiator": the head word is the role; a chief would lead
        (
            "Daniel Okafor, NATO's chief negotiator, left the talks early.",
            ("AFFILIATED_WITH", "daniel-okafor", "nato"),
        ),
        # working for a person: "adviser to NAME"
        (
            "Lena Hartmann, a senior adviser to President Joe Biden, briefed the press.",
            ("AFFILIATED_WITH", "lena-hartmann", "joe-biden"),
        ),
        # a definite nominal after "for": the organisation it refers to
        (
            "The PKK denied the claim. A spokesman for the group, Zagros Hiwa, called it a "
            "fabrication.",
            ("AFFILIATED_WITH", "zagros-hiwa", "pkk"),
        ),
        # the singular of a plural group name before a title
        (
            "Houthi spokesman Ali al-Qahoum said the blockade must end.",
            ("AFFILIATED_WITH", "ali-al-qahoum", "houthis"),
        ),
        # "the X-led coalition": one body, led by X
        (
            "The French-led coalition withdrew its ships, and the coalition said it would return.",
            ("LEADS", "france", "french-led-coalition"),
        ),
    ],
)
def test_model_round2_structural_claims(nlp, text, expected):
    _, resolution = _model_resolution(nlp, text)
    assert expected in _structural(resolution)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "posted"),
    [
        ("The EU envoy for Libya, Anna Lindqvist, urged both governments to talk.", "libya"),
        ("Kofi Mensah, the UN special representative for Somalia, met clan elders.", "somalia"),
    ],
)
def test_model_posting_country_is_no_organisation(nlp, text, posted):
    _, resolution = _model_resolution(nlp, text)
    assert all(obj != posted for _, _, obj in _structural(resolution))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words", "country", "label"),
    [
        (
            "Egypt's interior ministry denied the report.",
            "interior ministry",
            "egypt",
            "Egypt's interior ministry",
        ),
        (
            "The Turkish defence ministry said two soldiers were wounded.",
            "Turkish defence ministry",
            "turkey",
            "Turkish defence ministry",
        ),
        (
            "Jordan's National Security Council approved the plan.",
            "National Security Council",
            "jordan",
            None,
        ),
    ],
)
def test_model_country_institution_is_an_actor(nlp, text, words, country, label):
    _, resolution = _model_resolution(nlp, text)
    (mention,) = [m for m in resolution.mentions if m.text == words]
    actor = resolution.actors[mention.actor_id]
    assert (actor.type, actor.country) == ("Government", country)
    if label is not None:
        assert actor.label == label


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["The ministry denied the report.", "Syria's council met on Monday."]
)
def test_model_bare_institution_noun_makes_no_actor(nlp, text):
    _, resolution = _model_resolution(nlp, text)
    assert not [a for a in resolution.actors.values() if "ministry" in a.label.lower()]
    assert not [a for a in resolution.actors.values() if "council" in a.label.lower()]


@pytest.mark.model
def test_model_led_coalition_is_what_the_bare_noun_refers_to(nlp):
    doc, resolution = _model_resolution(
        nlp, "A Russian-led alliance sent troops. The alliance said they would stay a month."
    )
    alliance = next(t for t in doc if t.text == "alliance" and t.i > 5)
    actor, how = resolution.resolve_reference(alliance)
    assert (actor.id, how) == ("russian-led-alliance", "nominal")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "agent", "place"),
    [
        ("The Kremlin dismissed the sanctions as illegal.", "russia", None),
        ("The two presidents met in the Kremlin on Tuesday.", None, "kremlin"),
    ],
)
def test_model_seat_of_power_acts_for_its_state(nlp, text, agent, place):
    doc, resolution = _model_resolution(nlp, text)
    token = next(t for t in doc if t.text == "Kremlin")
    if agent:
        assert resolution.actor_at(token, agent=True).id == agent
    if place:
        assert resolution.actors[place].type == "Place"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Arakan Army (AA) seized two towns. The AA came out against the truce within days.",
        "The Tigray Defence Forces (TDF) withdrew. The TDF came out against the accord on Monday.",
    ],
)
def test_model_acronym_introduced_in_parentheses_names_its_actor_untagged(nlp, text):
    doc, resolution = _model_resolution(nlp, text)
    introduced = next(t for t in doc if t.i > 0 and doc[t.i - 1].text == "(")
    later = [t for t in doc if t.text == introduced.text and t.i > introduced.i + 1]
    assert later
    named = resolution.actor_at(doc[introduced.i - 2])
    assert named is not None
    assert all(resolution.actor_at(t) == named for t in later)


@pytest.mark.parametrize("label", ["PERSON", "ORG"])
def test_nationality_tagged_as_a_name_is_no_actor(label: str):
    doc = make_doc(
        "Azerbaijani President Ilham Aliyev spoke .",
        (("Azerbaijani", label), ("Ilham Aliyev", "PERSON")),
    )
    resolution = _resolve(doc)
    assert "azerbaijani" not in resolution.actors
    assert [c.relation for c in resolution.claims] == []  # a country's title: no claim


@pytest.mark.model
def test_model_title_subject_is_the_person_apposed_after_its_posting(nlp):
    doc, resolution = _model_resolution(
        nlp, "The EU envoy for Libya, Anna Lindqvist, welcomed the deal and urged calm."
    )
    envoy = next(t for t in doc if t.text == "envoy")
    actor, how = resolution.resolve_reference(envoy)
    assert (actor.id, how) == ("anna-lindqvist", "name")


@pytest.mark.model
def test_model_singular_of_a_plural_group_name_is_that_group(nlp):
    _, resolution = _model_resolution(
        nlp, "The talks stalled. Houthi spokesman Ali al-Qahoum said the siege must end."
    )
    assert ("AFFILIATED_WITH", "ali-al-qahoum", "houthis") in _structural(resolution)
    _, city = _model_resolution(nlp, "Shelling hit Hama overnight.")
    assert "hamas" not in city.actors


@pytest.mark.parametrize(
    ("text", "ents", "tags", "person", "organisation", "relation"),
    [
        # the NER took the person for an organisation and the tagger the acronym for an
        # adjective; the lower-case title between them says which is which
        (
            "UNHCR chief Filippo Grandi visited the camp .",
            (("UNHCR", "ORG"), ("Filippo Grandi", "ORG")),
            ["JJ", "JJ", "NNP", "NNP", "VBD", "DT", "NN", "."],
            "filippo-grandi",
            "unhcr",
            "LEADS",
        ),
        (
            "ICRC spokesman Jason Straziuso said so .",
            (("ICRC", "ORG"), ("Jason Straziuso", "ORG")),
            ["NNP", "NN", "NNP", "NNP", "VBD", "RB", "."],
            "jason-straziuso",
            "icrc",
            "AFFILIATED_WITH",
        ),
    ],
)
def test_name_after_a_lower_case_title_is_a_person(
    text, ents, tags, person, organisation, relation
):
    doc = make_doc(text, ents, tags=tags)
    resolution = _resolve(doc)
    assert resolution.actors[person].type == "Person"
    assert [(c.relation, c.subject.id, c.object.id) for c in resolution.claims] == [
        (relation, person, organisation)
    ]


def test_organisation_after_a_lower_case_title_stays_one_when_it_says_so():
    doc = make_doc(
        "The spokesman Supreme Council said so .",
        (("Supreme Council", "ORG"),),
        tags=["DT", "NN", "NNP", "NNP", "VBD", "RB", "."],
    )
    resolution = _resolve(doc)
    assert all(actor.type != "Person" for actor in resolution.actors.values())


@pytest.mark.parametrize(
    ("text", "ents", "name", "acronym"),
    [
        # the acronym spells the "of" phrase too: it is part of the name
        (
            "The Federation of Trade Unions of Sudan ( FTUS ) warned the army . The FTUS marched .",
            (("Federation of Trade Unions", "ORG"), ("Sudan", "GPE"), ("FTUS", "ORG")),
            "Federation of Trade Unions of Sudan",
            "FTUS",
        ),
        # it spells only the name the NER gave: the place stays apart
        (
            "The Supreme Council of Kurdistan ( SC ) met . The SC said so .",
            (("Supreme Council", "ORG"), ("Kurdistan", "GPE")),
            "Supreme Council",
            "SC",
        ),
    ],
)
def test_acronym_decides_whether_an_of_phrase_is_part_of_the_name(text, ents, name, acronym):
    resolution = _resolve(make_doc(text, ents))
    mentions = dict(_mention_ids(resolution))
    assert name in mentions
    assert mentions.get(acronym, mentions[name]) == mentions[name]
    assert "kurdistan-region" not in {mentions.get(acronym), mentions[name]}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Clashes between the Ethiopian army and rebels went on. Army chief Birhanu Jula "
            "said the offensive would continue.",
            [("LEADS", "birhanu-jula", "ethiopia-army")],
        ),
        # no force named before: the title alone gives no organisation
        ("Police chief Ali Hassan said the curfew would continue.", []),
    ],
)
def test_model_force_title_refers_to_the_force_named_before(nlp, text, expected):
    _, resolution = _model_resolution(nlp, text)
    assert _structural(resolution) == expected


def _arrest_doc(first_label: str = "ORG"):
    # Guards arrested Lev Aronian , a former head of the Artsakh council .
    words = "Guards arrested Lev Aronian , a former head of the Artsakh council ."
    return make_doc(
        words,
        (("Lev", first_label), ("Artsakh", "PERSON")),
        heads=[1, 1, 3, 1, 3, 7, 7, 3, 7, 11, 11, 8, 1],
        deps=["nsubj", "ROOT", "compound", "dobj", "punct", "det", "amod", "appos", "prep"]
        + ["det", "compound", "pobj", "punct"],
        tags=["NNS", "VBD", "NNP", "NNP", ",", "DT", "JJ", "NN", "IN", "DT", "NNP", "NN", "."],
        pos=["NOUN", "VERB", "PROPN", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "ADP", "DET"]
        + ["PROPN", "NOUN", "PUNCT"],
    )


def test_name_cut_short_by_the_ner_takes_its_untagged_surname():
    resolution = _resolve(_arrest_doc())
    assert ("Lev Aronian", "lev-aronian") in _mention_ids(resolution)
    assert resolution.actors["lev-aronian"].type == "Person"


def test_one_word_person_before_an_institution_noun_is_a_place():
    resolution = _resolve(_arrest_doc())
    artsakh = dict(_mention_ids(resolution))["Artsakh"]
    assert resolution.actors[artsakh].type == "Place"


@pytest.mark.parametrize(
    ("name", "country", "person"),
    [("Azerbaijan", "azerbaijan", False), ("Georgia", None, True)],
)
def test_country_tagged_as_a_person_is_the_country_unless_a_given_name(name, country, person):
    doc = make_doc(f"{name} said the border was closed .", ((name, "PERSON"),))
    resolution = _resolve(doc)
    actor = resolution.actors[dict(_mention_ids(resolution))[name]]
    assert (actor.type == "Person") is person
    if country:
        assert actor.id == country


@pytest.mark.model
def test_model_possessive_before_a_title_prefers_the_subject_named_with_of(nlp):
    # the nearer organisation is the object; "its" is the subject's, whose name ends in
    # an "of" phrase ("Union" heads it, not "Mineworkers")
    _, resolution = _model_resolution(
        nlp,
        "The National Union of Mineworkers accused the United Nations of closing the mines, "
        "and its leader Tomas Berg said the strike would go on.",
    )
    leads = [c for c in _structural(resolution) if c[0] == "LEADS"]
    assert leads == [("LEADS", "tomas-berg", "national-union-of-mineworkers")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # fighters, rebels, militants of a NAMED armed group: that group acts (CAMEO codes
        # the act to the group)
        ("Houthi rebels shelled the port of Mocha overnight.", "Houthi rebels", "houthis"),
        ("PKK militants ambushed a convoy near the border.", "PKK militants", "pkk"),
        ("Hamas gunmen opened fire on the crossing.", "Hamas gunmen", "hamas"),
        # people of a government, or fighters named by a backer: a group of their own
        ("KRG officials rejected the budget.", "KRG officials", "krg-officials"),
        ("Iran-backed fighters shelled the airport.", "Iran-backed fighters", None),
    ],
)
def test_model_fighters_of_a_named_armed_group_are_the_group(nlp, text, phrase, expected):
    _, resolution = _model_resolution(nlp, text)
    found = _by_text(resolution).get(phrase)
    if expected is None:
        actor = resolution.actors.get(found) if found else None
        assert actor is not None and actor.id not in {"iran", "hezbollah"}
    else:
        assert found == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a field of civil society makes a group noun an actor with no country named
        ("Rights groups accused the militia of torturing detainees.", "Rights groups"),
        ("Several human rights organisations condemned the arrests.", "human rights organisations"),
        ("Aid agencies warned that the camps near Goma were running out of water.", "Aid agencies"),
        ("Humanitarian groups said the convoy had been looted.", "Humanitarian groups"),
    ],
)
def test_model_civil_society_groups_are_actors(nlp, text, phrase):
    _, resolution = _model_resolution(nlp, text)
    assert phrase in _by_text(resolution)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # "agency", "organisation" alone describe, they make no actor
        "The agency said the ceasefire was holding.",
        "The PKK, a banned organisation, denied it.",
        # people of a field of civil society are no organisation
        "Aid workers left the camp near Goma on Friday.",
    ],
)
def test_model_bare_organisation_nouns_make_no_group(nlp, text):
    _, resolution = _model_resolution(nlp, text)
    assert not [
        m
        for m in resolution.mentions
        if m.text.lower().endswith(("agency", "organisation", "workers"))
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "absent"),
    [
        # a name cut after its lowercase particle goes on over the next word
        ("Ursula von der Leyen warned Minsk against the move.", "Ursula von der Leyen", "Leyen"),
        ("Envoy Pieter van Dijk met the rebels in Juba.", "Pieter van Dijk", "Dijk"),
        # a registry alias that is a given name before a surname: a person
        ("Badr Abdelatty said Cairo would host the talks.", "Badr Abdelatty", "Badr"),
        # two capitalised words taken for a nationality: a personal name
        ("Ruben Vardanyan, a banker, was detained at the checkpoint.", "Ruben Vardanyan", "Ruben"),
    ],
)
def test_model_personal_names_kept_whole(nlp, text, name, absent):
    _, resolution = _model_resolution(nlp, text)
    found = _by_text(resolution)
    assert name in found and absent not in found
    assert resolution.actors[found[name]].type == "Person"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # the alias stays the group when a group noun or a headline verb follows it
        ("Badr fighters clashed with protesters in Basra.", "Badr fighters", "badr-organization"),
        ("Hezbollah Fires Rockets At Northern Israel", "Hezbollah", "hezbollah"),
        # nationality and creed words before a group are no person
        ("Sunni Arab leaders rejected the plan.", "Sunni Arab leaders", None),
    ],
)
def test_model_alias_and_norp_stay_what_they_are(nlp, text, phrase, expected):
    _, resolution = _model_resolution(nlp, text)
    found = _by_text(resolution)
    assert phrase in found
    actor = resolution.actors[found[phrase]]
    assert actor.type != "Person"
    if expected is not None:
        assert actor.id == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "sides", "joint"),
    [
        # a country coordinated before a group's modifiers is a side of its own
        ("Ethiopia and Tigray forces agree to stop fighting.", ("Ethiopia", "Tigray forces"), None),
        ("Sudan and Darfur rebels signed a truce in Doha.", ("Sudan", "Darfur rebels"), None),
        # two adjectives, or an acronym used as one: one joint group
        ("US and Iraqi forces raided the farm.", (), "US and Iraqi forces"),
        ("Turkish and Syrian officials met in Ankara.", (), "Turkish and Syrian officials"),
    ],
)
def test_model_country_and_group_are_two_sides(nlp, text, sides, joint):
    _, resolution = _model_resolution(nlp, text)
    found = _by_text(resolution)
    assert all(side in found for side in sides)
    assert len({found[side] for side in sides}) == len(sides)
    if joint is not None:
        assert joint in found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a name before a place noun is a place, never an organisation or person
        ("Refugees queued for hours at the Lachin crossing.", "Lachin crossing"),
        ("Soldiers closed the Zakho checkpoint on Monday.", "Zakho checkpoint"),
        ("Shells hit the Nahrawan district overnight.", "Nahrawan district"),
    ],
)
def test_model_name_before_a_place_noun_is_a_place(nlp, text, phrase):
    _, resolution = _model_resolution(nlp, text)
    found = _by_text(resolution)
    assert phrase in found
    assert resolution.actors[found[phrase]].type == "Place"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the force" refers back to an armed force whose name says force
        (
            "The Syrian Democratic Forces repelled the raid near Manbij. "
            "The force said two of its fighters were wounded.",
            "sdf",
        ),
        (
            "The Rapid Support Forces entered the town at dawn. "
            "The force said it now held the market.",
            "rapid-support-forces",
        ),
        # a named party is no force
        (
            "The Kurdistan Democratic Party rejected the vote. "
            "The force said nothing about the vote.",
            None,
        ),
    ],
)
def test_model_the_force_is_the_armed_force_named_before(nlp, text, expected):
    doc, resolution = _model_resolution(nlp, text)
    token = [token for token in doc if token.text == "force"][-1]
    actor, _ = resolution.resolve_reference(token)
    assert (actor.id if actor else None) == expected


# ---- the index: built once, lookups add nothing


def _drones_hit_the_protest_movement():
    return make_doc(
        "Drones hit the protest movement .",
        heads=[1, 1, 4, 4, 1, 1],
        deps=["nsubj", "ROOT", "det", "compound", "dobj", "punct"],
        pos=["NOUN", "VERB", "DET", "NOUN", "NOUN", "PUNCT"],
        lemmas=["drone", "hit", "the", "protest", "movement", "."],
    )


def _snapshot(index: ActorIndex) -> tuple[object, ...]:
    return (
        dict(index.actors),
        index.mentions,
        index.found,
        dict(index.by_token),
        dict(index.refs),
        index.claims,
    )


def test_index_is_frozen():
    import dataclasses

    index = _resolve(_drones_hit_baghdad())
    with pytest.raises(dataclasses.FrozenInstanceError):
        index.mentions = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        index.actors["iraqi-government"] = index.actors["baghdad"]  # type: ignore[index]
    with pytest.raises(TypeError):
        index.by_token[0] = index.found[0]  # type: ignore[index]
    assert isinstance(index.mentions, tuple) and isinstance(index.found, tuple)


def test_capital_lookup_as_agent_adds_nothing_to_the_index():
    doc = _drones_hit_baghdad()
    index = _resolve(doc)
    before = _snapshot(index)
    government = index.actor_at(doc[2], agent=True)
    assert government is not None and government.id == "iraqi-government"
    assert index.resolve_reference(doc[2]) == (government, "metonymy")
    # the government comes as a value, with the mention it implies; the index is unchanged
    implied = index.lookup(doc[2], agent=True).implied
    assert implied is not None and implied.actor == government
    assert implied.mention is not None
    assert (implied.mention.text, implied.mention.how) == ("Baghdad", "metonymy")
    assert _snapshot(index) == before
    assert "iraqi-government" not in index.actors
    assert index.actor_at(doc[2]).id == "baghdad"  # still the place when asked as a place


def test_described_group_lookup_adds_nothing_to_the_index():
    doc = _drones_hit_the_protest_movement()
    index = _resolve(doc)
    before = _snapshot(index)
    movement = doc[4]
    first = index.resolve_reference(movement)
    assert first[1] == "group" and first[0] is not None
    assert (first[0].id, first[0].type) == ("protest-movement", "Group")
    assert _snapshot(index) == before
    assert index.found_at(movement) is None and index.actor_at(doc[3]) is None
    assert index.resolve_reference(movement) == first  # asked again: the same answer


def test_asked_lookups_collect_the_same_whatever_the_order():
    from extract.actors.index import Asked

    doc = _drones_hit_baghdad()
    index = _resolve(doc)
    questions = [
        lambda asked: asked.actor_at(doc[2], agent=True),
        lambda asked: asked.resolve_reference(doc[2]),
        lambda asked: asked.actor_at(doc[2]),
        lambda asked: asked.actor_at(doc[0]),
    ]
    forward, backward = Asked(index), Asked(index)
    answers = [ask(forward) for ask in questions]
    assert [ask(backward) for ask in reversed(questions)] == answers[::-1]
    assert forward.implied() == backward.implied()
    actors, mentions = forward.implied()
    assert list(actors) == ["iraqi-government"]
    assert [(m.text, m.actor_id, m.how) for m in mentions] == [
        ("Baghdad", "iraqi-government", "metonymy")
    ]
    assert "iraqi-government" not in index.actors  # the index itself never grows


def test_extraction_collects_what_lookups_implied():
    from extract.extractor import extract_doc
    from extract.records import Document

    doc = _baghdad_denied()
    extraction = extract_doc(doc, Document(id="d", text=doc.text, source="s"), _registry())
    assert "iraqi-government" in {actor.id for actor in extraction.actors}
    hows = [(m.text, m.actor_id, m.how) for m in extraction.mentions]
    assert hows.count(("Baghdad", "iraqi-government", "metonymy")) == 1
