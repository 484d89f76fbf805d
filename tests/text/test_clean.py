"""Tests for extract.text.clean: clutter masking keeps offsets and real sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extract.text.clean import (
    DEFAULT_RULES_PATH,
    Cleaned,
    ClutterRulesError,
    explain,
    load_rules,
    main_text,
    mask_clutter,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "clean"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"

# Two prose lines that frame a line under test, so that it stands alone.
BEFORE = "The minister said on Monday that the talks would resume after the holiday."
AFTER = "Officials from both sides declined to give a date for the next meeting."


def _seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def _fixture_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("*.txt"))]
    texts += [path.read_text(encoding="utf-8") for path in _seed_paths()]
    texts += ["", "\n\n", "one line without newline", "A+ A-\r\nlogo\n\n  \n"]
    return texts


def _line_is_masked(text: str, line: str) -> bool:
    """Whether the first line of `text` equal to `line` is wholly blank after masking."""
    cleaned = mask_clutter(text).text
    start = text.index(line)
    return not cleaned[start : start + len(line)].strip()


@pytest.mark.parametrize("text", _fixture_texts())
def test_masking_keeps_length_newlines_and_unmasked_text(text: str) -> None:
    cleaned = mask_clutter(text)
    assert isinstance(cleaned, Cleaned)
    assert len(cleaned.text) == len(text)
    assert [i for i, ch in enumerate(cleaned.text) if ch == "\n"] == [
        i for i, ch in enumerate(text) if ch == "\n"
    ]
    inside = set()
    for start, end in cleaned.masked:
        assert 0 <= start < end <= len(text)
        assert not cleaned.text[start:end].strip()
        inside.update(range(start, end))
    for i, ch in enumerate(text):
        if i not in inside:
            assert cleaned.text[i] == ch
    assert list(cleaned.masked) == sorted(cleaned.masked)


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        ("logo", True),  # a single word on its own line
        ("A+ A-", True),  # font-size widget
        ("12,324", True),  # forum counter
        ("24,463 1,293 0", True),
        ("1601732639700.png", True),  # image file name
        ("Share", True),
        ("Facebook Twitter WhatsApp Email", True),  # share bar: only social words
        ("Follow us on X", True),
        ("DOWNLOAD THE APP", True),
        ("Get it on Google Play", True),
        ("No comments yet...", True),
        ("Be the first to comment", True),
        ("Sign up for our weekly newsletter", True),
        ("Tags: Iraq, oil, elections", True),
        ("Most read", True),
        ("Read more: Budget row deepens", True),
        ("14 minutes ago", True),
        ("View attachment 1234", True),
        ("Joined", True),
        ("Messages: 1,204", True),
        ("© 2021 Some Media Group", True),
        ("This website uses cookies to improve your experience.", True),
        ("File photo by John Doe", True),
        # credits and sign-offs of wire copy (GUIDE.md: not actors)
        ("Reporting by Jane Roe; Editing by John Doe", True),
        ("Reporting by Jane Roe and Ahmed Rasheed in Baghdad; Writing by Mark Cole", True),
        ("(Additional reporting by Mark Cole in Erbil)", True),
        ("Writing by Sam Holt; editing by Ann Wick", True),
        ("By Jane Roe", True),
        ("By Jane Roe and Ahmed Rasheed, Reuters", True),
        ("Jane Roe contributed to this report.", True),
        ("Ahmed Rasheed contributed reporting from Mosul.", True),
        # kept: sentences about reporting and contributions
        ("By Tuesday the army had retaken the town.", False),
        ("Reporting on the siege has been banned by the army since March.", False),
        ("The United States contributed troops to the coalition in 2014.", False),
        # Kept: a section heading alone between paragraphs, a dateline, sentences.
        ("Talks on the budget", False),
        ("May 11, 2020", False),
        ("BAGHDAD - The spokesman said the group had no part in the attack.", False),
        ('"We will respond to any attack," he said.', False),
        ("A photo by state media showed the minister at the scene.", False),
        ("The ministry did not comment on the report, which was rejected by the army.", False),
        ("Officials urged residents to stay indoors as the storm approached.", False),
    ],
)
def test_single_line_between_sentences(line: str, masked: bool) -> None:
    text = f"{BEFORE}\n{line}\n{AFTER}\n"
    assert _line_is_masked(text, line) is masked
    assert not _line_is_masked(text, BEFORE)
    assert not _line_is_masked(text, AFTER)


def _pattern_examples() -> list[str]:
    return [
        "Download our app",
        "Reporting by Jane Roe; Editing by John Doe",
        "Writing by Sam Holt; editing by Ann Wick",
        "By Jane Roe and Ahmed Rasheed",
        "Jane Roe contributed to this report.",
        "Download the Example app today",
        "Get it on Google Play",
        "Available on the App Store",
        "Comments (3)",
        "No comments yet",
        "Post a comment",
        "Be the first to comment",
        "Show all comments",
        "The site moderates all comments before publication.",
        "Comments are reviewed before publication.",
        "We welcome thoughtful comments from readers.",
        "Your comments must be on topic.",
        "Comments that do not meet these rules are deleted.",
        "Please respect our community guidelines.",
        "You must be logged in to post a comment.",
        "Subscribe to our daily newsletter",
        "Sign up for our breaking news alerts",
        "The best stories delivered to your inbox.",
        "Enter your email address",
        "We use cookies to personalise content.",
        "Accept all cookies",
        "Copyright 2020 Example Media",
        "All rights reserved.",
        "Related articles",
        "Most popular this week",
        "Topics: security, energy",
        "Image of the damaged building",
        "Profile picture of the author",
        # span patterns
        "Photo: Jane Roe",
        "Photo credit: the ministry",
        "Fighters at a checkpoint. (Getty Images)",
        "Fighters at a checkpoint. (Jane Roe/Example Agency)",
        "A+ A-",
        "A- A+",
        "Text size A A+",
        "Headline words | Section | Site",
        "4 min read",
        "an hour ago",
        "View attachment 99",
        "Click to expand...",
        "Reactions: 12",
        "MOSUL, Nineveh Province - The governor said the road had reopened.",
        "Kirkuk (Example Agency) – The council met on Sunday.",
    ]


def test_every_shipped_pattern_has_an_example() -> None:
    rules = load_rules()
    examples = _pattern_examples()
    unused = [
        f"{category}: {pattern.pattern}"
        for category, pattern in rules.line_patterns + rules.span_patterns
        if not any(pattern.search(example) for example in examples)
    ]
    assert unused == []


@pytest.mark.parametrize(
    ("line", "widget", "kept"),
    [
        ("A+ A- ERBIL - The minister said the talks had failed.", "A+ A-", "ERBIL - The minister"),
        ("Font size: A- A+ The council met on Sunday.", "Font size: A- A+", "The council met"),
        ("Sep. 08, 2025 • 3 min read", "• 3 min read", "Sep. 08, 2025"),
        ("City Desk 25-07-2025", "City Desk", "25-07-2025"),  # a date line keeps its date
        (
            "Protesters gather outside the ministry. (Jane Roe/Example Agency)",
            "(Jane Roe/Example Agency)",
            "Protesters gather outside the ministry.",
        ),
        (
            "Fighters rest at a checkpoint near the border. Photo: Jane Roe",
            "Photo: Jane Roe",
            "Fighters rest at a checkpoint near the border.",
        ),
        (
            "Militia leader rejects calls to disarm | World | Example News",
            "| World | Example News",
            "Militia leader rejects calls to disarm",
        ),
    ],
)
def test_widgets_inside_a_line_are_masked_as_spans(line: str, widget: str, kept: str) -> None:
    text = f"{BEFORE}\n{line}\n{AFTER}\n"
    cleaned = mask_clutter(text).text
    start = text.index(widget)
    assert not cleaned[start : start + len(widget)].strip()
    start = text.index(kept)
    assert cleaned[start : start + len(kept)] == kept


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        (
            "MOSUL, Nineveh Province - The governor said the road had reopened.",
            "MOSUL, Nineveh Province - ",
        ),
        ("DAMASCUS — Syrian officials denied the report on Friday.", "DAMASCUS — "),
        (
            "ANKARA (Example Wire) - Turkey said it would extend the mission.",
            "ANKARA (Example Wire) - ",
        ),
        (
            "SULAIMANI, Kurdistan Region of Iraq – Two parties signed a pact.",
            "SULAIMANI, Kurdistan Region of Iraq – ",
        ),
        ("Kirkuk (Example Agency) – The council met on Sunday.", "Kirkuk (Example Agency) – "),
        ("Basra ( – Police arrested three men on Monday.", "Basra ( – "),  # credit lost in the page
        # Not datelines: an acronym, a sentence that goes on in lower case, a title-case
        # phrase with no agency, a short acronym before a dash.
        ("NATO — which leads the mission — said it would stay.", None),
        ("ISIS - the group behind the attack - claimed it later.", None),
        ("Kataib Hezbollah – the group said – rejected the charge.", None),
        ("Kataib Hezbollah (KH) – The group denied any role in the attack.", None),
        ("KRG - Baghdad talks resumed on Monday after a long pause.", None),
        ("The council in MOSUL - Nineveh met again on Monday.", None),
    ],
)
def test_dateline_opening_a_paragraph_is_masked(line: str, dateline: str | None) -> None:
    text = f"{BEFORE}\n{line}\n{AFTER}\n"
    cleaned = mask_clutter(text).text
    start = text.index(line)
    kept = cleaned[start : start + len(line)]
    if dateline is None:
        assert kept == line
    else:
        assert not kept[: len(dateline)].strip()
        assert kept[len(dateline) :] == line[len(dateline) :]  # the sentence is kept whole


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # unmasked, the parser takes the dateline's place for the subject of the verb
        (
            "AMMAN, Jordan - The United Kingdom on Monday affirmed it is working with "
            "Jordan and Iraq to secure the border.\n",
            "Kingdom",
        ),
        (
            "MOSUL, Nineveh Province - The United Nations on Sunday said it is helping "
            "families return.\n",
            "Nations",
        ),
    ],
)
def test_masked_dateline_leaves_the_subject_to_the_sentence(nlp, text: str, subject: str) -> None:
    doc = nlp(mask_clutter(text).text)
    root = next(token for token in doc if token.dep_ == "ROOT" and not token.is_space)
    assert [child.text for child in root.children if child.dep_ == "nsubj"] == [subject]


def test_fake_news_page() -> None:
    text = (DATA / "news_page.txt").read_text(encoding="utf-8")
    kept = main_text(text).split("\n")
    # The article's title, dateline, sentences, quote and section heading survive.
    assert kept[0] == "Militia leader rejects calls to hand over heavy weapons"
    assert "14 March 2024" in kept
    assert "Security in the north" in kept
    sentences = [line for line in text.split("\n") if line.startswith(("SULAIMANI", "Officials"))]
    # the dateline opening the first paragraph is masked, its sentence kept
    sentences = [line.removeprefix("SULAIMANI - ") for line in sentences]
    assert all(sentence in kept for sentence in sentences)
    assert not any(line.startswith("SULAIMANI") for line in kept)
    # The quote printed twice is kept once.
    assert sum(line.startswith('"Our weapons') for line in kept) == 1
    # Menus, share bar, widget, photo, rail, app banner, comment box and footer are gone.
    for clutter in (
        "Home",
        "Politics",
        "Facebook",
        "A+",
        ".jpg",
        "Photo:",
        "Tags:",
        "Related",
        "Flooding closes",
        "Teachers strike",
        "Download",
        "Comments",
        "hate speech",
        "community guidelines",
        "Leave a comment",
        "All rights reserved",
    ):
        assert not any(clutter in line for line in kept), clutter


def test_fake_forum_thread() -> None:
    text = (DATA / "forum_thread.txt").read_text(encoding="utf-8")
    kept = main_text(text)
    for chrome in ("sandgrouse", "Moderator", "Senior member", "Joined", "Mar 3, 2016"):
        assert chrome not in kept, chrome
    for chrome in ("Messages", "8,102", "15,230", "depot_fire.png", "View attachment", "Reply"):
        assert chrome not in kept, chrome
    # Each post keeps its headline, its date and its sentences.
    for line in (
        "Drone strike hits depot near the airport",
        "June 2, 2022",
        "No group has claimed the attack.",
        "Ministers meet to discuss border security",
        '"We will not allow our territory to be used to attack our neighbours,"',
    ):
        assert line in kept, line


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        # A rail of headlines keeps none of them, but the lone headline over the article stays.
        (
            AFTER + "\nLatest attack on the oil field\nBudget talks stall in parliament\n"
            "Newsdesk\n\nDrone strike hits gas field\nBy Jane Roe\n" + BEFORE + "\n",
            ["Drone strike hits gas field"],
            ["Latest attack on the oil field", "Budget talks stall in parliament"],
        ),
        # A page title at the very top stays even when a rail follows it.
        (
            "Minister visits the border region\nNorthline Daily\nAlso on the site\n"
            "Flooding closes two crossings\nParliament delays budget vote\n" + BEFORE + "\n",
            ["Minister visits the border region"],
            ["Flooding closes", "Parliament delays", "Northline Daily"],
        ),
        # With no prose at all there is no article to protect: short lines stay.
        (
            "Kataib Hezbollah accused the US embassy\nBaghdad denied the charge again\n",
            ["Kataib Hezbollah accused", "Baghdad denied"],
            [],
        ),
        # Reported speech ending on its quotation is prose, even inside a menu run.
        (
            "Related\nThe minister called the new deal 'a real step forward'\nSport\n"
            + BEFORE
            + "\n",
            ["a real step forward", BEFORE],
            ["Related", "Sport"],
        ),
        # An embedded post without final punctuation, and its signature, stay.
        (
            BEFORE + "\nWe condemn the attack on the airport and stand with Erbil\n"
            "— Example Ministry (@ExampleMinistry) October 1, 2020\n" + AFTER + "\n",
            ["We condemn the attack", "(@ExampleMinistry)"],
            [],
        ),
        # A bulleted list of statements is prose, not a menu.
        (
            "- The ministry condemned the attack on the consulate\n"
            "- The army said it had arrested two suspects in the case\n",
            ["The ministry condemned", "arrested two suspects"],
            [],
        ),
    ],
)
def test_line_runs(text: str, kept: list[str], gone: list[str]) -> None:
    result = main_text(text)
    for line in kept:
        assert line in result
    for line in gone:
        assert line not in result


def test_repeated_paragraph_is_kept_once() -> None:
    text = f"{BEFORE}\n\n{AFTER}\n\n{BEFORE}\n"
    cleaned = mask_clutter(text)
    assert main_text(text) == f"{BEFORE}\n{AFTER}"
    assert cleaned.text.index(BEFORE) == 0  # the first copy is the one kept
    assert cleaned.masked == ((text.rindex(BEFORE), len(text) - 1),)


def test_first_kept_copy_wins_over_a_masked_first_copy() -> None:
    headline = "Ministers agree to reopen the border crossing"
    text = f"Related stories\n{headline}\nFloods close two roads\n{BEFORE}\n{headline}.\n"
    # The headline in the rail is masked; the same words later, as a sentence, are kept.
    assert f"{headline}." in main_text(text)


def test_explain_names_the_rule() -> None:
    text = f"logo\n{BEFORE}\n12,324\n{BEFORE}\n"
    reasons = [(verdict.text, verdict.reason) for verdict in explain(text)]
    assert reasons == [
        ("logo", "lone word"),
        (BEFORE, ""),
        ("12,324", "no words"),
        (BEFORE, "repeat"),
    ]


def test_main_text_collapses_masked_lines_and_spaces() -> None:
    text = f"logo\n\n{BEFORE}\nA+ A-   The council met.\n"
    assert main_text(text) == f"{BEFORE}\nThe council met."


def test_custom_rules_file(tmp_path: Path) -> None:
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text(
        yaml.safe_dump({"line_patterns": {"promo": ["^special offer"]}, "widget_words": []}),
        encoding="utf-8",
    )
    rules = load_rules(rules_file)
    text = f"{BEFORE}\nSpecial offer for new readers today.\n{AFTER}\n"
    assert "Special offer" not in main_text(text, rules=rules)
    assert "Special offer" in main_text(text)


@pytest.mark.parametrize(
    "content",
    [
        "line_patterns: {bad: ['(unclosed']}",
        "line_patterns: [not, a, mapping]",
        "- just\n- a list\n",
        "key: [unclosed",
    ],
)
def test_bad_rules_file_raises_own_error(tmp_path: Path, content: str) -> None:
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text(content, encoding="utf-8")
    with pytest.raises(ClutterRulesError):
        load_rules(rules_file)


def test_shipped_rules_file_exists() -> None:
    assert DEFAULT_RULES_PATH.is_file()


# ---- the seed pages (read in place; skipped when /work/shared is absent) -------------------


def _labelled(name: str, text: str) -> tuple[set[int], set[int], dict[int, bool]]:
    labels = yaml.safe_load((DATA / "seed_labels.yaml").read_text(encoding="utf-8"))[name]
    masked = {text.count("\n", 0, v.start) + 1: v.masked for v in explain(text)}

    def expand(specs: list[str]) -> set[int]:
        numbers: set[int] = set()
        for spec in specs:
            first, _, last = str(spec).partition("-")
            numbers |= {n for n in masked if int(first) <= n <= int(last or first)}
        return numbers

    return expand(labels["clutter"]), expand(labels["neutral"]), masked


@pytest.mark.parametrize("path", _seed_paths(), ids=lambda path: path.name)
def test_seed_pages_keep_content_and_mask_clutter(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    clutter, neutral, masked = _labelled(path.name, text)
    content = set(masked) - clutter - neutral
    assert sorted(n for n in content if masked[n]) == []  # no real sentence is masked
    caught = sum(masked[n] for n in clutter)
    assert caught >= 0.9 * len(clutter)


def test_seed_chrome_is_masked() -> None:
    if not _seed_paths():
        pytest.skip("shared seed corpus not available")
    for path in _seed_paths():
        for verdict in explain(path.read_text(encoding="utf-8")):
            line = verdict.text.strip()
            if line in ("logo", "A+ A-", "Administrator", "12,324") or line.endswith(".png"):
                assert verdict.masked, (path.name, line)


def test_seed_repeated_article_is_kept_once() -> None:
    if not _seed_paths():
        pytest.skip("shared seed corpus not available")
    for path in _seed_paths():
        kept = [line for line in main_text(path.read_text(encoding="utf-8")).split("\n")]
        long_lines = [line for line in kept if len(line.split()) > 12]
        assert len(long_lines) == len(set(long_lines)), path.name


def test_gold_evidence_survives_and_gold_clutter_is_masked() -> None:
    gold_file = Path(__file__).resolve().parents[2] / "gold" / "seeds.yaml"
    if not gold_file.is_file() or not _seed_paths():
        pytest.skip("gold annotations or seed corpus not available")
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))

    def fold(text: str) -> str:  # the gold file writes straight quotes
        return text.translate(str.maketrans("‘’“”", "''\"\""))

    checked = 0
    for document in gold["documents"]:
        text = (SEEDS / document["file"]).read_text(encoding="utf-8")
        cleaned = mask_clutter(text).text
        folded, folded_clean = fold(text), fold(cleaned)
        for item in document.get("claims", []) + document.get("quotes", []):
            evidence = fold(item.get("evidence") or item.get("quote") or "")
            starts = [i for i in range(len(folded)) if folded.startswith(evidence, i)]
            if evidence and starts:
                kept = [folded_clean[i : i + len(evidence)] == evidence for i in starts]
                assert any(kept), (document["file"], evidence)
                checked += 1
        for clutter in document.get("clutter", []):
            starts = [i for i in range(len(text)) if text.startswith(clutter, i)]
            assert all(cleaned[i : i + len(clutter)] != clutter for i in starts), clutter
    assert checked >= 100  # the evidence strings were found in the seeds at all
