"""The ingest progress bar (kg/progress.py): a callback, and nothing drawn off a terminal."""

from __future__ import annotations

import pytest

from kg.progress import progress_bar


def test_bar_is_silent_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    with progress_bar() as progress:
        progress(0, 2, "/some/folder/first-article.txt")
        progress(2, 2, "x" * 100 + ".md")  # a long name is cut, not an error
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")


def test_bar_draws_on_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich: treat the output as a terminal
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("TTY_INTERACTIVE", "1")
    with progress_bar("ingest") as progress:
        progress(1, 3, "/some/folder/first-article.txt")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "ingest" in captured.err
