"""Romanisation variants (`extract.actors.variants`): the folding, the guards of
`same_name` / `same_actor`, the registry's folded lookup and `VariantIndex` linking.

The names and sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from extract.actors.variants import (
    VariantIndex,
    fold_name,
    link_extractions,
    same_actor,
    same_name,
)
from extract.records import Actor, ActorRef, Claim, Document, Extraction, Failure, Mention
from tests.helpers import extraction_of_text


@pytest.mark.parametrize(
    ("spellings", "folded"),
    [
        (("Moqtada al-Sadr", "Muqtada Sadr", "Moktada al Sadr", "Muqtada as-Sadr"), "muktada sadr"),
        (("Qassim Soleimani", "Qasem Suleimani", "Kassem Soleymani"), "kasim sulaimani"),
        (
            ("Hashid Shaabi", "Hashed Sha'abi", "Hashed Sha’abi", "Hashid ash-Shaabi"),
            "hashid shabi",
        ),
        (("Nouri al-Maliki", "Nuri el-Maliki", "Noori Maliki"), "nuri maliki"),
        (("Abu Mahdi al-Muhandis", "Abu Mahdi el-Mohandes"), "abu mahdi muhandis"),
        (("Adel Abdul Mahdi", "Adil Abd al-Mahdi", "Adel Abdel Mahdi"), "adil abd mahdi"),
        (("Mustafa al-Kadhimi", "Mostafa Kazimi"), "mustafa kazimi"),
        (("Fatemeh Rahimi", "Fatimah Rahimi", "Fatima Rahimi"), "fatima rahimi"),  # -eh/-ah
        (("Shiʿi", "Shi'i"), "shi"),  # an ayn mark, an apostrophe
        (("Kareem Hussein", "Karim Husayn", "Karim Husain"), "karim husain"),
    ],
)
def test_fold_name_gives_every_spelling_one_form(spellings, folded):
    assert {fold_name(spelling) for spelling in spellings} == {folded}


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("Saleh", "Salah"),  # a short part keeps its -eh: Salih, not Salah
        ("Hamid", "Hamad"),
        ("Omar", "Amer"),
    ],
)
def test_fold_name_keeps_different_names_apart(name, other):
    assert fold_name(name) != fold_name(other)


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("Qassim Sulaimani", "Qasem Sulimani"),  # folding, then one dropped vowel
        ("Hashd al-Shaabi", "Hashid Shaabi"),  # an inserted vowel in a part of five letters
        ("Muqtadir Hashemi", "Moqtadir al-Hashimi"),
    ],
)
def test_same_name_links_spellings(name, other):
    assert same_name(name, other, person=True)


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("Nechirvan Barzani", "Masrour Barzani"),  # every part must match
        ("Ali Hassan", "Ali Hussein"),
        ("Jon Lee", "Jan Lee"),  # a part under four letters must match exactly
        ("Omar Ahmed", "Amer Ahmed"),
        ("Ammar Hakim", "Ammar Hakimi"),  # a name's ending is part of it
        ("Hadi al-Amiri", "Hadi Salman al-Amiri"),  # not the same number of parts
        ("Barzani", "Barzani"),  # a bare surname is no one's
    ],
)
def test_same_name_keeps_two_people_apart(name, other):
    assert not same_name(name, other, person=True)


def test_a_one_part_name_links_when_it_is_no_person():
    assert same_name("Hizbullah", "Hezbollah", person=False)
    assert not same_name("Hizbullah", "Hezbollah", person=True)


def test_same_actor_needs_the_same_type():
    person = Actor(id="basim-kasim", label="Basim Kasim", type="Person")
    place = Actor(id="basem-qasem", label="Basem Qasem", type="Place")
    assert not same_actor(person, place)
    assert same_actor(person, Actor(id="basem-qasem", label="Basem Qasem", type="Person"))


def test_two_registry_actors_never_merge():
    one = Actor(id="hashid-front", label="Hashid Front", type="ArmedGroup")
    other = Actor(id="hashed-front", label="Hashed Front", type="ArmedGroup")
    assert not same_actor(one, other, registry_ids=frozenset({one.id, other.id}))
    assert same_actor(one, other, registry_ids=frozenset({one.id}))


# ---- the registry: a spelling it does not list finds its actor


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Moktada al-Sadr", "muqtada-al-sadr"),
        ("Muqtada el-Sadr", "muqtada-al-sadr"),
        ("Kassem Suleimani", "qassem-soleimani"),
        ("Qasim Soleymani", "qassem-soleimani"),
    ],
)
def test_registry_lookup_finds_a_variant_spelling(registry, name, actor_id):
    actor = registry.lookup(name)
    assert actor is not None and actor.id == actor_id


def test_registry_lookup_of_a_variant_needs_the_whole_name(registry):
    assert registry.lookup("Moktada") is None  # one part of a person's name
    assert registry.lookup("Moktada al-Hakim") is None


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Moktada al-Sadr told his supporters on Friday to leave the square.",
        "Cleric Muqtada el-Sadr called on the government to resign, aides said.",
    ],
)
def test_a_variant_in_a_sentence_is_the_registry_actor(nlp, registry, text):
    extraction = extraction_of_text(nlp, registry, text)
    assert "muqtada-al-sadr" in {actor.id for actor in extraction.actors}
    assert not any(
        "sadr" in actor.id for actor in extraction.actors if actor.id != "muqtada-al-sadr"
    )


# ---- linking across documents


def _extraction(doc_id: str, *actors: Actor, claims: tuple[Claim, ...] = ()) -> Extraction:
    document = Document(id=doc_id, text="", source=doc_id)
    mentions = tuple(Mention(a.id, a.label, 0, len(a.label), "ner") for a in actors)
    return Extraction(document=document, actors=actors, mentions=mentions, claims=claims)


def _person(label: str, **fields) -> Actor:
    return Actor(id=label.lower().replace(" ", "-"), label=label, type="Person", **fields)


def test_a_later_spelling_takes_the_first_id_and_is_kept_as_an_alias():
    first = _person("Muqtadir al-Hashemi")
    later = _person("Moqtadir Hashimi")
    speaker = ActorRef(later.id, later.label, "Person")
    claim = Claim("c1", "d2", "STATEMENT", None, None, speaker, "said", None, "", 0, 0)
    index = VariantIndex([first])
    linked = index.link(_extraction("d2", later, claims=(claim,)))
    (actor,) = linked.actors
    assert (actor.id, actor.label, actor.aliases) == (first.id, first.label, (later.label,))
    assert {m.actor_id for m in linked.mentions} == {first.id}
    assert linked.claims[0].speaker == ActorRef(first.id, first.label, "Person")


def test_linking_leaves_other_people_and_known_ids_alone():
    index = VariantIndex([_person("Nechirvan Barzani"), _person("Ali Hassan")])
    other = _extraction("d2", _person("Masrour Barzani"), _person("Ali Hussein"))
    assert index.link(other) is other
    again = _extraction("d3", _person("Nechirvan Barzani"))
    assert index.link(again) is again


def test_a_name_with_two_candidates_links_to_neither():
    index = VariantIndex([_person("Kassem Hashemi"), _person("Qasim Hashimi")])
    extraction = _extraction("d3", _person("Qassem Hashemy"))
    assert index.link(extraction) is extraction


def test_a_registry_actor_is_never_relinked():
    index = VariantIndex([_person("Moqtadir Hashemi")], registry_ids={"muqtadir-hashimi"})
    extraction = _extraction("d2", _person("Muqtadir Hashimi"))
    assert index.link(extraction) is extraction


def test_a_bare_surname_never_links_across_documents():
    index = VariantIndex([_person("Muqtadir Hashemi")])
    extraction = _extraction("d2", _person("Hashimi"))
    assert index.link(extraction) is extraction


def test_two_spellings_in_one_document_linked_to_one_actor_are_one_record():
    index = VariantIndex([_person("Muqtadir Hashemi")])
    linked = index.link(_extraction("d2", _person("Moqtadir Hashimi"), _person("Muktadir Hashemi")))
    (actor,) = linked.actors
    assert actor.aliases == ("Moqtadir Hashimi", "Muktadir Hashemi")


def test_link_extractions_links_a_run_in_order_and_passes_failures():
    failure = Failure("x.txt", "x.txt: unreadable")
    results = list(
        link_extractions(
            [
                _extraction("d1", _person("Nouri Jabbari")),
                failure,
                _extraction("d2", _person("Nuri al-Jabari")),
            ]
        )
    )
    assert results[1] is failure
    assert [a.id for r in results if isinstance(r, Extraction) for a in r.actors] == [
        "nouri-jabbari",
        "nouri-jabbari",
    ]


def test_an_actor_keyed_by_context_is_kept_apart():
    # two Interior Ministries, told apart by their countries: the same name, no link
    ours = Actor("iraq-interior-ministry", "Interior Ministry", "Government", country="iraq")
    theirs = Actor("syria-interior-ministry", "Interior Ministry", "Government", country="syria")
    index = VariantIndex([ours])
    extraction = _extraction("d2", theirs)
    assert index.link(extraction) is extraction
    # nor does a name-keyed actor link to one keyed by context
    plain = Actor("interior-ministry", "Interior Ministry", "Government")
    assert VariantIndex([ours]).match(plain) is None
