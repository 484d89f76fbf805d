"""Who does an act and to whom, read from the dependency parse.

The argument finders the typed-act rules (`extract.claims.acts`) share: subjects inherited
through coordination, infinitives and raising passives; objects from direct objects,
datives and target prepositions; "by" agents of passives; the light verb whose subject
does what its object noun names ("held talks with", "launched an attack on"); and who
does an event a noun names ("the US strike", "condemnation from X"). These functions
look at the parse only; resolving tokens to actors is `extract.claims.context`' job.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions whose object is the target of an act ("met with", "fired at", "call on").
TARGET_PREPS = frozenset(
    {"with", "on", "upon", "against", "to", "at", "from", "toward", "towards", "between"}
)
#: Prepositions whose object an event noun targets besides those ("the killing of X", "an
#: inquiry into X", "an incursion into X").
NOUN_TARGET_PREPS = frozenset({"of", "into"})
#: Prepositions that name a target only as part of a verb phrase ("stood by X", "fought
#: alongside X"); after a bare verb they say where or how ("by road", "alongside the river").
PHRASE_PREPS = frozenset({"by", "alongside", "beside", "behind"})


#: Light verbs whose subject does the act their object noun names ("held meetings with").
_LIGHT_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})


#: Nouns that count what a light verb does ("held a series of meetings", "a wave of
#: strikes"); any other "X of Y" object is about Y, not a doing of it ("reiterated its
#: condemnation of the attack" is no attack by the speaker).
_COUNTING_NOUNS = frozenset(
    {"series", "round", "rounds", "number", "wave", "string", "spate", "set", "couple", "barrage"}
)


def with_conjuncts(token: Token) -> Iterator[Token]:
    """Yield `token` and the tokens coordinated with it ("the US, UK and UN"), also a name
    before it that the parser hung on it as its modifier with the "and" on the first
    ("Pedro Pierluisi and Ricardo Rosselló", "between Trump and President Zelensky":
    "Pierluisi", "Trump" taken for modifiers of the last name)."""
    # in the order of the text; a name hung on a later one comes alone: its own
    # "conjuncts" are words of the later name's phrase ("between Gerry Adams and Northern
    # Ireland Chief Constable Hugh Orde")
    for child in token.lefts:
        if _listed_before(child, token):
            yield child
        else:
            yield from _titled_before(child, token)
    yield token
    for child in token.children:
        if child.dep_ == "conj":
            yield from with_conjuncts(child)


def _titled_before(child: Token, head: Token) -> list[Token]:
    """A titled name coordinated with the titled name `head` that the parser hung on the
    head's title as an apposition: in "US President Donald Trump and Turkish President
    Recep Tayyip Erdogan spoke", "President" is taken for a modifier of "Erdogan" and
    "Trump" for that title's apposition, with the "and" of the list on "Trump"."""
    if child.dep_ != "compound" or child.i > head.i:
        return []
    return [
        name for name in child.children if name.dep_ == "appos" and _name_and_before(name, head)
    ]


def _listed_before(child: Token, head: Token) -> bool:
    """Whether `child` is a name coordinated with the name `head` that the parser took for
    its modifier."""
    return child.dep_ in ("nmod", "compound") and _name_and_before(child, head)


def _name_and_before(name: Token, head: Token) -> bool:
    """Whether `name`, before the name `head`, is listed with it: both named entities,
    with an "and" of `name`'s own between them."""
    return (
        name.pos_ == "PROPN"
        and name.i < head.i
        and bool(name.ent_type_ and head.ent_type_)
        and any(
            grand.dep_ == "cc" and name.i < grand.i < head.i and grand.ent_iob_ == "O"
            for grand in name.children
        )
    )


def is_passive(verb: Token) -> bool:
    """Whether `verb` is in the passive voice (or a passive participle modifying a noun)."""
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def subject_tokens(verb: Token, *, sources: Collection[str] = ()) -> list[Token]:
    """The tokens naming who does `verb` (active voice), inherited through "and" and
    infinitives ("asked the US to provide" -> "US", "stressed ..., urging" -> subject),
    raising passives ("Kadhimi is set to visit"), "by" gerunds ("retaliated by firing")
    and, for a participle on one of the `sources` nouns, the issuer of that source ("issued
    a statement condemning X" -> who issued it)."""
    node = verb
    subject_deps: tuple[str, ...] = ("nsubj",)
    for _ in range(5):
        subjects = [child for child in node.children if child.dep_ in subject_deps]
        if len(subjects) > 1:
            # two subjects are a misparse of an aside ("according to the mayor, Jane
            # Doe, police were investigating"): the one set off by commas does not act
            subjects = [subject for subject in subjects if not _set_off(subject)] or subjects
        if subjects:
            return [token for subject in subjects for token in list_of(subject)]
        if node.dep_ == "xcomp":
            controllers = [
                child for child in node.head.children if child.dep_ in ("dobj", "dative")
            ]
            if controllers:
                return list(with_conjuncts(controllers[0]))
            node, subject_deps = node.head, ("nsubj", "nsubjpass")
            continue
        subject_deps = ("nsubj",)
        if node.dep_ == "advcl" and node.tag_ == "VBG":
            node = participle_host(node)
            continue
        if node.dep_ == "conj":
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.lower_ == "by":
            node = node.head.head
            continue
        if node.dep_ == "relcl":
            return [node.head]
        if (
            node.dep_ == "acl"
            and node.tag_ == "VBG"
            and node.head.lemma_.lower() in sources
            and node.head.dep_ in ("dobj", "nsubjpass")
        ):
            node = node.head.head  # "issued a statement condemning": the issuer speaks
            continue
        break
    return []


def _set_off(phrase: Token) -> bool:
    """Whether a phrase stands between two commas (", Jane Doe,")."""
    doc = phrase.doc
    start, end = phrase.left_edge.i, phrase.right_edge.i
    return (
        start > 0 and doc[start - 1].text == "," and end + 1 < len(doc) and doc[end + 1].text == ","
    )


#: Attachments a participle may hang on below its clause: "essential for maintaining X,
#: while urging Y" attaches "urging" to "maintaining", whose clause is higher up.
_BELOW_CLAUSE = frozenset({"pcomp", "prep", "pobj", "acomp", "amod"})


def participle_host(participle: Token) -> Token:
    """The clause whose subject does what an adverbial participle names ("praised the
    deal, while urging X" -> "praised"). The parser may hang the participle on a word
    below its clause ("is essential for maintaining a partnership, while urging X");
    climb to the nearest verb with a nominal subject, through a clause whose subject
    is itself a clause ("that excluding X is essential"), which controls nothing."""
    node = participle.head
    for _ in range(6):
        if node.head is node or any(
            child.dep_ in ("nsubj", "nsubjpass") for child in node.children
        ):
            return node
        clausal = any(child.dep_ == "csubj" for child in node.children)
        if node.dep_ in _BELOW_CLAUSE or (node.dep_ == "ccomp" and clausal):
            node = node.head
            continue
        return node
    return node


def list_of(token: Token) -> list[Token]:
    """`token` and the names listed with it: its conjuncts, and a name the parser hung
    on it as a modifier inside the list ("Erbil, Baghdad, and the companies": "Baghdad"
    may come out as an adverbial of "Erbil" while "companies" is its conjunct; in "Smith,
    Jones and Hassan" the parser may hang "Jones and Hassan" on "Smith" as an apposition)."""
    found = list(with_conjuncts(token))
    hung = [
        child
        for child in token.children
        if child.dep_ in ("npadvmod", "appos") and child.pos_ == "PROPN" and child.i > token.i
    ]
    if len(found) > 1:
        found[1:1] = hung
        return found
    for child in hung:
        if any(grand.dep_ == "cc" for grand in child.children):
            found.extend(with_conjuncts(child))
    return found


def pobjs(prep: Token) -> Iterator[Token]:
    """The objects of preposition `prep`, with the tokens coordinated with them."""
    for child in prep.children:
        if child.dep_ == "pobj":
            yield from with_conjuncts(child)


def prep_objects(holders: Iterable[Token], preps: Collection[str]) -> list[Token]:
    """The objects of the prepositions `preps` hanging on any of `holders` ("support for
    X": [X]), with the tokens coordinated with them."""
    return [
        tok
        for holder in holders
        for child in holder.children
        if child.dep_ in ("prep", "agent") and child.lower_ in preps
        for tok in pobjs(child)
    ]


def object_tokens(
    verb: Token, *, passive: bool, phrase: bool = False, blame_on: frozenset[str] = frozenset()
) -> list[Token]:
    """The tokens naming whom `verb` acts upon.

    For a verb phrase ("held talks with X", "claimed responsibility for"), the target
    may hang on the phrase's object noun as well as on the verb.
    """
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "dative" and child.tag_ == "IN":
            found.extend(pobjs(child))  # "granted asylum to X", parsed as a dative "to"
        elif child.dep_ in ("dobj", "dative") or (passive and child.dep_ == "nsubjpass"):
            blamed = verb.lemma_.lower() in blame_on and any(
                grand.dep_ == "prep" and grand.lower_ == "on" for grand in child.children
            )
            if not blamed:  # "blamed the attack on X": the attack is what X is blamed for
                found.extend(with_conjuncts(child))
            for grand in child.children:
                # "held talks with X" (a phrase); "requested weapons from X", "seized
                # arms from X": the source of what is asked or taken; "blamed the attack
                # on X"
                if grand.dep_ == "prep" and (
                    grand.lower_ == "from"
                    or (phrase and grand.lower_ in TARGET_PREPS)
                    or (grand.lower_ == "on" and verb.lemma_.lower() in blame_on)
                ):
                    found.extend(pobjs(grand))
        elif child.dep_ in ("prep", "prt") and (
            child.lower_ in TARGET_PREPS or (phrase and child.lower_ in PHRASE_PREPS)
        ):
            found.extend(pobjs(child))
        elif phrase and for_clause(child):
            # "voted for Nancy Pelosi to serve as Speaker": the parser reads "for X to V" as
            # a clause, whose subject is whom the phrase's "for" names
            found.extend(
                token
                for grand in child.children
                if grand.dep_ == "nsubj"
                for token in with_conjuncts(grand)
            )
        elif child.dep_ == "npadvmod" and child.pos_ == "PROPN":
            # "met with his counterpart X, Prime Minister Y and Z": the parser may hang the
            # rest of a list of names on the verb (a date is no actor and drops out)
            found.extend(with_conjuncts(child))
        elif (
            child.dep_ == "conj"
            and child.pos_ in ("NOUN", "PROPN")
            and found
            and not any(grand.dep_ in ("nsubj", "nsubjpass") for grand in child.children)
        ):
            # "met with his counterpart, X, and the speaker, Y": the parser may coordinate
            # the last party of a list with the verb instead of with the first party
            found.extend(with_conjuncts(child))
    if passive and verb.dep_ == "acl":
        found.append(verb.head)
    elif (
        passive
        and verb.dep_ == "conj"
        and not any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)
    ):
        # "Turkey is under sanctions, and was condemned by Egypt", "Somalia attacked the
        # town and was condemned by France": the passive shares its head verb's subject
        found.extend(
            token
            for child in verb.head.children
            if child.dep_ in ("nsubj", "nsubjpass")
            for token in with_conjuncts(child)
        )
    return found


def agent_tokens(verb: Token, *, sources: Collection[str] = ()) -> list[Token]:
    """The "by" agents of a passive verb ("condemned by the US", "including by the UN"),
    and the authors of one of the `sources` it was done in ("condemned in a joint statement
    by Egypt and Greece")."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            found.extend(pobjs(child))
        elif child.dep_ == "prep" and child.lower_ == "in" and sources:
            for source in pobjs(child):
                if source.lemma_.lower() not in sources:
                    continue
                for grand in source.children:
                    if grand.dep_ in ("prep", "agent") and grand.lower_ in ("by", "from"):
                        found.extend(pobjs(grand))
        elif child.dep_ == "prep" and child.lower_ == "including":
            for grand in child.children:
                if grand.dep_ in ("prep", "agent") and grand.lower_ == "by":
                    found.extend(pobjs(grand))
    return found


def infinitive_addressee(verb: Token) -> Token | None:
    """Whom `verb` asks to act, when it takes an object and an infinitive: "pressured Iraq
    to end" (object + xcomp), "expects Iraqi partners to take" (parsed as a clause whose
    subject is the addressee), "counts on Turkey to act" (the object of "on" + an
    infinitive, which the parser may take for an adverbial clause), "called for Iran to
    release X" (the active subject of a "for X to V" clause on the verb)."""
    for child in verb.children:
        if child.dep_ == "advcl" and for_clause(child):
            doers = [grand for grand in child.children if grand.dep_ == "nsubj"]
            if doers:
                return doers[0]
        if child.dep_ in ("xcomp", "advcl") and is_infinitive(child):
            objects = [other for other in verb.children if other.dep_ in ("dobj", "dative")]
            if objects and child.dep_ == "xcomp":
                return objects[0]
            relied_on = [
                pobj
                for other in verb.children
                if other.dep_ == "prep"
                and other.lower_ in ("on", "upon")
                and other.i == verb.i + 1  # "counts on X to", not "on behalf of X, I want to"
                and other.i < child.i
                for pobj in pobjs(other)
                if pobj.ent_type_ not in ("DATE", "TIME")
            ]
            if not objects and relied_on:
                return relied_on[0]
        if child.dep_ == "ccomp" and is_infinitive(child):
            for grand in child.children:
                if grand.dep_ == "nsubj":
                    return grand
    return None


def hyphen_partners(token: Token) -> list[Token]:
    """The words hyphens join to `token` with no space either side of a hyphen, nearest
    first on each side ("Libyan" of "Turkish" in "Turkish-Libyan", "US" of "Iraqi" in
    "US-Iraqi"); none for "US - Iraqi"."""
    doc = token.doc

    def joined(hyphen: int) -> bool:
        return doc[hyphen].text == "-" and not (
            doc[hyphen - 1].whitespace_ or doc[hyphen].whitespace_
        )

    partners: list[Token] = []
    i = token.i
    while i >= 2 and joined(i - 1):
        partners.append(doc[i - 2])
        i -= 2
    i = token.i
    while i + 2 < len(doc) and joined(i + 1):
        partners.append(doc[i + 2])
        i += 2
    return partners


def is_infinitive(verb: Token) -> bool:
    """Whether `verb` is a "to" infinitive."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def is_be_to(verb: Token) -> bool:
    """Whether `verb` is the infinitive of "be to" ("Russia is to blame", "the minister is
    to speak on Monday"): owed or still to come, not done."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be" and is_infinitive(verb)


def noun_parts(
    noun: Token, *, said: bool, for_target: bool = False
) -> tuple[list[Token], list[Token]]:
    """Who does the event `noun` names (its modifiers, "by" agent, and for a `said` act
    its "from" source) and whom it targets (objects of target prepositions and "of", and
    of "for" where the noun's relation takes it: "support for X")."""
    targets = TARGET_PREPS | NOUN_TARGET_PREPS | ({"for"} if for_target else set())
    subjects: list[Token] = []
    objects: list[Token] = []
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            subjects.append(child)
        elif child.dep_ in ("prep", "agent") and (
            child.lower_ == "by" or (child.lower_ == "from" and said)
        ):
            # "condemnation by X"; a said act "from X" ("drew condemnation from X"), not
            # a done one ("withdrawal from X")
            subjects.extend(pobjs(child))
        elif child.dep_ == "prep" and child.lower_ in targets:
            objects.extend(pobjs(child))
    return subjects, objects


def joint_parties(noun: Token) -> list[Token]:
    """The parties a noun of a joint act names together: the objects of its "between"
    ("talks between X and Y"), or two or more coordinated objects of its "of" ("the
    meeting of X, Y and Z"); one "of" object ("a meeting of the council") names none."""
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ not in ("between", "of"):
            continue
        parties = list(pobjs(child))
        if child.lower_ == "between" or len(parties) > 1:
            return parties
    return []


def light_verb(noun: Token, light_verbs: Collection[str]) -> Token | None:
    """The light verb whose object `noun` is: "held a series of meetings with X", "launched
    an attack on X", "sanctions were imposed on X" (its subject or agent does the act)."""
    node = noun
    if (
        node.dep_ == "pobj"
        and node.head.lower_ == "of"
        and node.head.head.dep_ in _LIGHT_OBJECT_DEPS
        and node.head.head.lower_ in _COUNTING_NOUNS
    ):
        node = node.head.head
    verb = node.head
    if (
        node.dep_ in _LIGHT_OBJECT_DEPS
        and verb is not node
        and verb.pos_ in ("VERB", "AUX")
        and verb.lemma_.lower() in light_verbs
    ):
        return verb
    return None


#: Modals of a clause that says what must be done ("demanded that X should withdraw").
_MANDATE_MODALS = frozenset({"should", "must"})


def mandated_clause(clause: Token) -> bool:
    """Whether a "that" clause (a ccomp) says what must be done rather than what is: its
    verb in the bare form ("demanded that Iran punish those responsible", which the tagger
    may tag as a plain present) or with "should" or "must" ("urged that Kenya should
    withdraw"); not a past or a third-person present, which tells, nor a question ("asked
    whether ...")."""
    if clause.dep_ != "ccomp":
        return False
    if {c.lower_ for c in clause.children if c.dep_ == "mark"} - {"that"}:
        return False
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    return (clause.tag_ in ("VB", "VBP") and not modals) or bool(modals & _MANDATE_MODALS)


#: Words of a quantity that can stand for what it measures ("$54 million in aid").
_QUANTITY_WORDS = frozenset({"million", "billion", "trillion", "thousand", "hundred"})


def measured_by(noun: Token) -> Token | None:
    """The quantity whose "in" phrase `noun` is, when it measures it: "$54 million in
    humanitarian assistance", "an additional $100 million in military aid" (the quantity
    stands for the assistance, as the object of the verb that gives or announces it)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    amount = prep.head
    if amount.tag_ == "CD" or amount.tag_ == "$" or amount.lower_ in _QUANTITY_WORDS:
        return amount
    return None


def light_verb_parts(verb: Token) -> tuple[list[Token], list[Token]]:
    """Who does a light verb's act (subject, or "by" agent in the passive), and the targets
    hanging on the verb itself ("imposed sanctions on X", "launched an inquiry into X"),
    or given it as its indirect object ("gave the militia an ultimatum")."""
    subjects = agent_tokens(verb) if is_passive(verb) else subject_tokens(verb)
    objects: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and (
            child.lower_ in TARGET_PREPS or child.lower_ == "into"
        ):
            objects.extend(pobjs(child))
        elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            objects.extend(with_conjuncts(child))
    return subjects, objects


#: Tags of relative pronouns ("that", "which", "who", "whose").
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def event_agents(
    noun: Token, relation: str, authored: Collection[str] = frozenset(), *, clauses: bool = True
) -> list[Token]:
    """The tokens naming who does the event `noun` names: its possessor or modifier ("the
    US strike", "Haiti's efforts"), its "by" agent, also through a participle ("the
    agreement signed by Turkey and Libya", "the deal which was signed by X"), the subject
    of a relative clause on it ("the agreement that Turkey and Libya signed"), and its "of"
    argument for requests ("the withdrawal of US troops") and for nouns in `authored`
    ("the decision of X"). `clauses` False leaves out the clauses, for a noun that may
    name no act ("an organisation dominated by X" is not made by X)."""
    found: list[Token] = []
    of_agent = relation == "REQUEST" or noun.lemma_.lower() in authored or noun.lower_ in authored
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            found.append(child)
        elif child.dep_ in ("prep", "agent") and (
            child.lower_ in ("by", "with") or (child.lower_ == "of" and of_agent)
        ):
            found.extend(pobjs(child))
        elif not clauses:
            continue
        elif (child.dep_ == "acl" and child.tag_ == "VBN") or (
            child.dep_ == "relcl" and is_passive(child)
        ):
            found.extend(agent_tokens(child))  # "the deal (which was) signed by X"
        elif child.dep_ == "relcl":
            # "the agreement that Turkey and Libya signed": the clause's own subject, not
            # the relative pronoun standing for the noun ("the deal that gives X ...")
            found.extend(
                subject
                for grand in child.children
                if grand.dep_ == "nsubj" and grand.tag_ not in RELATIVE_TAGS
                for subject in with_conjuncts(grand)
            )
    return found


def beneficiaries(noun: Token) -> list[Token]:
    """Who holds what `noun` names, when a clause on it says so: "a waiver allowing Iraq
    to pay" (the controller of the infinitive), "the licence it granted to X", "the
    exemption for X", "the accreditation of X"."""
    found: list[Token] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "to", "of"):
            found.extend(pobjs(child))
        elif child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            for grand in child.children:
                if grand.dep_ in ("dobj", "dative") and grand.pos_ in ("PROPN", "NOUN"):
                    found.extend(with_conjuncts(grand))
                elif grand.dep_ == "prep" and grand.lower_ in ("to", "for"):
                    found.extend(pobjs(grand))
                elif grand.dep_ == "ccomp" and is_infinitive(grand):
                    # "allowing Iraq to purchase", parsed as a clause whose subject is Iraq
                    found.extend(g for g in grand.children if g.dep_ == "nsubj")
    return found


def adverbial_host(noun: Token, preps: Collection[str]) -> Token | None:
    """The verb an adverbial phrase headed by `noun` modifies: "in partnership with X,
    the agency vaccinated ..." -> "vaccinated" (its subject does what the noun names)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in preps or prep.dep_ != "prep":
        return None
    verb = prep.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb is not prep else None


def list_members(token: Token) -> list[Token]:
    """`token` and the parties a list of names hangs on it: appositions ("his counterpart,
    X"; not a common noun describing a name, "X, a US envoy"), the names coordinated with
    them ("X, Prime Minister Y, President Z") and the
    members a plural names as examples ("groups, including X and Y"). A title
    with an "of" phrase ("the head of the Council, W") may get its apposition misparsed as
    coordinated with the "of" object; a person's name there is taken as another party."""
    found = [token]
    seen = {token.i}
    stack = [token]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.i in seen:
                continue
            if child.dep_ == "appos" and child.pos_ == "NOUN" and node.pos_ == "PROPN":
                # "Zalmay Khalilzad, a US peace envoy": a description of the one named, no
                # party of its own (its own list may still name some)
                seen.add(child.i)
                stack.append(child)
            elif child.dep_ in ("appos", "conj") and child.pos_ in ("PROPN", "NOUN"):
                seen.add(child.i)
                found.append(child)
                stack.append(child)
            elif child.dep_ == "prep" and node.tag_ == "NNS" and _names_examples(child):
                # "accused several groups, including Hamas and Hezbollah": the named ones
                named = [tok for tok in pobjs(child) if tok.pos_ in ("PROPN", "NOUN")]
                seen.update(tok.i for tok in named)
                found.extend(named)
            elif child.dep_ == "prep" and child.lower_ == "of" and node.pos_ == "NOUN":
                for pobj in child.children:
                    for grand in pobj.children:
                        if grand.dep_ == "conj" and grand.ent_type_ == "PERSON":
                            seen.add(grand.i)
                            found.append(grand)
                            stack.append(grand)
    return found


def for_clause(verb: Token) -> bool:
    """Whether `verb` heads a "for X to V" clause on a verb or noun ("set a deadline for the
    groups to disarm", "pushed for Iraq to act"): X is to do what the outer act wants."""
    return (
        verb.dep_ in ("advcl", "acl", "relcl")
        and any(child.dep_ == "mark" and child.lower_ == "for" for child in verb.children)
        and is_infinitive(verb)
    )


def _names_examples(prep: Token) -> bool:
    """Whether `prep` introduces members of the set it hangs on: "including", "such as"."""
    return prep.lower_ == "including" or (
        prep.lower_ == "as" and any(child.lower_ == "such" for child in prep.children)
    )


def necessity_noun(verb: Token, nouns: Collection[str]) -> Token | None:
    """The noun of necessity that `verb` takes as its object ("stressed the need ...")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in nouns:
            return child
    return None


def necessity_addressees(noun: Token) -> list[Token]:
    """Who is asked to act by a noun of necessity: the subject of its clause ("the need for
    X to normalise"), also when the parser hangs the "for X to" clause on the verb
    ("stressed the need | for X to withdraw"), the subject of its "of" gerund ("the
    importance of X withdrawing"), or the object of its "for"/"of" that does something
    ("the importance of X holding ...", "the need for X to act")."""
    found: list[Token] = []
    verb = noun.head
    on_verb = noun.dep_ == "dobj" and verb is not noun
    # the clauses the parser may hang on the verb instead of the noun (a gerund or an
    # infinitive, not "as outlined in ...": no act asked)
    verb_clauses = [
        clause
        for clause in (verb.children if on_verb else ())
        if (clause.tag_ == "VBG" or is_infinitive(clause))
        and not any(mark.dep_ == "mark" for mark in clause.children)
    ]
    if on_verb:
        found.extend(
            tok
            for clause in verb.children
            if clause.i > noun.i and for_clause(clause)
            for grand in clause.children
            if grand.dep_ == "nsubj"
            for tok in with_conjuncts(grand)
        )
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of"):
            found.extend(
                tok
                for gerund in child.children
                if gerund.dep_ == "pcomp"
                for grand in gerund.children
                if grand.dep_ == "nsubj"
                for tok in with_conjuncts(grand)
            )
    for child in noun.children:
        if child.pos_ in ("VERB", "AUX") and child.dep_ in ("advcl", "acl", "relcl", "ccomp"):
            found.extend(
                tok
                for grand in child.children
                if grand.dep_ == "nsubj"
                for tok in with_conjuncts(grand)
            )
        elif child.dep_ == "prep" and child.lower_ in ("for", "of"):
            # the clause on the "of" phrase, the noun, or the verb the parser hung it on
            # ("underlined the urgency of X | pulling out ...")
            holders = [*child.children, *noun.children, *verb_clauses]
            pcomp = any(grand.dep_ == "pcomp" for grand in child.children)
            for pobj in pobjs(child):
                acts = any(
                    grand.pos_ in ("VERB", "AUX") and grand.dep_ in ("acl", "relcl")
                    for grand in pobj.children
                )
                sibling_clause = pcomp or any(
                    other.pos_ == "VERB" and other.dep_ in ("acl", "advcl") and other.i > pobj.i
                    for other in holders
                )
                if acts or sibling_clause:
                    found.append(pobj)
    return found


#: Pieces a prefixed gerund may be cut into before its stem ("de-escalating" as "de", "-",
#: "escalating"; "re-opening").
_PREFIX_PIECES = frozenset({"de", "re", "co", "non", "-"})


def names_an_act(noun: Token) -> bool:
    """Whether a noun of necessity goes on with the act it asks for: an infinitive ("the
    need to address the threat", "the imperative to quickly expand aid") or an "of"/"for"
    gerund ("the importance of de-escalating tensions", "the urgency of quickly reaching a
    deal"); not a thing ("the importance of the partnership"). Read on the words as
    written, as the small model parses these phrases many ways."""
    after = list(noun.doc[noun.i + 1 : noun.i + 6])
    if len(after) < 2:
        return False
    rest = after[1:]
    if after[0].lower_ == "to":
        verb = next((t for t in rest if t.dep_ != "advmod" and t.tag_ != "RB"), None)
        return verb is not None and verb.tag_ == "VB"
    if after[0].lower_ in ("of", "for"):
        stem = next((t for t in rest if t.lower_ not in _PREFIX_PIECES and t.tag_ != "RB"), None)
        if stem is None:
            return False
        prefixed = stem.i > rest[0].i and stem.nbor(-1).lower_ == "-"
        return stem.tag_ == "VBG" or (prefixed and stem.is_lower and stem.lower_.endswith("ing"))
    return False


def called_responsible(verb: Token, words: Collection[str]) -> bool:
    """Whether `verb`'s object is called responsible ("held X responsible for ...")."""
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and child.lemma_.lower() in words:
            return True
        if child.dep_ == "dobj" and any(
            grand.dep_ in ("amod", "oprd") and grand.lemma_.lower() in words
            for grand in child.children
        ):
            return True
    return False


def held_responsible(verb: Token, words: Collection[str]) -> list[Token]:
    """Who `verb` calls responsible when the parser reads "X responsible" as a small clause
    of its own ("will hold Russia accountable for ...": "Russia" the subject of
    "accountable"), with the names listed with X; empty when `verb` has an object."""
    if any(child.dep_ == "dobj" for child in verb.children):
        return []
    return [
        listed
        for child in verb.children
        if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and child.lemma_.lower() in words
        for subject in child.children
        if subject.dep_ in ("nsubj", "nsubjpass") and subject.i < child.i
        for listed in list_of(subject)
    ]


def recipients(source: Token) -> list[Token]:
    """Whom a statement, letter or memo is sent to: "sent a memo to X", "a letter to X"."""
    holders = [source, source.head] if source.dep_ in ("dobj", "nsubjpass") else [source]
    return [
        tok
        for holder in holders
        for child in holder.children
        if child.dep_ in ("prep", "dative") and child.lower_ == "to"
        for tok in pobjs(child)
    ]


def source_noun(verb: Token, sources: Collection[str]) -> Token | None:
    """The statement, letter or memo a participle belongs to: "a memo requesting ..." (on
    the noun) or "sent a memo to X, requesting ..." (on the verb that sent it)."""
    if verb.tag_ != "VBG":
        return None
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in sources:
        return verb.head
    if verb.dep_ == "advcl":
        for child in verb.head.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in sources:
                return child
    return None


def clause_verb(token: Token) -> Token:
    """The verb of the clause a word stands in: its nearest verb ancestor ("stop" for
    "aggression" in "help stop the Turkish aggression"); the word itself when it has none."""
    return next((head for head in token.ancestors if head.pos_ in ("VERB", "AUX")), token)
