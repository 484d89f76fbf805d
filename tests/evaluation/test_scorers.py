"""Tests of the scorers (extract.evaluation: annotated, public, scores) and of the seed gold.

The scorers are checked on small hand-built gold and hand-built `Extraction`s whose
right precision/recall/F1 is worked out by hand in the comments; the seed gold is
checked against the articles in `shared/corpus/seeds`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.evaluation.annotated import score_gold
from extract.evaluation.gold import EvaluationError, check_gold, load_gold, locate
from extract.evaluation.public import (
    cameo_to_relation,
    load_cameo_map,
    public_kind,
    score_petrarch,
    score_plover,
    score_textacy,
)
from extract.evaluation.scores import Score, bcubed, render_table
from extract.records import Actor, ActorRef, Claim, Document, Extraction, Mention

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
EVAL = SHARED / "eval"
GOLD = REPO / "gold" / "seeds.yaml"

# ---- a small hand-made article and gold ----------------------------------------------------

TEXT = (
    "Joshua Harris met Masrour Barzani in Erbil. "
    "Harris accused Iran of funding militias. "
    "\u201cWe will not accept this,\u201d Barzani said. "
    "Nechirvan Barzani denied the report."
)
GOLD_YAML = """
documents:
  - file: article.txt
    actors:
      - {id: harris, label: Joshua Harris, type: Person, names: [Joshua Harris, Harris]}
      - {id: masrour, label: Masrour Barzani, type: Person, names: [Masrour Barzani, Barzani]}
      - {id: nechirvan, label: Nechirvan Barzani, type: Person, names: [Nechirvan Barzani]}
      - {id: iran, label: Iran, type: Country, names: [Iran]}
    quotes:
      - {speaker: masrour, quote: "We will not accept this"}
    claims:
      - {subject: harris, relation: CONSULT, object: masrour, evidence: "Joshua Harris met"}
      - {subject: harris, relation: ACCUSE, object: iran, evidence: "Harris accused Iran"}
      - {subject: nechirvan, relation: DENY, object: null, evidence: "Barzani denied the report"}
"""


def sentence_of(snippet: str) -> tuple[int, int]:
    """Offsets of the sentence of TEXT that holds `snippet`."""
    at = TEXT.index(snippet)
    start = TEXT.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = TEXT.find(". ", at)
    return start, len(TEXT) if end < 0 else end + 1


ACTORS = {
    "harris": Actor("joshua-harris", "Joshua Harris", "Person"),
    "masrour": Actor("masrour-barzani", "Masrour Barzani", "Person"),
    "nechirvan": Actor("nechirvan-barzani", "Nechirvan Barzani", "Person"),
    "iran": Actor("iran", "Iran", "Country"),
    "barzani": Actor("barzani", "Barzani", "Person"),  # one node for two Barzanis
}


def claim(relation, subject, object_, snippet, *, confidence=0.8, polarity="affirmed", **kw):
    start, end = sentence_of(snippet)
    return Claim(
        id=f"{relation}-{start}",
        doc_id="d",
        relation=relation,
        subject=ACTORS[subject].ref() if subject else None,
        object=ACTORS[object_].ref() if object_ else None,
        speaker=kw.get("speaker") and ACTORS[kw["speaker"]].ref(),
        cue=kw.get("cue", ""),
        quote=kw.get("quote"),
        text=TEXT[start:end],
        start=start,
        end=end,
        polarity=polarity,
        confidence=confidence,
    )


def mentions(*pairs: tuple[str, str]) -> tuple[Mention, ...]:
    """Mentions of (surface text, actor key), at the first place the text occurs."""
    found = []
    for text, key in pairs:
        start = TEXT.index(text)
        found.append(Mention(ACTORS[key].id, text, start, start + len(text), "ner"))
    return tuple(found)


def extraction(claims=(), actor_keys=("harris", "masrour", "nechirvan", "iran"), ments=()):
    document = Document(id="d", text=TEXT, source="/somewhere/article.txt")
    actors = tuple(ACTORS[key] for key in actor_keys)
    return Extraction(document=document, actors=actors, mentions=ments, claims=tuple(claims))


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD_YAML, encoding="utf-8")
    (tmp_path / "article.txt").write_text(TEXT, encoding="utf-8")
    return path


GOOD_MENTIONS = (
    ("Joshua Harris", "harris"),
    ("Harris accused", "harris"),
    ("Masrour Barzani", "masrour"),
    ("Nechirvan Barzani", "nechirvan"),
    ("Iran", "iran"),
)


def good_mentions() -> tuple[Mention, ...]:
    result = list(mentions(*((t, k) for t, k in GOOD_MENTIONS if t != "Harris accused")))
    start = TEXT.index("Harris accused")
    result.append(Mention("joshua-harris", "Harris", start, start + 6, "coref"))
    start = TEXT.index("Barzani said")
    result.append(Mention("masrour-barzani", "Barzani", start, start + 7, "coref"))
    return tuple(result)


# ---- Score, B-cubed, rendering -----------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "precision", "recall", "f1"),
    [
        ((2, 3, 2, 3), 2 / 3, 2 / 3, 2 / 3),
        ((1, 1, 1, 4), 1.0, 0.25, 0.4),  # F1 = 2 * 1 * .25 / 1.25
        ((0, 2, 0, 2), 0.0, 0.0, 0.0),
        ((0, 0, 0, 5), None, 0.0, None),  # nothing predicted: precision undefined
    ],
)
def test_score_ratios(counts, precision, recall, f1):
    score = Score(*counts)
    assert score.precision == pytest.approx(precision) if precision is not None else True
    assert score.recall == pytest.approx(recall)
    assert (score.f1 is None) if f1 is None else score.f1 == pytest.approx(f1)


@pytest.mark.parametrize(
    ("items", "precision", "recall"),
    [
        # perfect clustering
        ([("a", "x"), ("a", "x"), ("b", "y")], 1.0, 1.0),
        # a and b wrongly merged into x: precision (2/3 + 2/3 + 1/3) / 3 = 5/9
        ([("a", "x"), ("a", "x"), ("b", "x")], 5 / 9, 1.0),
        # a split in two: recall (1/2 + 1/2 + 1) / 3 = 2/3
        ([("a", "x"), ("a", "y"), ("b", "z")], 1.0, 2 / 3),
    ],
)
def test_bcubed(items, precision, recall):
    assert bcubed(items) == (pytest.approx(precision), pytest.approx(recall))


# ---- the seed-gold scorer on a hand-made article -----------------------------------------


def test_perfect_extraction_scores_one(gold_file):
    claims = [
        claim("CONSULT", "harris", "masrour", "Joshua Harris met"),
        claim("ACCUSE", "harris", "iran", "Harris accused Iran"),
        claim("DENY", "nechirvan", None, "Barzani denied"),
        claim("STATEMENT", "masrour", None, "Barzani said", quote="We will not accept this,"),
    ]
    claims[3] = claim(
        "STATEMENT",
        "masrour",
        None,
        "Barzani said",
        quote="We will not accept this,",
        speaker="masrour",
    )
    report = score_gold(gold_file, [extraction(claims, ments=good_mentions())])
    assert report.fields["actors"].f1 == pytest.approx(1.0)
    assert report.fields["claims"].recall == pytest.approx(1.0)
    assert report.fields["quote_speakers"].recall == pytest.approx(1.0)
    assert report.figures["person_merges"] == 0
    # the STATEMENT for the quote is not in the gold claims: 3 of 4 predictions match
    assert report.fields["claims"].precision == pytest.approx(3 / 4)


def test_two_of_three_claims_and_a_wrong_one(gold_file):
    claims = [
        claim("CONSULT", "harris", "masrour", "Joshua Harris met"),
        claim("ACCUSE", "harris", "iran", "Harris accused Iran"),
        claim("ACCUSE", "nechirvan", None, "Barzani denied"),  # wrong relation
    ]
    report = score_gold(gold_file, [extraction(claims)])
    score = report.fields["claims"]
    assert (score.correct_pred, score.n_pred, score.correct_gold, score.n_gold) == (2, 3, 2, 3)
    assert score.recall == pytest.approx(0.667, abs=1e-3)
    assert report.relations["ACCUSE"].precision == pytest.approx(0.5)
    assert report.relations["DENY"].recall == pytest.approx(0.0)


@pytest.mark.parametrize(
    ("subject", "object_", "strict_ok", "relaxed_ok"),
    [
        ("harris", "iran", True, True),
        ("harris", None, False, True),  # object missing: relation and subject still right
        ("masrour", "iran", False, False),  # wrong subject
        (None, "iran", False, False),
    ],
)
def test_claim_roles(gold_file, subject, object_, strict_ok, relaxed_ok):
    report = score_gold(gold_file, [extraction([claim("ACCUSE", subject, object_, "accused")])])
    assert report.fields["claims"].correct_pred == int(strict_ok)
    assert report.fields["claims_relation_subject"].correct_pred == int(relaxed_ok)


def test_claim_in_another_sentence_does_not_match(gold_file):
    # right relation and actors, but in the sentence of the meeting
    report = score_gold(gold_file, [extraction([claim("ACCUSE", "harris", "iran", "met")])])
    assert report.fields["claims"].correct_pred == 0
    assert report.figures["claims_in_unannotated_sentences"] == 0


def test_wrong_merge_of_two_people_is_counted(gold_file):
    # both Barzanis resolve to one node "barzani"
    ments = mentions(("Masrour Barzani", "barzani"), ("Nechirvan Barzani", "barzani"))
    report = score_gold(gold_file, [extraction(actor_keys=("barzani",), ments=ments)])
    assert report.figures["person_merges"] == 1
    assert "masrour" in report.figures["person_merge_list"][0]
    assert report.fields["actors"].precision < 1.0


def test_polarity_and_confidence_bands(gold_file):
    claims = [
        claim("ACCUSE", "harris", "iran", "accused", confidence=0.95),
        claim("DENY", "nechirvan", None, "denied", confidence=0.6, polarity="negated"),
        claim("CONSULT", "iran", "harris", "met", confidence=0.3),  # wrong subject
    ]
    report = score_gold(gold_file, [extraction(claims)])
    assert report.fields["polarity"].precision == pytest.approx(0.5)  # 1 of 2 matched claims
    bands = {band.label: (band.n, band.correct) for band in report.bands}
    assert bands == {"<0.5": (1, 0), "0.5-0.7": (1, 1), "0.7-0.9": (0, 0), ">=0.9": (1, 1)}
    # Operating points: claims kept at each minimum confidence, and how many are right.
    kept = {t.min_confidence: (t.n, t.correct) for t in report.thresholds}
    assert kept == {0.0: (3, 2), 0.3: (3, 2), 0.4: (2, 2), 0.5: (2, 2), 0.6: (2, 2), 0.7: (1, 1)}
    at_half = next(t for t in report.thresholds if t.min_confidence == 0.5)
    assert (at_half.precision, at_half.recall) == (1.0, pytest.approx(2 / 3))


@pytest.mark.parametrize(
    ("quote", "speaker", "found", "right"),
    [
        ("We will not accept this,", "masrour", 1, 1),
        ("will not accept", "masrour", 1, 1),  # partial quote inside the gold one
        ("We will not accept this,", "nechirvan", 1, 0),  # wrong Barzani
        ("We will not accept this,", None, 1, 0),
        ("something else entirely", "masrour", 0, 0),
    ],
)
def test_quote_speakers(gold_file, quote, speaker, found, right):
    claims = [claim("STATEMENT", speaker, None, "said", quote=quote, speaker=speaker)]
    report = score_gold(gold_file, [extraction(claims)])
    assert report.fields["quotes"].correct_gold == found
    assert report.fields["quote_speakers"].correct_gold == right


def test_pronoun_and_clutter_actors_are_reported(gold_file):
    bad = extraction(actor_keys=("harris",))
    bad = Extraction(
        document=bad.document, actors=(*bad.actors, Actor("he", "he", "Person")), claims=()
    )
    report = score_gold(gold_file, [bad])
    assert report.figures["pronoun_or_clutter_actors"] == 1


def test_render_table_lists_fields_and_bands(gold_file):
    report = score_gold(gold_file, [extraction([claim("ACCUSE", "harris", "iran", "accused")])])
    table = render_table(report)
    assert "| claims | 1.000 | 0.333 |" in table
    assert "| >=0.9 |" in table
    assert "| 0.50 | 1 | 1 | 1.000 | 0.333 |" in table
    json.dumps(report.to_dict())  # JSON-ready


@pytest.mark.parametrize(
    ("snippet", "count"),
    [
        ("Barzani", 3),
        ("We will not accept this", 1),
        ('"We will not', 1),  # a straight mark finds the curly one
        ("Harris   accused", 1),  # spacing folded
        ("Talabani", 0),
    ],
)
def test_locate(snippet, count):
    assert len(locate(snippet, TEXT)) == count


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ('evidence: "Harris accused Iran"', "evidence not in the article"),
        ("relation: ACCUSE", "unknown relation"),
        ("object: iran", "not declared"),
    ],
)
def test_check_gold_finds_problems(tmp_path, change, problem):
    broken = {
        'evidence: "Harris accused Iran"': ("Harris accused Iran", "Harris praised Iran"),
        "relation: ACCUSE": ("relation: ACCUSE", "relation: SCOLD"),
        "object: iran": ("object: iran", "object: tehran"),
    }[change]
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD_YAML.replace(*broken), encoding="utf-8")
    (tmp_path / "article.txt").write_text(TEXT, encoding="utf-8")
    problems = check_gold(load_gold(path), tmp_path)
    assert any(problem in p for p in problems), problems


def test_load_gold_names_the_bad_entry(tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text("documents:\n  - {file: a.txt, claims: [{subject: x}]}\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="document 1"):
        load_gold(path)


# ---- the seed gold itself ------------------------------------------------------------------


def seed_gold_or_skip():
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return load_gold(GOLD)


def test_seed_gold_is_valid():
    gold = seed_gold_or_skip()
    assert check_gold(gold, SEEDS) == []
    assert len(gold.documents) == 5
    assert sum(len(d.claims) for d in gold.documents) >= 60
    assert all(d.quotes or d.claims for d in gold.documents)


def perfect_extraction(doc) -> Extraction:
    """What an ideal extractor would return for one seed article, built from its gold."""
    text = (SEEDS / doc.file).read_text(encoding="utf-8")
    actors = {a.id: Actor(a.id, a.label, a.type, aliases=a.names) for a in doc.actors}
    ments = [
        Mention(a.id, text[s:e], s, e, "ner")
        for a in doc.actors
        for name in a.names
        for s, e in locate(name, text)
    ]
    claims = []
    for number, g in enumerate(doc.claims):
        start, end = locate(g.evidence, text)[0]  # the snippet stands in for its sentence

        def ref(actor_id):
            return actors[actor_id].ref() if actor_id else None

        claims.append(
            Claim(
                str(number),
                doc.file,
                g.relation,
                ref(g.subject),
                ref(g.object),
                ref(g.speaker),
                "",
                None,
                text[start:end],
                start,
                end,
                polarity=g.polarity,
            )
        )
    document = Document(id=doc.file, text=text, source=str(SEEDS / doc.file))
    return Extraction(document, tuple(actors.values()), tuple(ments), tuple(claims))


def test_seed_gold_perfect_extraction_scores_one():
    gold = seed_gold_or_skip()
    report = score_gold(gold, [perfect_extraction(doc) for doc in gold.documents])
    assert report.fields["claims"].precision == pytest.approx(1.0)
    assert report.fields["claims"].recall == pytest.approx(1.0)
    assert report.fields["actors"].f1 == pytest.approx(1.0)
    assert report.figures["person_merges"] == 0


def test_seed_gold_empty_extraction_scores_zero():
    gold = seed_gold_or_skip()
    report = score_gold(gold, [])
    assert report.fields["claims"].recall == 0.0
    assert report.fields["quotes"].recall == 0.0


# ---- public sets ---------------------------------------------------------------------------

CAMEO_TABLE = """\
03: AGREE
031: AGREE,  , diplomatic # Agree
08: CONCEDE
080: CONCEDE,   ,  # Yield
08: RETREAT
0841: RETREAT, release,   legal # Release
19: ASSAULT
190: ASSAULT, , # Use force
"""


@pytest.mark.parametrize(
    ("code", "relation"),
    [
        ("031", "AGREE"),
        ("0311", "AGREE"),  # unknown four-digit code: its three-digit parent
        ("080", "CONCEDE"),
        ("0841", "RETREAT"),
        ("084", None),  # root 08 is ambiguous (CONCEDE or RETREAT), so not used
        ("193", "ASSAULT"),
        ("010", "STATEMENT"),  # CAMEO 01 is not in the table: our STATEMENT
        ("020", "REQUEST"),
    ],
)
def test_cameo_mapping(tmp_path, code, relation):
    path = tmp_path / "cameo.txt"
    path.write_text(CAMEO_TABLE, encoding="utf-8")
    assert cameo_to_relation(code, load_cameo_map(path)) == relation


def test_real_cameo_table_maps_every_petrarch_gold_code():
    table_path = EVAL / "CAMEO2PLOVER-2021.txt"
    if not table_path.is_file():
        pytest.skip("shared/eval not found")
    table = load_cameo_map(table_path)
    lines = (EVAL / "universalpetrarch_PETR2_GSR_validation.jsonl").read_text().splitlines()
    codes = {e["code"] for line in lines for e in json.loads(line)["events"]}
    assert all(cameo_to_relation(code, table) for code in codes)


def sentence_extraction(text: str, claims: list[tuple[str, str | None, str | None]]):
    document = Document(id="s", text=text, source="s")
    refs = {name: ActorRef(name.lower(), name, "Group") for c in claims for name in c[1:] if name}
    return Extraction(
        document=document,
        actors=tuple(Actor(r.id, r.label, r.type) for r in refs.values()),
        claims=tuple(
            Claim(
                str(i),
                "s",
                rel,
                refs.get(s or ""),
                refs.get(o or ""),
                None,
                "",
                None,
                text,
                0,
                len(text),
            )
            for i, (rel, s, o) in enumerate(claims)
        ),
    )


def plover_record(code: str, source: str, target: str) -> dict:
    return {
        "id": "x",
        "sentence": f"{source} did something to {target}.",
        "events": [
            {
                "code": code,
                "source": [{"actorText": source}],
                "target": [{"actorText": target}],
            }
        ],
        "markup": "",
    }


def test_score_plover():
    records = [
        plover_record("DEMAND", "Hungarian officials", "Romania"),  # draft code -> REQUEST
        plover_record("ASSAULT", "rebels", "the army"),
        plover_record("AGREE", "Chad", "Sudan"),
    ]
    results = [
        sentence_extraction("", [("REQUEST", "Hungarian", "Romania"), ("STATEMENT", "x", None)]),
        sentence_extraction("", [("ACCUSE", "rebels", "army")]),  # wrong type
        sentence_extraction("", [("AGREE", "Chad", None)]),  # no object
    ]
    assert public_kind(records) == "plover"
    report = score_plover(records, results)
    # STATEMENT is not a PLOVER code, so predictions are REQUEST, ACCUSE, AGREE: 2 of 3 right
    assert report.fields["event_type"].precision == pytest.approx(2 / 3)
    assert report.fields["sentences_typed"].recall == pytest.approx(2 / 3)
    assert report.fields["subject_cover"].recall == pytest.approx(1.0)  # "Hungarian" in gold
    assert report.fields["object_cover"].recall == pytest.approx(0.5)  # Chad's has none


def test_score_petrarch():
    records = [
        {"sentence": "a", "events": [{"code": "190"}], "noevents": False, "evaluate": "true"},
        {"sentence": "b", "events": [], "noevents": True, "evaluate": "true"},
        {"sentence": "c", "events": [{"code": "010"}], "noevents": False, "evaluate": "true"},
    ]
    results = [
        sentence_extraction("a", [("ASSAULT", "A", "B")]),
        sentence_extraction("b", [("THREATEN", "A", "B")]),  # no event in gold
        sentence_extraction("c", [("STATEMENT", "A", None)]),
    ]
    assert public_kind(records) == "petrarch"
    report = score_petrarch(records, results, cameo={"19": "ASSAULT", "190": "ASSAULT"})
    assert report.fields["event_type"].precision == pytest.approx(2 / 3)
    assert report.fields["event_type"].recall == pytest.approx(1.0)
    assert report.fields["event_type_plover"].precision == pytest.approx(1 / 2)


def test_score_textacy():
    records = [
        {
            "text": 'Burton said, "I love cats!"',
            "lang": "en",
            "quotes": [{"speaker": "Burton", "cue": "said", "quote": '"I love cats!"'}],
        },
        {
            "text": 'Burton smiled. "Cats," he said.',
            "lang": "en",
            "quotes": [{"speaker": "he", "cue": "said", "quote": '"Cats,"'}],
        },
        {"text": "Burton thinks cats are cute.", "lang": "en", "quotes": []},
        {
            "text": "«Gatos», dijo Burtón.",
            "lang": "es",
            "quotes": [{"speaker": "B", "cue": "dijo", "quote": "«Gatos»"}],
        },
    ]

    def quoted(text, quote, speaker, cue):
        ref = ActorRef(speaker.lower(), speaker, "Person") if speaker else None
        c = Claim("1", "s", "STATEMENT", ref, None, ref, cue, quote, text, 0, len(text))
        return Extraction(document=Document(id="s", text=text, source="s"), claims=(c,))

    results = [
        quoted(records[0]["text"], "I love cats!", "Burton", "said"),
        quoted(records[1]["text"], "Cats,", "Burton", "said"),  # the pronoun resolved: right
        quoted(records[2]["text"], "cute", "Burton", "thinks"),  # no quote in gold: wrong
    ]
    assert public_kind(records) == "textacy"
    report = score_textacy(records, results)
    assert report.figures["skipped_not_english"] == 1
    assert report.fields["quotes"].precision == pytest.approx(2 / 3)
    assert report.fields["quotes"].recall == pytest.approx(1.0)
    assert report.fields["speakers"].recall == pytest.approx(1.0)
    assert report.fields["cues"].recall == pytest.approx(1.0)


def test_unknown_public_records_raise():
    with pytest.raises(EvaluationError, match="Unrecognised"):
        public_kind([{"foo": 1}])


# ---- the command line ----------------------------------------------------------------------


@pytest.fixture()
def fake_evaluate(monkeypatch, gold_file):
    """`kg eval` with the pipeline replaced by a hand-made extraction of the small article."""
    import extract.actors.registry
    import extract.evaluation.run
    import extract.nlp.pipeline

    def fake(gold, *, nlp, registry, corpus=None, details=False):
        claims = [claim("ACCUSE", "harris", "iran", "accused", confidence=0.95)]
        return score_gold(gold, [extraction(claims)], name=Path(gold).name)

    monkeypatch.setattr(extract.actors.registry, "load_registry", lambda extra=(): None)
    monkeypatch.setattr(extract.nlp.pipeline, "load_nlp", lambda model=None, registry=None: None)
    monkeypatch.setattr(extract.evaluation.run, "evaluate", fake)
    return gold_file


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ((), "| claims | 1.000 | 0.333 |"),
        (("--format", "json"), '"recall": 0.3333333333333333'),
    ],
)
def test_cli_eval_prints_scores(fake_evaluate, options, expected):
    from typer.testing import CliRunner

    from cli import app

    result = CliRunner().invoke(app, ["eval", str(fake_evaluate), *options])
    assert result.exit_code == 0, result.output
    assert expected in result.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["eval", "missing.yaml"], "not found"),
        (["eval", "GOLD", "--format", "xml"], "Unknown --format"),
    ],
)
def test_cli_eval_rejects_bad_input(fake_evaluate, arguments, message):
    from typer.testing import CliRunner

    from cli import app

    arguments = [str(fake_evaluate) if a == "GOLD" else a for a in arguments]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 2
    assert message in result.output


# ---- end to end, with the real pipeline ----------------------------------------------------


@pytest.mark.model
def test_evaluate_seeds_end_to_end(nlp, registry, shared):
    from extract.evaluation.run import evaluate

    report = evaluate(GOLD, nlp=nlp, registry=registry, corpus=shared / "corpus" / "seeds")
    assert report.figures["documents"] == 5
    assert report.figures["failures"] == 0
    assert report.fields["claims"].n_gold == report.figures["gold_claims"]
    assert report.fields["actors"].n_gold > 100


@pytest.mark.model
def test_evaluate_textacy_end_to_end(nlp, registry, shared):
    from extract.evaluation.run import evaluate

    report = evaluate(
        shared / "eval" / "textacy_direct_quotations_tests.jsonl", nlp=nlp, registry=registry
    )
    assert report.kind == "textacy"
    assert report.figures["cases"] == 7
    assert report.fields["quotes"].n_gold == 6


@pytest.mark.parametrize(
    ("fits", "expected"),
    [
        # gold 0 fits predictions 0 and 1, gold 1 only prediction 0: a greedy pass
        # would give prediction 0 to gold 0 and leave gold 1 unmatched
        ({(0, 0), (0, 1), (1, 0)}, [(0, 1), (1, 0)]),
        ({(0, 0), (1, 0)}, [(0, 0)]),  # one prediction cannot match two gold items
        (set(), []),
    ],
)
def test_matching_is_maximal_and_one_to_one(fits, expected):
    from extract.evaluation.annotated import _match

    assert _match([0, 1], [0, 1], lambda g, p: (g, p) in fits) == expected


# ---- actors linked across the documents of a gold set, as kg ingest links them -------------

TWO_SPELLINGS_YAML = """
documents:
  - file: one.txt
    actors:
      - {id: hashemi, label: Muqtadir al-Hashemi, type: Person, names: [Muqtadir al-Hashemi]}
  - file: two.txt
    actors:
      - {id: hashemi, label: Muqtadir al-Hashemi, type: Person, names: [Moqtadir Hashimi]}
"""


def test_score_gold_links_two_spellings_across_documents(tmp_path: Path):
    gold = tmp_path / "gold.yaml"
    gold.write_text(TWO_SPELLINGS_YAML, encoding="utf-8")
    extractions = []
    for file, name in (("one.txt", "Muqtadir al-Hashemi"), ("two.txt", "Moqtadir Hashimi")):
        text = f"{name} said the road would reopen."
        actor = Actor(name.lower().replace(" ", "-"), name, "Person")
        document = Document(id=file, text=text, source=f"/somewhere/{file}")
        mention = Mention(actor.id, name, 0, len(name), "ner")
        extractions.append(Extraction(document, (actor,), (mention,)))
    report = score_gold(gold, extractions)
    # one predicted actor for the one gold person: B-cubed recall 1 (2 ids would give 0.5)
    assert report.fields["actors"].recall == pytest.approx(1.0)
    assert report.fields["actors"].precision == pytest.approx(1.0)
