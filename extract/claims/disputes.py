"""Disputes within one article: a denial or rejection linked to the accusation it answers.

An affirmed DENY or REJECT claim answers an earlier affirmed ACCUSE claim of the same
article when the one who denies answers for the accused (`records.answers_for`: the
accused itself, its parent organisation, or the government of its country), is not the
accuser, and the two agree on the matter:

- ``dispute.pointer`` (0.8; 0.7 when the denier answers for another): the denial names
  the accusation itself ("Y denied the charge", `about.POINTER_NOUNS`), and the
  accusation is the last one before it, at most `POINTER_REACH` characters back. The
  denial then takes the accusation's matter as its own `about`.
- ``dispute.same_matter`` (0.7; 0.6): the denial's matter and the accusation's are the
  same (`records.same_matter`: "denied any role in the drone strike" answers "accused
  the group of the attack").

Anything else stays unlinked: a denial linked to the wrong accusation misleads more
than a denial left alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from extract.claims.about import Matter
from extract.records import Actor, Claim, Response, answers_for, same_matter

#: How far back (in characters of the document) "the charge" may point.
POINTER_REACH = 600

DENIALS = frozenset({"DENY", "REJECT"})


def _accusations(claims: Sequence[Claim]) -> list[Claim]:
    return [
        claim
        for claim in claims
        if claim.relation == "ACCUSE" and claim.polarity == "affirmed" and claim.object
    ]


def _may_answer(denial: Claim, accusation: Claim, actors: Mapping[str, Actor]) -> float | None:
    """The confidence factor of the denier answering `accusation`, or None if it cannot."""
    assert denial.subject is not None and accusation.object is not None
    if accusation.subject is not None and accusation.subject.id == denial.subject.id:
        return None
    if accusation.start >= denial.start:
        return None
    if denial.subject.id == accusation.object.id:
        return 0.0
    denier = actors.get(denial.subject.id)
    accused = actors.get(accusation.object.id)
    if denier is None or accused is None or not answers_for(denier, accused):
        return None
    return 0.1


def link_in_article(
    claims: Sequence[Claim], matters: Mapping[str, Matter], actors: Mapping[str, Actor]
) -> list[Claim]:
    """Give each claim its `about` and each denial the accusations it answers.

    Args:
        claims: one document's claims, with their final ids.
        matters: claim id -> the matter `extract.claims.about.find_about` found.
        actors: the document's actors by id.

    Returns:
        The claims in the same order, `about` and `responds` filled in.
    """
    ordered = sorted(claims, key=lambda claim: (claim.start, claim.end))
    accusations = _accusations(ordered)
    abouts = {
        claim.id: m.about for claim in claims if (m := matters.get(claim.id)) and not m.pointer
    }
    responses: dict[str, tuple[Response, ...]] = {}
    for denial in ordered:
        if denial.relation not in DENIALS or denial.polarity != "affirmed" or not denial.subject:
            continue
        matter = matters.get(denial.id)
        if matter is None:
            continue
        found: list[Response] = []
        if matter.pointer:
            before = [a for a in accusations if a.start < denial.start]
            last = before[-1] if before else None
            if last is not None and denial.start - last.end <= POINTER_REACH:
                lower = _may_answer(denial, last, actors)
                if lower is not None:
                    found.append(Response(last.id, "dispute.pointer", round(0.8 - lower, 2)))
                    if last.id in abouts:
                        abouts[denial.id] = abouts[last.id]
        else:
            for accusation in accusations:
                theirs = abouts.get(accusation.id)
                if theirs is None or not same_matter(theirs.key, matter.about.key):
                    continue
                lower = _may_answer(denial, accusation, actors)
                if lower is not None:
                    found.append(
                        Response(accusation.id, "dispute.same_matter", round(0.7 - lower, 2))
                    )
        if found:
            responses[denial.id] = tuple(found)
    return [
        replace(claim, about=abouts.get(claim.id), responds=responses.get(claim.id, ()))
        for claim in claims
    ]
