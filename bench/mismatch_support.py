"""The support of every mismatch's competing readings on corpus articles
(``funding.checker.sureness``): how much better the words support the
chosen reading than the best one giving the printed number
(``fit_margin``) and than the runner-up (``margin``), for the mismatches
of the correct text, of its rounding-only variants and of the injected
errors (and whether the chosen or the fitting reading is a right one),
with what each threshold of ``sureness.SURE_GAP`` would make of them.
The checker runs as without the threshold (every mismatch stays one), so
what a threshold changes downstream is not simulated: measure it with
``checker_corpus.py``.

    python bench/mismatch_support.py --only 1,2,3 [--out rows.jsonl]

Tune articles only (``--split tune``): choose a threshold there.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khuyencong.test_settings")

THRESHOLDS = (1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, float("inf"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", required=True, help="article numbers, e.g. 1,2")
    parser.add_argument("--out", default="")
    args = parser.parse_args(argv)
    import django

    django.setup()
    from django.db import connection

    from bench.checker_corpus import summary
    from bench.checker_harness import article_number, articles, score_article
    from funding.checker import sureness

    log: dict = {}

    def observed(options, quote, decided):
        support = sureness.support_of(options, decided[1]) if decided[1] else None
        log[id(quote)] = (quote, support)
        return decided

    sureness.confident = observed
    _observe_scorer(log)
    only = {int(n) for n in args.only.split(",") if n}
    rows, totals = [], Counter()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        for name, doc in articles("tune"):
            if article_number(name) not in only:
                continue
            ROWS.clear()
            counts = score_article(doc)[0]
            totals.update(counts)
            new = [{"article": article_number(name), **row} for row in ROWS]
            rows += new
            if args.out:  # as it goes: a long run can be read before its end
                with Path(args.out).open("a") as out:
                    out.write("".join(json.dumps(r) + "\n" for r in new))
            print(name, len(ROWS), dict(counts), file=sys.stderr)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(table(rows))
    print("counts (every mismatch kept):", summary(totals))
    return 0


ROWS: list[dict] = []


def _observe_scorer(log: dict) -> None:
    """Make the harness's ``Scorer`` note each mismatch with its support."""
    from bench import checker_harness as harness
    from funding.checker import MISMATCH

    scorer = harness.Scorer
    check = scorer.check

    def checked(self, doc, edit=None, mark=None):
        log.clear()
        report, span = check(self, doc, edit, mark)
        self.logged = dict(log)
        if mark is None and edit is None:
            for f in report.findings:
                if f.verdict == MISMATCH:
                    ROWS.append(_row("base", f, self.logged, set(), self))
        return report, span

    def error(self, edit):
        quote = self._quote(edit)
        log.clear()
        report, span = check(self, self.doc, edit, quote)
        self.logged = dict(log)
        right = _right(self, quote, edit)
        for f in self.at(report, span):
            if f.verdict == MISMATCH:
                ROWS.append(_row("error", f, self.logged, right, self))
        scorer_error(self, edit)

    def variant(self, edit):
        quote = self._quote(edit)
        log.clear()
        report, span = check(self, self.doc, edit, quote)
        self.logged = dict(log)
        for f in self.at(report, span):
            if f.verdict == MISMATCH:
                ROWS.append(_row("variant", f, self.logged, set(), self))

    def base_only(self, base):  # the marked re-readings of each quote: skipped
        return None

    scorer_error = scorer.score_error
    scorer.score_quotes = base_only
    scorer.score_distractors = base_only
    scorer.check = checked
    scorer.score_error = error
    scorer.score_variant = variant


def _right(scorer, quote: dict, edit: dict) -> set:
    from bench.checker_harness import _as_list

    right = set()
    for reading in [
        *(quote.get("readings") or [quote.get("reading")]),
        *_as_list(edit.get("now_reads")),
        *_as_list(edit.get("comes_from")),
    ]:
        if reading:
            right.add(scorer.pks(reading))
    return right


def _row(kind: str, finding, logged: dict, right: set, scorer) -> dict:
    entry = logged.get(id(finding.quote))
    support = entry[1] if entry else None
    top = finding.readings[0] if finding.readings else None

    def pks(figures):
        return frozenset(x.pk for x in figures)

    row = {
        "kind": kind,
        "text": finding.quote.text,
        "quote_kind": finding.quote.kind,
        "top_right": bool(top and pks(top.figures) in right),
        "path": "weighed" if support is not None else "other",
    }
    if support is not None:
        fit = support.fitting
        row.update(
            fit_margin=support.fit_margin,
            margin=support.margin,
            evidence=support.chosen.evidence,
            fit_right=bool(fit and pks(fit.computed.figures) in right),
        )
    return row


def table(rows: list[dict]) -> str:
    lines = [f"mismatches: {Counter((r['kind'], r['path']) for r in rows)}"]
    for threshold in THRESHOLDS:
        counts = Counter()
        for row in rows:
            if row.get("fit_margin", float("inf")) >= threshold:
                continue
            counts[row["kind"]] += 1
            if row["kind"] == "error":
                if row["top_right"]:
                    counts["error_top_right"] += 1
                elif row["fit_right"]:
                    counts["error_fit_right"] += 1
                else:
                    counts["error_lost"] += 1
        lines.append(f"SURE_GAP {threshold}: demoted {dict(counts)}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
