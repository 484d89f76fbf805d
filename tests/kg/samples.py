"""Hand-built extraction records for the kg/ tests (no spaCy): two short articles.

The texts are written for these tests. Offsets are computed from the texts, so each
claim's sentence is exactly `text[start:end]`.
"""

from __future__ import annotations

from dataclasses import replace

from extract.records import Actor, ActorRef, Claim, Document, Extraction, Mention, Role, claim_id

KH = Actor(
    id="kataib-hezbollah",
    label="Kataib Hezbollah",
    type="ArmedGroup",
    aliases=("Kata'ib Hezbollah", "Kataib Hizbullah"),
    wikidata="Q1139220",
    sector="REB",
    parent="pmf",
)
PMF = Actor(
    id="pmf",
    label="Popular Mobilization Forces",
    type="ArmedGroup",
    aliases=("PMF", "Hashd al-Shaabi"),
    sector="MIL",
)
KRG = Actor(
    id="krg",
    label="Kurdistan Regional Government",
    type="Government",
    aliases=("KRG", "Erbil"),
)
MASROUR = Actor(
    id="masrour-barzani",
    label="Masrour Barzani",
    type="Person",
    aliases=("Barzani",),
    roles=(Role("Prime Minister", organisation="krg", start="2019-07-10"),),
)
NECHIRVAN = Actor(
    id="nechirvan-barzani",
    label="Nechirvan Barzani",
    type="Person",
    aliases=("Barzani",),
)
US = Actor(id="us-government", label="US government", type="Government", aliases=("Washington",))
IRAQ = Actor(
    id="iraqi-government", label="Iraqi government", type="Government", aliases=("Baghdad",)
)

TEXT_A = (
    "Kataib Hezbollah denied any role in the drone strike near Erbil. "
    "The KRG accused the group of the attack. "
    '"We will not let this pass," said Masrour Barzani.'
)
TEXT_B = (
    "US officials called on Baghdad to rein in the militias. "
    "The Hashd al-Shaabi did not claim responsibility for the strike. "
    "Kataib Hezbollah, part of the PMF, has fighters in Syria."
)


def _claim(
    doc: Document,
    sentence: str,
    relation: str,
    subject: Actor | None,
    object_: Actor | None,
    speaker: Actor | None,
    cue: str,
    *,
    quote: str | None = None,
    polarity: str = "affirmed",
    modality: str = "asserted",
    confidence: float = 0.7,
) -> Claim:
    start = doc.text.index(sentence)
    end = start + len(sentence)
    refs: list[ActorRef | None] = [a.ref() if a else None for a in (subject, object_, speaker)]
    return Claim(
        id=claim_id(doc.id, relation, refs[0], refs[1], refs[2], quote, start, end),
        doc_id=doc.id,
        relation=relation,
        subject=refs[0],
        object=refs[1],
        speaker=refs[2],
        cue=cue,
        quote=quote,
        text=sentence,
        start=start,
        end=end,
        polarity=polarity,
        modality=modality,
        confidence=confidence,
        rule="test",
    )


def _mentions(text: str, pairs: tuple[tuple[Actor, str], ...]) -> tuple[Mention, ...]:
    out = []
    for actor, surface in pairs:
        start = text.index(surface)
        out.append(Mention(actor.id, surface, start, start + len(surface), "registry"))
    return tuple(out)


def article_a(text: str = TEXT_A) -> Extraction:
    """Three claims: a DENY without object, an ACCUSE, a quoted STATEMENT."""
    doc = Document(
        id="doc-a",
        text=text,
        source="articles/a.txt",
        title="Drone strike near Erbil",
        date="2024-01-05",
        publisher="Test Wire",
    )
    sentences = [s.strip() + ("" if s.strip().endswith(".") else ".") for s in text.split(". ")]
    claims = [
        _claim(doc, sentences[0], "DENY", KH, None, KH, "denied", confidence=0.8),
        _claim(doc, sentences[1], "ACCUSE", KRG, KH, KRG, "accused", confidence=0.9),
    ]
    if len(sentences) > 2 and "Masrour Barzani" in sentences[2]:
        claims.append(
            _claim(
                doc,
                sentences[2],
                "STATEMENT",
                MASROUR,
                None,
                MASROUR,
                "said",
                quote="We will not let this pass,",
            )
        )
    mentions = _mentions(
        text, ((KH, "Kataib Hezbollah"), (KRG, "Erbil"), (KRG, "KRG"), (KH, "the group"))
    )
    if "Masrour Barzani" in text:
        mentions += _mentions(text, ((MASROUR, "Masrour Barzani"),))
    return Extraction(
        document=doc,
        actors=(KH, KRG, MASROUR) if "Masrour" in text else (KH, KRG),
        mentions=mentions,
        claims=tuple(claims),
    )


def article_b() -> Extraction:
    """A REQUEST, a negated CLAIM_RESPONSIBILITY and an AFFILIATED_WITH."""
    doc = Document(id="doc-b", text=TEXT_B, source="articles/b.txt", date="2024-02-11")
    s1, s2, s3 = (s if s.endswith(".") else s + "." for s in TEXT_B.split(". "))
    claims = (
        _claim(doc, s1, "REQUEST", US, IRAQ, US, "called on", modality="reported"),
        _claim(doc, s2, "CLAIM_RESPONSIBILITY", PMF, None, PMF, "claim", polarity="negated"),
        _claim(doc, s3, "AFFILIATED_WITH", KH, PMF, None, "part of", confidence=0.6),
    )
    mentions = _mentions(
        TEXT_B,
        ((US, "US officials"), (IRAQ, "Baghdad"), (PMF, "Hashd al-Shaabi"), (PMF, "PMF")),
    ) + _mentions(TEXT_B, ((KH, "Kataib Hezbollah"),))
    return Extraction(
        document=doc, actors=(US, IRAQ, PMF, KH, NECHIRVAN), mentions=mentions, claims=claims
    )


def registry_actors() -> tuple[Actor, ...]:
    """What a registry would say: KRG's registry label differs from the articles'."""
    return (replace(KRG, label="Kurdistan Region Government"), KH, PMF)
