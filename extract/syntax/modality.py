"""Polarity and modality of a claim's verb or noun: negation ("did not confirm", "no
group has claimed"), the modality a clause gives (asserted, reported, hypothetical, ...)
and whether an act is only conditional or supposed ("if X attacked", "a possible
withdrawal", "will not tolerate attacks"). Read from the parse and the cue lexicon.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extract.lexicon.cues import Lexicon


def is_negated(token: Token, lexicon: Lexicon) -> bool:
    """Whether the verb or noun `token` is negated.

    Negation: a "neg" child ("did not confirm"), a subject determined by "no" ("no
    group has claimed"), an object that says nothing was done ("conceded nothing", "offered
    no concessions"), a negated head the token is coordinated with ("did not
    confirm or deny"), or a negating head ("failed to discuss", "has yet to announce").
    A negated head of reluctance negates nothing under it ("will not hesitate to hold Iran
    accountable" holds it accountable), and a past act negated "until" a time was done
    then ("did not endorse her until July": `_done_at_last`).
    """
    node = token
    for _ in range(4):
        for child in node.children:
            if child.dep_ == "neg" and child.lower_ in lexicon.negators:
                return not _done_at_last(node)
            if child.dep_ in ("nsubj", "nsubjpass") and any(
                grand.dep_ == "det" and grand.lower_ in lexicon.negating_determiners
                for grand in child.children
            ):
                return True
            if node is token and child.dep_ == "dobj" and _negating_object(child, lexicon):
                return True  # "conceded nothing", "offered no concessions"
            if (
                child.dep_ == "advmod"
                and child.lower_ in lexicon.negating_heads
                and node is not token
            ):
                return True
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in lexicon.negating_heads:
            return True
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in lexicon.reluctance_heads:
            return False  # "will not hesitate to act": the act is affirmed, negation or not
        if node.dep_ in ("conj", "xcomp") and not has_subject(node):
            node = node.head
            continue
        break
    return False


#: Words that put off a negated act to a later time ("did not endorse her until July").
_UNTIL = frozenset({"until", "till", "til"})
#: Auxiliaries of a past act.
_PAST_AUX = frozenset({"did", "had", "was", "were"})


def _done_at_last(verb: Token) -> bool:
    """Whether a negated past act was done later: "did not endorse her until July", "had
    not withdrawn until the war ended" (the act happened then). A future "will not withdraw
    until ..." is a condition and stays negated."""
    if not any(
        (child.dep_ == "prep" and child.lower_ in _UNTIL)
        or (child.dep_ == "advcl" and any(m.lower_ in _UNTIL for m in child.children))
        for child in verb.children
    ):
        return False
    return verb.tag_ == "VBD" or any(
        child.dep_ == "aux" and child.lower_ in _PAST_AUX for child in verb.children
    )


def _negating_object(obj: Token, lexicon: Lexicon) -> bool:
    """Whether an object says the act was not done: "nothing", "nobody", or an object
    determined by "no" ("no concessions"), not qualified ("nothing but praise")."""
    if any(child.dep_ == "prep" and child.lower_ in ("but", "except") for child in obj.children):
        return False
    return obj.lower_ in lexicon.negating_objects or any(
        child.dep_ == "det" and child.lower_ in lexicon.negating_determiners
        for child in obj.children
    )


def has_subject(token: Token) -> bool:
    """Whether `token` has its own subject."""
    return any(child.dep_ in ("nsubj", "nsubjpass", "csubj") for child in token.children)


def modality_of(token: Token, lexicon: Lexicon, *, reported: bool = False) -> str:
    """The modality of the claim whose verb (or noun) is `token`.

    "hypothetical" for a modal auxiliary or an "if" clause, "alleged" for "allegedly",
    "reportedly"; else "reported" when the claim is speech reported by someone else,
    else "asserted".
    """
    node = _clause_of(token)
    for _ in range(6):
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in lexicon.hypothetical:
                return "hypothetical"
            if child.dep_ == "mark" and child.lower_ in lexicon.hypothetical_marks:
                return "hypothetical"
            if child.dep_ == "advmod" and child.lower_ in lexicon.alleged:
                return "alleged"
        if node.dep_ == "xcomp" and (
            node.head.lemma_.lower() in lexicon.hypothetical_heads
            or node.head.lower_ in lexicon.hypothetical_heads
        ):
            return "hypothetical"
        if node.dep_ in ("conj", "xcomp", "advcl") and node.head is not node:
            node = node.head
            continue
        break
    return "reported" if reported else "asserted"


def estimated(verb: Token, lexicon: Lexicon) -> bool:
    """Whether the act `verb` names is only estimated: its clause (or one it is coordinated
    with or hangs on) is the complement of a word of likelihood ("it is likely that Russia
    will attack", "called it unlikely that the EU would finance", "it is unclear whether
    Turkey will withdraw", "a chance that Iran will release them", "is likely to retaliate")."""
    words = lexicon.likelihood_heads
    node = verb
    for _ in range(6):
        head = node.head
        if node.dep_ == "xcomp" and head.lemma_.lower() in words:
            return True
        if node.dep_ in ("ccomp", "acl", "csubj") and head is not node:
            holders = [head] + [
                c for c in head.children if c.dep_ in ("acomp", "attr", "oprd") and c.i < node.i
            ]
            if any(h.lemma_.lower() in words or h.lower_ in words for h in holders):
                return True
        if node.dep_ in ("conj", "xcomp", "advcl") and head is not node:
            node = head
            continue
        break
    return False


def _clause_of(token: Token) -> Token:
    """The verb whose modal and marks hold for `token`: the token itself, or for an event
    noun that is a verb's subject, that verb ("a withdrawal would change ...")."""
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass"):
        return token.head
    return token


def is_conditional(token: Token, lexicon: Lexicon) -> bool:
    """Whether the act `token` names is only supposed inside a clause: its clause is a
    condition ("if Iran attacked Israel, ..."), or it is an event noun that is the subject
    of a verb under a modal of possibility ("a withdrawal would change the war"). A verb
    of a preposition's clause is in the condition of the verb it hangs on ("if Russia
    commits this breach by invading Ukraine").

    So is an act only estimated (`estimated`: "it is likely that Russia will attack").
    An event noun is supposed, too, when it is qualified as possible or is the object of
    a modal or refused verb ("a possible withdrawal", "could lead to pullouts", "will not
    tolerate attacks"). A main-clause modal ("Spain may sanction Portugal") is no
    condition: that act stays a claim, with modality "hypothetical".
    """
    marks = lexicon.hypothetical_marks - {"whether"}
    possible = lexicon.hypothetical - lexicon.obligation - {"can"}
    if estimated(token, lexicon):
        return True  # "it is likely that Russia will launch an attack": an estimate
    if token is not _clause_of(token):
        return any(
            child.dep_ == "aux" and child.lower_ in possible for child in token.head.children
        )
    if token.pos_ == "NOUN":
        return _supposed_event(token, lexicon, possible)
    node = token
    for _ in range(6):
        if any(child.dep_ == "mark" and child.lower_ in marks for child in node.children):
            return True
        if inverted_condition(node):
            return True  # "should Russia invade", "had Russia withdrawn its troops, ..."
        if node.dep_ in ("conj", "xcomp") and node.head is not node:
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head is not node.head:
            node = node.head.head  # "if Russia commits this breach by invading Ukraine"
            continue
        break
    return False


#: Auxiliaries that, before their subject, open a condition ("should Russia invade",
#: "had it withdrawn", "were Iran to attack").
_INVERTED_CONDITIONS = frozenset({"should", "had", "were"})


def inverted_condition(verb: Token) -> bool:
    """Whether `verb`'s clause is a condition told by inversion, its auxiliary before its
    subject and the clause hung on another ("will impose costs should Russia decide to
    attack"; "Had Russia withdrawn, the talks would have resumed"), not a question."""
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    auxes = [
        c.i
        for c in verb.children
        if c.dep_ in ("aux", "auxpass") and c.lower_ in _INVERTED_CONDITIONS
    ]
    if not subjects:
        return False
    first = min(subjects)
    if not (min(auxes, default=first) < first or (verb.lower_ == "were" and verb.i < first)):
        return False  # no auxiliary of condition (nor "were") before the subject
    # the parser may take the condition for a complement ("should it decide" as a
    # ccomp) or for the main clause; a main clause is inverted too after a negative or
    # limiting word ("Nor should Russia think ...", "Only then should we act"): no condition
    hung = verb.dep_ in ("advcl", "ccomp") or (
        verb.dep_ == "ROOT"
        and not any(
            c.dep_ in ("advmod", "cc", "preconj", "neg") and c.i < min(auxes or [verb.i])
            for c in verb.children
        )
        and not is_question(verb)
    )
    return hung  # "Were Iran to attack Israel, ...": the verb itself may come first


def is_question(verb: Token) -> bool:
    """Whether the sentence of `verb` ends in a question mark."""
    doc, end = verb.doc, verb.sent.end - 1
    while end > verb.sent.start and (doc[end].is_punct or doc[end].is_space):
        if doc[end].text == "?":
            break
        end -= 1
    return doc[end].text == "?"


def _supposed_event(noun: Token, lexicon: Lexicon, possible: frozenset[str]) -> bool:
    """Whether an event noun names an act that is only supposed: qualified as possible
    ("a possible American withdrawal"), the object of a verb under a modal of possibility
    ("could lead to further pullouts"), or of a refusal of what may come ("will not
    tolerate attacks", "can't accept strikes"): what one will not tolerate has not
    happened. A past negation ("did not condemn the attacks") leaves the event real."""
    if any(
        child.dep_ == "amod" and child.lower_ in lexicon.hypothetical_adjectives
        for child in noun.children
    ):
        return True
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ not in ("dobj", "attr"):
        return False
    if verb is noun or verb.pos_ not in ("VERB", "AUX"):
        return False
    modals = [child.lower_ for child in verb.children if child.tag_ == "MD"]
    negated = any(child.dep_ == "neg" for child in verb.children)
    return any(modal in possible for modal in modals) or (negated and bool(modals))
