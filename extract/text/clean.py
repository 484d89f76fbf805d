"""Masking page clutter out of a document's text, keeping every offset valid.

Web pages saved as text carry menus, "related articles" rails, share bars, app
banners, comment policies, photo credits and forum chrome around the article.
`mask_clutter` finds them with general line-shape rules plus a small YAML list of
generic patterns (`clutter.yaml`), and replaces them with spaces: the result has the
same length and the same newlines as the input, so offsets into it are offsets into
the text as read. Exactly repeated lines are masked after their first copy, so a
paragraph printed twice yields its claims once.

The rules, in order (see `explain` for the verdict on each line):

1. A line matching a clutter pattern, an image file name, a line with no words or a
   single word, or a line made only of share/social words is clutter.
2. A line that is not prose (no sentence-final punctuation, few words) and sits in a
   run of two or more such lines (blank lines do not break a run) is clutter, except
   the page title at the top and a lone headline (with its date) that leads into
   prose; a rail of several headlines keeps none.
3. Prose between two pattern-masked lines (a comment policy paragraph) is clutter.
4. A line repeating an earlier kept line exactly is clutter.
5. Widgets inside a line ("A+ A-", "3 min read") are masked as spans, and so is the
   dateline opening a paragraph ("ERBIL, Kurdistan Region - ", "BAGHDAD — "): the
   parser would take its place name for the subject of the first sentence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from extract.errors import ClutterRulesError
from extract.text.prose import mask_spans
from extract.text.read import find_date, find_date_span

DEFAULT_RULES_PATH = Path(__file__).with_name("clutter.yaml")

#: A headline leads into prose when prose follows within this many non-blank lines.
_HEADLINE_LEAD = 5
_HEADLINE_MIN_WORDS = 4
_HEADLINE_MAX_WORDS = 24
#: A line this long is prose even without final punctuation.
_PROSE_MIN_WORDS = 25
_DATE_LINE_MAX_WORDS = 8

_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]»]*$")
_INNER_SENTENCE = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]")
_ENDS_QUOTE = re.compile(r"[\"”’']\)?$")
_OPENS_QUOTE = re.compile(r"(^|\s)[\"“‘']\w")
# The signature under an embedded post: "— Name (@handle) May 11, 2020".
_ATTRIBUTION = re.compile(r"^[—–-]+\s*\S.{0,150}\(@\w+\)")
_BULLET = re.compile(r"^\s*[-*•·▪◦]\s+")
_IMAGE_FILE = re.compile(r"^\S+\.(png|jpe?g|gif|webp|svg|bmp|tiff?|avif)$", re.IGNORECASE)
_HAS_LETTER = re.compile(r"[^\W\d_]")
_PUNCTUATION = "\"'“”‘’()[]{}<>|/\\,.;:!?·•-–—*#@"
_WIDGET_MAX_WORDS = 8


@dataclass(frozen=True)
class ClutterRules:
    """Compiled clutter patterns (see `clutter.yaml` for their meaning)."""

    line_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    span_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    widget_words: frozenset[str]
    line_max_words: int = 60


@dataclass(frozen=True)
class Cleaned:
    """A text with its clutter masked.

    Attributes:
        text: same length as the input; clutter characters replaced by spaces,
            newlines kept.
        masked: the masked character spans, sorted and merged.
    """

    text: str
    masked: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class LineVerdict:
    """Why one non-blank line of the input was kept or masked.

    `reason` is empty for a kept line, else the rule that masked it ("pattern:app_banner",
    "run", "lone word", "repeat", ...).
    """

    start: int
    end: int
    text: str
    kind: str
    reason: str

    @property
    def masked(self) -> bool:
        """True when the whole line is masked."""
        return bool(self.reason)


def _compile(section: Any, *, name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    if not isinstance(section, dict):
        raise ClutterRulesError(f"clutter rules: {name!r} must map categories to pattern lists")
    compiled = []
    for category, patterns in section.items():
        for pattern in patterns or ():
            try:
                compiled.append((str(category), re.compile(str(pattern), re.IGNORECASE)))
            except re.error as err:
                raise ClutterRulesError(
                    f"clutter rules: bad pattern {pattern!r} in {name}.{category}: {err}"
                ) from err
    return tuple(compiled)


def load_rules(path: Path | str | None = None) -> ClutterRules:
    """Load clutter rules from a YAML file (default: the shipped `clutter.yaml`).

    Args:
        path: a YAML file with ``line_patterns``, ``span_patterns`` and ``widget_words``.

    Returns:
        The compiled rules.

    Raises:
        ClutterRulesError: the file cannot be read or parsed, or a pattern is invalid.
    """
    if path is None:
        return _default_rules()
    return _load(Path(path))


@functools.lru_cache(maxsize=1)
def _default_rules() -> ClutterRules:
    return _load(DEFAULT_RULES_PATH)


def _load(path: Path) -> ClutterRules:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ClutterRulesError(f"clutter rules: cannot read {path}: {err}") from err
    if not isinstance(data, dict):
        raise ClutterRulesError(f"clutter rules: {path} must hold a YAML mapping")
    return ClutterRules(
        line_patterns=_compile(data.get("line_patterns", {}), name="line_patterns"),
        span_patterns=_compile(data.get("span_patterns", {}), name="span_patterns"),
        widget_words=frozenset(str(word).casefold() for word in data.get("widget_words", ())),
        line_max_words=int(data.get("line_max_words", 60)),
    )


# ---- line shapes --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str
    kind: str  # prose, headline, date, short, or an always-clutter kind
    key: str  # whitespace-folded text, for finding repeats


# Kinds that end a run of short lines.
_RUN_BREAKERS = ("prose", "attribution")
# Kinds that are clutter wherever they stand.
_ALWAYS = ("pattern", "image", "no words", "lone word", "widget")


def _kind(text: str, rules: ClutterRules) -> str:
    stripped = text.strip()
    tokens = stripped.split()
    words = [token for token in tokens if _HAS_LETTER.search(token)]
    if len(words) <= rules.line_max_words:
        for category, pattern in rules.line_patterns:
            if pattern.search(stripped):
                return f"pattern:{category}"
    if len(tokens) == 1 and _IMAGE_FILE.match(stripped):
        return "image"
    if not words:
        return "no words"
    if len(words) == 1 and len(tokens) <= 2:
        return "lone word"
    if len(words) <= _WIDGET_MAX_WORDS:
        folded = [word.strip(_PUNCTUATION).casefold() for word in words]
        if all(word in rules.widget_words for word in folded if word):
            return "widget"
    if _is_prose(stripped, len(words)):
        return "prose"
    if _ATTRIBUTION.match(stripped):
        return "attribution"
    if len(words) <= _DATE_LINE_MAX_WORDS and find_date(stripped):
        return "date"
    if _HEADLINE_MIN_WORDS <= len(words) <= _HEADLINE_MAX_WORDS:
        return "headline"
    return "short"


def _is_prose(text: str, n_words: int) -> bool:
    if n_words >= _PROSE_MIN_WORDS:
        return True
    if n_words >= 4 and _ENDS_SENTENCE.search(text) and not text.endswith(".."):
        return True
    if n_words >= 12 and _INNER_SENTENCE.search(text):
        return True
    # Reported speech that ends on its quotation: He called it "a step forward"
    if n_words >= 8 and _ENDS_QUOTE.search(text) and _OPENS_QUOTE.search(text):
        return True
    # A bulleted statement ("- The ministry condemned the attack") in a list.
    return n_words >= 6 and bool(_BULLET.match(text))


def _lines(text: str, rules: ClutterRules) -> list[_Line]:
    lines = []
    start = 0
    for raw in text.split("\n"):
        end = start + len(raw)
        if raw.strip():
            kind = _kind(raw, rules)
            lines.append(_Line(start, end, raw, kind, " ".join(raw.split())))
        start = end + 1
    return lines


# ---- verdicts -----------------------------------------------------------------------------


def _runs(lines: list[_Line]) -> list[list[int]]:
    """Indices of consecutive non-prose lines (blank lines are already left out)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, line in enumerate(lines):
        if line.kind in _RUN_BREAKERS:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(index)
    if current:
        runs.append(current)
    return runs


def _kept_in_run(lines: list[_Line], run: list[int], *, top: bool) -> set[int]:
    """Lines of a clutter run that stay: a lone headline leading into prose, its dates.

    A headline straight after another headline is part of a rail and never stays. At the
    top of the page the first headline stays too (the page title), as do date lines.
    """
    ends_before_prose = run[-1] + 1 < len(lines)
    seen: set[str] = set()
    previous_headline = False
    first_headline = True
    kept: set[int] = set()
    for position, index in enumerate(run):
        line = lines[index]
        if line.key in seen:  # a repeated line neither starts nor breaks a rail
            continue
        seen.add(line.key)
        if line.kind != "headline":
            previous_headline = False
            continue
        rest = run[position + 1 :]
        leads = (
            ends_before_prose
            and len(rest) < _HEADLINE_LEAD
            and not any(lines[later].kind == "headline" for later in rest)
        )
        if not previous_headline and (leads or (top and first_headline)):
            kept.add(index)
            if leads:
                kept.update(later for later in rest if _is_dateline(lines, later))
        previous_headline = True
        first_headline = False
    if top:
        kept.update(index for index in run if _is_dateline(lines, index))
    return kept


def _is_dateline(lines: list[_Line], index: int) -> bool:
    """A date line that is not the value of a label above it ("Joined" / "Nov 17, 2017")."""
    if lines[index].kind != "date":
        return False
    return index == 0 or not lines[index - 1].kind.startswith(("lone word", "pattern"))


def _verdicts(text: str, rules: ClutterRules) -> list[tuple[_Line, str]]:
    lines = _lines(text, rules)
    reasons = ["" for _ in lines]
    for index, line in enumerate(lines):
        if line.kind.startswith(_ALWAYS):
            reasons[index] = line.kind
    # Without a single line of prose there is no article to tell menus from (a short
    # note, a list of headlines given on purpose): only the always-clutter rules apply.
    has_prose = any(line.kind == "prose" for line in lines)
    for number, run in enumerate(_runs(lines)):
        if len(run) < 2 or not has_prose:
            continue
        kept = _kept_in_run(lines, run, top=number == 0 and run[0] == 0)
        for index in run:
            if not reasons[index] and index not in kept:
                reasons[index] = "run"
    # Prose between two pattern-masked lines belongs to the same box (a comment policy).
    for index in range(1, len(lines) - 1):
        if (
            lines[index].kind == "prose"
            and lines[index - 1].kind.startswith("pattern")
            and lines[index + 1].kind.startswith("pattern")
        ):
            reasons[index] = "between clutter"
    seen: set[str] = set()
    for index, line in enumerate(lines):
        if reasons[index]:
            continue
        if line.key in seen:
            reasons[index] = "repeat"
        seen.add(line.key)
    return list(zip(lines, reasons, strict=True))


def explain(text: str, *, rules: ClutterRules | None = None) -> tuple[LineVerdict, ...]:
    """Say, for each non-blank line of `text`, whether it is clutter and by which rule.

    Args:
        text: a document's text as read.
        rules: clutter rules (default: the shipped ones).

    Returns:
        One verdict per non-blank line, in order.
    """
    verdicts = _verdicts(text, rules or _default_rules())
    return tuple(
        LineVerdict(line.start, line.end, line.text, line.kind, reason) for line, reason in verdicts
    )


def mask_clutter(text: str, *, rules: ClutterRules | None = None) -> Cleaned:
    """Replace page clutter in `text` with spaces, keeping its length and newlines.

    Args:
        text: a document's text as read.
        rules: clutter rules (default: the shipped `clutter.yaml`).

    Returns:
        The masked text and the masked spans; ``text[start:end]`` of any unmasked span
        is unchanged.
    """
    rules = rules or _default_rules()
    spans: list[tuple[int, int]] = []
    for line, reason in _verdicts(text, rules):
        if reason:
            spans.append((line.start, line.end))
            continue
        inner = [
            (line.start + match.start(), line.start + match.end())
            for _, pattern in rules.span_patterns
            for match in pattern.finditer(line.text)
            if match.end() > match.start()
        ]
        if line.kind == "date" and (found := find_date_span(line.text)):
            # Keep the date itself; the words around it are bylines and widgets.
            inner += [(line.start, line.start + found[0]), (line.start + found[1], line.end)]
        inner = [(start, end) for start, end in inner if end > start]
        if inner and line.kind != "date":
            left = mask_spans(line.text, [(s - line.start, e - line.start) for s, e in inner])
            if not _HAS_LETTER.search(left):  # nothing but the widget on this line
                inner = [(line.start, line.end)]
        spans.extend(inner)
    merged = _merge(spans)
    return Cleaned(text=mask_spans(text, merged), masked=tuple(merged))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def main_text(text: str, *, rules: ClutterRules | None = None) -> str:
    """The text that survives masking, one line per kept line, spaces collapsed.

    Meant for reading and tests; offsets into it are NOT offsets into `text`.
    """
    masked = mask_clutter(text, rules=rules).text
    lines = (" ".join(line.split()) for line in masked.split("\n"))
    return "\n".join(line for line in lines if line)
