"""The claim lexicons: speech cues, relation verbs/nouns/phrases, polarity and modality words.

The words live in YAML beside this module (`lexicon/cues.yaml`, `lexicon/relations.yaml`)
so an analyst can extend them without touching Python; this module reads them once into
a frozen `Lexicon` and answers "which relation does this word express?".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from extract.errors import LexiconError as LexiconError  # re-exported for the readers
from extract.lexicon import LEXICON_DIR, read_yaml
from extract.lexicon.schema import RELATION_ENTRY, Kind, Schema, check_lexicon
from extract.relations import CODEBOOK, RELATIONS_FILE, is_code_key

CUES_FILE = LEXICON_DIR / "cues.yaml"
WORDS_FILE = LEXICON_DIR / "words.yaml"


@dataclass(frozen=True)
class Phrase:
    """A verb that expresses `relation` only with a given particle/preposition or object.

    "call on" (prep) -> REQUEST; "claim responsibility" (object) -> CLAIM_RESPONSIBILITY;
    with both, the preposition with that object ("go on strike" -> PROTEST, not "went on").
    """

    verb: str
    relation: str
    preps: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """Everything the claim finders look words up in; built by `load_lexicon`."""

    speech: Mapping[str, str]  # speech verb lemma -> relation code
    verbs: Mapping[str, str]  # act verb lemma -> relation code
    nouns: Mapping[str, str]  # event noun lemma -> relation code
    phrases: tuple[Phrase, ...]
    instruments: frozenset[str]
    mishaps: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    stand_ins: frozenset[str] = frozenset()
    #: verbs that, with a person or a thing granted as object, withhold it ("denied them
    #: entry") rather than deny a charge
    withholding_verbs: frozenset[str] = frozenset()
    #: nouns of such verbs, which withhold what their "of" names ("denial of rights")
    withholding_nouns: frozenset[str] = frozenset()
    #: what such a verb withholds ("access", "entry", "a way out")
    withheld_objects: frozenset[str] = frozenset()
    #: verbs whose direct object is what is talked about, never a party ("discussed U.S.
    #: efforts with X": X is consulted, the efforts are the topic)
    topic_verbs: frozenset[str] = frozenset()
    #: verbs that make a request when they take an object and an infinitive ("expects X to")
    request_control: frozenset[str] = frozenset()
    #: warning verbs that threaten only when the warner speaks of its own action
    conditional_threats: frozenset[str] = frozenset()
    #: verbs whose "on" argument is the one blamed ("blamed the attack on X")
    blame_on: frozenset[str] = frozenset()
    #: protest verbs that show or gather with an object or a clause ("demonstrated that")
    showing_verbs: frozenset[str] = frozenset()
    #: qualities a showing verb shows ("the spirit demonstrated"), never a protest
    shown_qualities: frozenset[str] = frozenset()
    #: prepositions of defiance: criticism "despite" which one acts is aimed at one
    defiance_preps: frozenset[str] = frozenset()
    #: nouns of a people or a public: an audience, no party met ("the American people")
    audience_nouns: frozenset[str] = frozenset()
    #: verbs of welcoming, where "to" says where one is welcomed, not whom
    welcoming_verbs: frozenset[str] = frozenset()
    #: verbs whose "be to" infinitive blames the subject ("Russia is to blame")
    owed_blame: frozenset[str] = frozenset()
    #: verbs whose object noun of necessity makes a request ("stressed the need for X to")
    necessity_verbs: frozenset[str] = frozenset()
    #: nouns of necessity ("need", "importance") that turn such a verb into a request
    necessity_nouns: frozenset[str] = frozenset()
    #: verbs that accuse their object when it is called responsible ("held X responsible")
    accountable_verbs: frozenset[str] = frozenset()
    #: nouns of blame that, as the subject of a shift verb, accuse ("blame turned to X")
    blame_nouns: frozenset[str] = frozenset()
    #: verbs that move blame onto their "to"/"on" object ("suspicion fell on X")
    blame_shift_verbs: frozenset[str] = frozenset()
    #: verbs that accuse their subject in the passive with an act of force ("linked to")
    link_verbs: frozenset[str] = frozenset()
    #: verbs that accuse the one an act of force is put down to ("attributed the bombing to X")
    attribution_verbs: frozenset[str] = frozenset()
    #: acts of harm besides force that such a verb can put down to someone ("the killings")
    harms: frozenset[str] = frozenset()
    #: verbs of force that attack in words when their object is something said or decided
    #: or when a channel of speech carries them ("attacked the ruling", "hit X on Twitter")
    verbal_attack_verbs: frozenset[str] = frozenset()
    #: what is said or decided, attacked in words ("the ruling", "the plan", "the remarks")
    verbal_targets: frozenset[str] = frozenset()
    #: what is said, decided or proposed whose "of" argument is its author ("the decision
    #: of X"), not what it concerns ("the investigation of X")
    authored_nouns: frozenset[str] = frozenset()
    #: channels of speech an attack in words goes through ("on Twitter", "in a speech")
    verbal_channels: frozenset[str] = frozenset()
    #: verbs of comment whose refusal is a statement ("declined to comment")
    comment_verbs: frozenset[str] = frozenset()
    #: adjectives that express intent to cooperate ("is willing to send")
    intent_adjectives: frozenset[str] = frozenset()
    #: adjectives of intent that state a standing policy, not an offer ("committed to")
    policy_adjectives: frozenset[str] = frozenset()
    #: verbs whose negation with a modal is a threat ("will not tolerate attacks")
    refusal_threats: frozenset[str] = frozenset()
    #: verbs that release whoever they take as a named person ("released Tsurkov")
    release_verbs: frozenset[str] = frozenset()
    #: verbs by which a body backs a person it confirms or elects ("confirmed X")
    confirmation_verbs: frozenset[str] = frozenset()
    #: verbs that end or cut the act their object names ("ended its support for X")
    stopping_verbs: frozenset[str] = frozenset()
    #: verbs of wishing whose "to see" complement is an act wished, not done
    wish_verbs: frozenset[str] = frozenset()
    #: verbs of telling whose object is what they tell ("reported sixteen deaths")
    content_cues: frozenset[str] = frozenset()
    #: speech verbs whose "that" clause of what must be done is a request ("insisted that")
    mandative_cues: frozenset[str] = frozenset()
    #: imperatives that are formulas of speech, no command ("let me", "thank you")
    imperative_formulas: frozenset[str] = frozenset()
    #: verbs of charging that also give a duty ("charged with overseeing the vote")
    duty_charge_verbs: frozenset[str] = frozenset()
    #: what such a duty is: a gerund's verb or a noun after "with"
    duties: frozenset[str] = frozenset()
    #: verbs of talking that, done over a line, are a call ("spoke on the phone")
    call_verbs: frozenset[str] = frozenset()
    journey_verbs: frozenset[str] = frozenset()
    #: the lines such a call is made over ("phone", "video link")
    call_lines: frozenset[str] = frozenset()
    #: commitments whose co-subjects make the same pledge, not one to each other
    one_sided_commitments: frozenset[str] = frozenset()
    #: legal steps that, announced by their doer, threaten ("said it would sue X")
    legal_actions: frozenset[str] = frozenset()
    #: verbs whose complement is a step their subject means to take ("intends to sue")
    intent_heads: frozenset[str] = frozenset()
    #: objects of a RETREAT phrase whose possessor is the one released ("X's sentence")
    held_nouns: frozenset[str] = frozenset()
    #: envoys and missions standing for the state their nationality adjective names
    envoys: frozenset[str] = frozenset()
    #: verbs of choosing a person for a post ("chose X as his running mate")
    choice_verbs: frozenset[str] = frozenset()
    #: the posts that make such a choice one of a person (after "as")
    choice_posts: frozenset[str] = frozenset()
    #: objects of a SUPPORT phrase whose possessor or "of" object is backed ("X's efforts")
    credited_nouns: frozenset[str] = frozenset()
    #: nouns of thanks, whose "to" or "of" object is backed ("his thanks to X")
    gratitude_nouns: frozenset[str] = frozenset()
    #: nouns of joint action whose "in ... with X" phrase makes its verb's subject a
    #: partner of X ("in partnership with X, the agency ...")
    joint_nouns: frozenset[str] = frozenset()
    #: two-word event nouns whose relation differs from the head noun's ("hunger strike")
    compound_nouns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: verb phrases that threaten when said with a future modal and an open-ended measure
    #: ("will take whatever actions are necessary")
    modal_threats: tuple[Phrase, ...] = ()
    according_to: str = "STATEMENT"
    sources: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    negating_determiners: frozenset[str] = frozenset()
    #: objects that negate their act ("conceded nothing", "killed nobody")
    negating_objects: frozenset[str] = frozenset()
    negating_heads: frozenset[str] = frozenset()
    hypothetical: frozenset[str] = frozenset()
    hypothetical_marks: frozenset[str] = frozenset()
    hypothetical_heads: frozenset[str] = frozenset()
    alleged: frozenset[str] = frozenset()
    #: predicates of a reported clause about who did an act ("was behind", "not involved")
    responsibility: frozenset[str] = frozenset()
    #: speech verbs accusing their reported clause's subject ("alleged X had ...")
    allegation_verbs: frozenset[str] = frozenset()
    #: verbs of agreeing that share a view with a clause or nothing ("agreed that ...")
    opinion_verbs: frozenset[str] = frozenset()
    #: verbs of knowing or saying whose clause, under a first-person subject, is what a
    #: quote asserts ('"We know that X violated ..."')
    frame_verbs: frozenset[str] = frozenset()
    #: speech verbs contesting what they report: force told done by another is alleged
    contested_cues: frozenset[str] = frozenset()
    #: modals of obligation: "X said Y must withdraw" is X's demand of Y
    obligation: frozenset[str] = frozenset()
    #: verbs of need whose infinitive is obliged ("needs to withdraw", "has to resign")
    obligation_heads: frozenset[str] = frozenset()
    #: verbs that state an attitude through their object ("expressed concern", "voiced
    #: interest"): a STATEMENT of their subject, never a cue for the act finders
    attitude_cues: frozenset[str] = frozenset()
    #: verbs that withhold speech ("declined to say"): the speech verb under them is no cue
    declining_heads: frozenset[str] = frozenset()
    #: verbs of reluctance whose negation affirms the act under them ("not hesitate to")
    reluctance_heads: frozenset[str] = frozenset()
    #: emotive adjectives whose infinitive is done ("proud to endorse X")
    factive_adjectives: frozenset[str] = frozenset()
    #: verbs of knowing: obliged, they warn or assure and ask no act ("must know that")
    knowing_verbs: frozenset[str] = frozenset()
    #: verbs that carry a speaker on into a quote, bare ('Johnson continued, "..."')
    carrying_cues: frozenset[str] = frozenset()
    #: adjectives that make an event noun a supposition ("a possible withdrawal")
    hypothetical_adjectives: frozenset[str] = frozenset()
    #: words whose complement clause is an estimate, no act ("it is likely that X will")
    likelihood_heads: frozenset[str] = frozenset()
    #: verbs that name what their object is ("called the raid a crime"): a verdict
    verdict_verbs: frozenset[str] = frozenset()
    #: verdict verbs that state a view also when the name carries no stance
    describing_verbs: frozenset[str] = frozenset()
    #: words of a verdict that condemn (ACCUSE) or approve (SUPPORT)
    condemning_words: frozenset[str] = frozenset()
    approving_words: frozenset[str] = frozenset()
    #: words whose naming of an actor praises it ("Talabani was a brilliant statesman"):
    #: the speaker's SUPPORT
    praising_words: frozenset[str] = frozenset()
    #: words that heighten ("great", "best") and praise only a word for a person's worth
    #: (`praise_heads`: "the best person", "a great leader")
    praise_intensifiers: frozenset[str] = frozenset()
    praise_heads: frozenset[str] = frozenset()
    #: words of thanks the speaker owes to an actor ("we are grateful to X")
    gratitude_words: frozenset[str] = frozenset()
    #: prefixes that turn a condemning word into a fight against it ("anti-terrorist")
    counter_prefixes: frozenset[str] = frozenset()
    #: marks of a condition a threat sets ("unless X stops", "if X does not"): not
    #: "whether", which `hypothetical_marks` holds too
    condition_marks: frozenset[str] = frozenset()
    #: prepositions of an adverbial joint-action phrase ("in partnership with X")
    joint_preps: frozenset[str] = frozenset()
    #: words that make a modal threat's measure open-ended ("whatever actions")
    open_ended: frozenset[str] = frozenset()
    # Function words (words.yaml): what each is for is said there.
    first_person: frozenset[str] = frozenset()
    first_person_plural: frozenset[str] = frozenset()
    self_pronouns: frozenset[str] = frozenset()
    reporter_pronouns: frozenset[str] = frozenset()
    personal_pronouns: frozenset[str] = frozenset()
    thing_pronouns: frozenset[str] = frozenset()
    demonstratives: frozenset[str] = frozenset()
    referring_determiners: frozenset[str] = frozenset()
    pair_determiners: frozenset[str] = frozenset()
    indefinite_determiners: frozenset[str] = frozenset()
    future_modals: frozenset[str] = frozenset()
    quoted_future_modals: frozenset[str] = frozenset()
    refusal_modals: frozenset[str] = frozenset()
    threat_preps: frozenset[str] = frozenset()
    threat_place_preps: frozenset[str] = frozenset()
    threat_source_preps: frozenset[str] = frozenset()
    blamed_preps: frozenset[str] = frozenset()
    party_preps: frozenset[str] = frozenset()
    #: subjects that stand for the parties of a meeting just told ("they", "the two")
    together_words: frozenset[str] = frozenset()
    #: object pronouns naming the one something is withheld from ("denied them entry")
    object_pronouns: frozenset[str] = frozenset()
    locative_preps: frozenset[str] = frozenset()
    author_preps: frozenset[str] = frozenset()
    #: channels a document is posted on, whose owner speaks through it ("X's account")
    owned_channels: frozenset[str] = frozenset()
    #: verbs whose subject issues the document they take ("issued a statement which said")
    issuing_verbs: frozenset[str] = frozenset()
    cue_preps: frozenset[str] = frozenset()

    def is_content_noun(self, lemma: str) -> bool:
        """Whether `lemma` names an act or its content ("charge", "threat", "attack"),
        which as an object is never the actor acted upon. The object of a phrase's
        preposition is where the act is done, no content ("challenge X in court": a court
        can be acted upon)."""
        return lemma in self.nouns or any(
            lemma in phrase.objects
            for phrase in self.phrases
            if phrase.relation not in _THING_GIVEN_RELATIONS and not phrase.preps
        )

    def is_speech(self, lemma: str) -> bool:
        """Whether `lemma` is a verb that reports speech ("say", "tell", "accuse")."""
        return lemma in self.speech

    def speech_relation(self, lemma: str) -> str:
        """The relation a speech cue expresses: the sharper act code if there is one."""
        return self.verbs.get(lemma) or self.speech.get(lemma, "STATEMENT")


#: Relations whose phrase objects are who or what is released, sent or given ("released
#: prisoners", "sent troops", "recalled its ambassador"): those nouns may well name actors.
_THING_GIVEN_RELATIONS = CODEBOOK.having("thing_given")


#: Lexicon fields that are plain word lists, by the file that holds them.
_RELATION_WORDS = (
    "instruments",
    "mishaps",
    "stand_ins",
    "light_verbs",
    "request_control",
    "conditional_threats",
    "blame_on",
    "welcoming_verbs",
    "audience_nouns",
    "defiance_preps",
    "showing_verbs",
    "shown_qualities",
    "owed_blame",
    "necessity_verbs",
    "necessity_nouns",
    "blame_nouns",
    "blame_shift_verbs",
    "comment_verbs",
    "verbal_attack_verbs",
    "verbal_targets",
    "authored_nouns",
    "verbal_channels",
    "link_verbs",
    "attribution_verbs",
    "harms",
    "accountable_verbs",
    "intent_adjectives",
    "policy_adjectives",
    "refusal_threats",
    "release_verbs",
    "confirmation_verbs",
    "stopping_verbs",
    "wish_verbs",
    "one_sided_commitments",
    "call_verbs",
    "journey_verbs",
    "call_lines",
    "duty_charge_verbs",
    "duties",
    "legal_actions",
    "intent_heads",
    "held_nouns",
    "envoys",
    "choice_verbs",
    "choice_posts",
    "credited_nouns",
    "gratitude_nouns",
    "joint_nouns",
    "withheld_objects",
    "withholding_verbs",
    "withholding_nouns",
    "topic_verbs",
    "joint_preps",
    "open_ended",
)
_CUE_WORDS = (
    "sources",
    "negators",
    "negating_determiners",
    "negating_objects",
    "negating_heads",
    "hypothetical",
    "hypothetical_marks",
    "condition_marks",
    "hypothetical_heads",
    "hypothetical_adjectives",
    "likelihood_heads",
    "attitude_cues",
    "declining_heads",
    "reluctance_heads",
    "factive_adjectives",
    "knowing_verbs",
    "carrying_cues",
    "verdict_verbs",
    "describing_verbs",
    "condemning_words",
    "approving_words",
    "praising_words",
    "praise_intensifiers",
    "praise_heads",
    "gratitude_words",
    "counter_prefixes",
    "alleged",
    "obligation",
    "obligation_heads",
    "responsibility",
    "allegation_verbs",
    "contested_cues",
    "opinion_verbs",
    "frame_verbs",
    "imperative_formulas",
    "content_cues",
    "mandative_cues",
)
_FUNCTION_WORDS = (
    "first_person",
    "first_person_plural",
    "self_pronouns",
    "reporter_pronouns",
    "personal_pronouns",
    "thing_pronouns",
    "demonstratives",
    "referring_determiners",
    "pair_determiners",
    "indefinite_determiners",
    "future_modals",
    "quoted_future_modals",
    "refusal_modals",
    "threat_preps",
    "threat_place_preps",
    "threat_source_preps",
    "blamed_preps",
    "party_preps",
    "together_words",
    "object_pronouns",
    "locative_preps",
    "author_preps",
    "owned_channels",
    "issuing_verbs",
    "cue_preps",
)

#: What each lexicon file may hold (`extract.lexicon.schema`).
CUES_SCHEMA = Schema(
    name="cues.yaml",
    keys=MappingProxyType(
        {"speech": Kind.CODE_MAP, "according_to": Kind.CODE}
        | {name: Kind.WORDS for name in _CUE_WORDS}
    ),
)
RELATIONS_SCHEMA = Schema(
    name="relations.yaml",
    keys=MappingProxyType(
        {
            "modal_threats": Kind.PHRASES,
            "compound_nouns": Kind.CODE_MAP,
            "classes": Kind.TEXT_MAP,  # read by extract.relations
        }
        | {name: Kind.WORDS for name in _RELATION_WORDS}
    ),
    entries=RELATION_ENTRY,
)
WORDS_SCHEMA = Schema(
    name="words.yaml", keys=MappingProxyType({name: Kind.WORDS for name in _FUNCTION_WORDS})
)


def read_lexicon_file(path: Path) -> dict[str, Any]:
    """The top-level mapping of a lexicon YAML file, unchecked (`extract.lexicon.schema`).

    Raises:
        LexiconError: the file is missing, not YAML, or not a mapping.
    """
    return read_yaml(path)


def parse_lexicon(
    cues: Mapping[str, Any],
    relations: Mapping[str, Any],
    words: Mapping[str, Any] = MappingProxyType({}),
) -> Lexicon:
    """Build a `Lexicon` from the parsed contents of cues.yaml, relations.yaml and words.yaml.

    Args:
        cues: the mapping read from cues.yaml.
        relations: the mapping read from relations.yaml.
        words: the mapping read from words.yaml (none: no function-word lists).

    Returns:
        The lexicon.

    Raises:
        LexiconError: a key is not declared in the file's schema, an entry names an
            unknown relation code, or a value has the wrong type.
    """
    cues = check_lexicon(cues, CUES_SCHEMA)
    relations = check_lexicon(relations, RELATIONS_SCHEMA)
    words = check_lexicon(words, WORDS_SCHEMA)
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    phrases: list[Phrase] = []
    for code, entry in relations.items():
        if not is_code_key(code):
            continue  # a word list, or the codebook's class table (extract.relations)
        for verb in entry.get("verbs", ()):
            verbs.setdefault(verb, code)
        for noun in entry.get("nouns", ()):
            nouns.setdefault(noun, code)
        phrases.extend(
            Phrase(
                verb=item["verb"],
                relation=code,
                preps=frozenset(item["prep"]),
                objects=frozenset(item["object"]),
            )
            for item in entry.get("phrases", ())
        )
    return Lexicon(
        speech=MappingProxyType(cues.get("speech", {})),
        verbs=MappingProxyType(verbs),
        nouns=MappingProxyType(nouns),
        phrases=tuple(phrases),
        modal_threats=tuple(
            Phrase(verb=item["verb"], relation="THREATEN", objects=frozenset(item["object"]))
            for item in relations.get("modal_threats", ())
        ),
        compound_nouns=MappingProxyType(relations.get("compound_nouns", {})),
        according_to=cues.get("according_to", "STATEMENT"),
        **{name: frozenset(relations.get(name, ())) for name in _RELATION_WORDS},
        **{name: frozenset(cues.get(name, ())) for name in _CUE_WORDS},
        **{name: frozenset(words.get(name, ())) for name in _FUNCTION_WORDS},
    )


@lru_cache(maxsize=8)
def load_lexicon(
    cues_file: Path = CUES_FILE,
    relations_file: Path = RELATIONS_FILE,
    words_file: Path = WORDS_FILE,
) -> Lexicon:
    """Read the shipped (or given) cue, relation and function-word lexicons, once per files.

    Args:
        cues_file: the speech-cue YAML.
        relations_file: the relation YAML.
        words_file: the function-word YAML.

    Returns:
        The lexicon.

    Raises:
        LexiconError: a file is missing, not YAML, or holds an unusable entry.
    """
    return parse_lexicon(read_yaml(cues_file), read_yaml(relations_file), read_yaml(words_file))


def phrase_relation(
    lexicon: Lexicon,
    verb: str,
    *,
    preps: Sequence[str],
    objects: Sequence[str],
    prep_objects: Mapping[str, Sequence[str]] = MappingProxyType({}),
) -> str | None:
    """The relation of a multi-word verb phrase, if `verb` with these words forms one.

    Args:
        lexicon: the lexicon.
        verb: the verb lemma.
        preps: lemmas of the verb's particle and preposition children.
        objects: lemmas of the verb's direct objects.
        prep_objects: each preposition's object lemmas, for a phrase that names both
            ("went on strike").

    Returns:
        The relation code, or None when no phrase matches.
    """
    for phrase in lexicon.phrases:
        if phrase.verb != verb:
            continue
        if phrase.preps and phrase.objects:
            if any(phrase.objects.intersection(prep_objects.get(p, ())) for p in phrase.preps):
                return phrase.relation
            continue
        if phrase.preps and phrase.preps.intersection(preps):
            return phrase.relation
        if phrase.objects and phrase.objects.intersection(objects):
            return phrase.relation
    return None
