"""How fast the figure checker reads an article as an editor types: a
1,500-word article with 60 quoted numbers, generated from the corpus's
style (sentences of ``tests/corpus/checker`` tune articles, repeated with
their numbers, plus filler text), checked 20 times against the article's
figures; prints the median and the 95th percentile. Target: under 200 ms.

    python bench/checker_speed.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khuyencong.test_settings")

RUNS = 20
WORDS, NUMBERS = 1500, 60


def article(doc) -> str:
    """Paragraphs of the corpus article, repeated until the text has 60
    quoted numbers, then filled up to 1,500 words with plain sentences."""
    from funding.checker.plain import plain_text
    from funding.checker.quotes import find_quotes

    paragraphs = [p for p in plain_text(doc["body"]).split("\n") if p.strip()]
    text, index = [], 0
    while len(find_quotes("\n".join(text), "body", {})) < NUMBERS:
        text.append(paragraphs[index % len(paragraphs)])
        index += 1
    filler = (
        "Các cơ sở được hỗ trợ đã mạnh dạn đầu tư đổi mới công nghệ, nâng cao "
        "chất lượng sản phẩm và mở rộng thị trường tiêu thụ trong và ngoài tỉnh."
    )
    while len(" ".join(text).split()) < WORDS:
        text.append(filler)
    return "\n".join(text)


def main() -> int:
    import django

    django.setup()
    from django.db import connection, transaction

    from bench.checker_harness import Loader, articles
    from funding.checker import Checker
    from funding.checker.quotes import count_nouns, find_quotes

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with transaction.atomic():
            _name, doc = next(iter(articles("tune")))
            figures = list(Loader(doc).load().values())
            text = article(doc)
            quotes = len(find_quotes(text, "body", count_nouns()))
            timings = []
            for _ in range(RUNS):
                started = time.perf_counter()
                Checker(figures).check_parts([("body", text)])
                timings.append((time.perf_counter() - started) * 1000)
            transaction.set_rollback(True)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
    print(
        f"{len(text.split())} words, {quotes} quoted numbers, {len(figures)} figures, "
        f"{RUNS} runs: median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms "
        f"(target < 200 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
