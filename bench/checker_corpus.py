"""The figure checker on the acceptance corpus (``tests/corpus/checker``):
per article and in total, how many quoted figures it finds, how many it
reads right, false mismatches (on the correct text and its rounding-only
variants), injected errors flagged (and of them, caught as confident
mismatches, which block publishing: "unsure" only asks), the unsure share
and distractors reported as figures.

    python bench/checker_corpus.py [--split tune|heldout|all] [--detail] [--only 15,16]

Each article's figures are loaded into a fresh test database (the
reference data made by the migrations), inside a transaction rolled back
after it; the checker is given every figure the article's data holds.
Per-quote detail (``--detail``) is printed for the tune split only: the
held-out articles are for totals.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khuyencong.test_settings")

COLUMNS = (
    ("quotes", "quotes"),
    ("found", "found"),
    ("correct", "correct"),
    ("false_mm", "false mismatches"),
    ("errors", "errors"),
    ("flagged", "errors flagged"),
    ("blocked", "errors blocking"),
    ("unsure", "unsure"),
    ("distractors", "distractors"),
    ("distr_flagged", "distractors flagged"),
)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="tune")
    parser.add_argument("--detail", action="store_true", help="tune split only")
    parser.add_argument("--only", default="", help="article numbers, e.g. 15,16")
    args = parser.parse_args(argv)
    import django

    django.setup()
    from django.db import connection

    from bench.checker_harness import article_number, articles, score_article

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        totals = Counter()
        print(f"{'article':<58}" + "".join(f"{c:>13}" for c, _ in COLUMNS))
        only = {int(n) for n in args.only.split(",") if n}
        for name, doc in articles(args.split):
            if only and article_number(name) not in only:
                continue
            counts, detail = score_article(doc)
            totals.update(counts)
            print(f"{name[:58]:<58}" + "".join(f"{counts[c]:>13}" for c, _ in COLUMNS))
            if args.detail and doc.get("split") == "tune":
                for line in detail:
                    print("   ", line)
        print(f"{'TOTAL':<58}" + "".join(f"{totals[c]:>13}" for c, _ in COLUMNS))
        print(summary(totals))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


def summary(totals: Counter) -> str:
    def share(a, b):
        return f"{100 * totals[a] / totals[b]:.1f}%" if totals[b] else "-"

    return (
        f"recall {share('found', 'quotes')} ({totals['found']}/{totals['quotes']}), "
        f"correct readings {share('correct', 'quotes')}, "
        f"false mismatches {totals['false_mm']}, "
        f"errors flagged {totals['flagged']}/{totals['errors']} "
        f"({totals['blocked']} as confident mismatches), "
        # as the corpus test counts it: of quotes and no-data numbers
        f"unsure {_unsure_share(totals)} of quotes and no-data numbers, "
        f"distractors flagged {totals['distr_flagged']}/{totals['distractors']}"
    )


def _unsure_share(totals: Counter) -> str:
    numbers = totals["quotes"] + totals["nodata"]
    return f"{100 * totals['unsure'] / numbers:.1f}%" if numbers else "-"


if __name__ == "__main__":
    sys.exit(main())
