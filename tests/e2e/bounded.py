"""Running a command in a child process with a time limit and a memory limit.

Bad-input tests guard against hangs (a named pipe read forever) and unbounded reads (a
link to /dev/zero): if the guard breaks, the child is killed at its limit and the test
fails with what it printed, instead of taking the test run (or the machine) with it.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

#: The `kg` console script of the interpreter running the tests.
KG = str(Path(sys.executable).parent / "kg")

#: Capabilities that let root read any file: dropped (with `setpriv`) where a test needs
#: a folder it may not read.
_FILE_CAPABILITIES = "-dac_override,-dac_read_search"


def unprivileged_prefix() -> list[str] | None:
    """The command prefix under which permissions hold, or None when none is available.

    Empty for an ordinary user; for root, `setpriv` without the capabilities that let
    root read any file.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    probe = subprocess.run(
        [setpriv, f"--bounding-set={_FILE_CAPABILITIES}", "true"], capture_output=True, check=False
    )
    return [setpriv, f"--bounding-set={_FILE_CAPABILITIES}"] if probe.returncode == 0 else None


def run_bounded(
    command: Sequence[str],
    *,
    timeout: float = 180,
    memory_gb: float = 3,
    cwd: Path | None = None,
    prefix: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """Run `command` with at most `timeout` seconds and `memory_gb` of address space.

    Raises:
        AssertionError: the command did not finish in time (it is killed first).
    """
    limit = int(memory_gb * 1024**3)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    try:
        return subprocess.run(
            [*prefix, *command],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            preexec_fn=limit_memory,
            cwd=cwd,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as err:
        raise AssertionError(
            f"{' '.join(command)} did not finish in {timeout} s:\n{err.stdout!r}\n{err.stderr!r}"
        ) from None


def python_bounded(code: str, **options: object) -> subprocess.CompletedProcess[str]:
    """Run Python `code` in a bounded child (see `run_bounded`)."""
    return run_bounded([sys.executable, "-c", code], **options)  # type: ignore[arg-type]
