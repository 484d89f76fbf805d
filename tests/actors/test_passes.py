"""The actors stage's passes: their declared order, and that they are what runs."""

from __future__ import annotations

from extract.actors import resolve
from extract.actors.mentions import MENTION_STEPS


def test_actor_passes_are_declared_in_order():
    # references come after roles: "the minister" refers back to a person with a title
    assert [p.name for p in resolve.ACTOR_PASSES] == ["mentions", "roles", "references"]
    assert [p.needs_sentences for p in resolve.ACTOR_PASSES] == [False, True, True]


def test_mention_steps_are_declared_in_order():
    # groups read the names found before them; metonymy reads the capitals found last
    assert [step.__name__ for step in MENTION_STEPS] == [
        "_entities",
        "_missed_surnames",
        "_missed_acronyms",
        "_named_blocs",
        "_collect_groups",
        "_apply_metonymy",
        "_records",
    ]


def test_resolve_actors_runs_the_declared_passes_in_order(monkeypatch):
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from extract.actors.registry import Registry

    ran: list[str] = []
    passes = tuple(
        resolve.ActorPass(p.name, lambda c, name=p.name: ran.append(name), p.needs_sentences)
        for p in resolve.ACTOR_PASSES
    )
    monkeypatch.setattr(resolve, "ACTOR_PASSES", passes)
    words = ["Iraq", "said", "."]
    doc = Doc(English().vocab, words=words, sent_starts=[True, False, False])
    resolve.resolve_actors(doc, Registry())
    assert ran == ["mentions", "roles", "references"]
    ran.clear()
    resolve.resolve_actors(Doc(English().vocab, words=words), Registry())
    assert ran == ["mentions"]  # no sentence boundaries: no roles, no references
