"""The test corpora hold together: every expected reading of the checker
corpus agrees with its data, and every expected figure of the report corpus
is in its file (each corpus's own validator; see its README)."""

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("folder", "script", "verdict"),
    [
        ("checker", "validate.py", "OK: the corpus is consistent."),
        ("reports", "check_reports.py", " 0 failed"),
    ],
)
def test_corpus_is_consistent(folder, script, verdict):
    run = subprocess.run(
        [sys.executable, script],
        cwd=HERE / folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert verdict in run.stdout
