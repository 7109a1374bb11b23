"""A reference to measure the article against: a small Wagtail 7 site with
a blog page of the seed article's content (title, intro, rich-text body,
its three tables as table blocks, cover image, tags, related posts), served
by the same gunicorn settings as ours (2 sync workers, keep-alive 2,
preloaded) on the same PostgreSQL, driven by wrk (``-t2 -c16``) in the same
run as ours, interleaved, three rounds: our uncached seed article, the
Wagtail page, our minimal view of the article's size.

Wagtail is never a dependency of the project: this script makes its own
virtualenv (``bench/results/wagtail/venv``, kept between runs), installs
the pinned Wagtail from PyPI there, and generates the project beside it.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/khuyencong_ab \\
        REDIS_URL=redis://127.0.0.1:6379/7 .venv/bin/python bench/wagtail_reference.py

ROUNDS (3) and DURATION (seconds per run, 10) as in ``article_ab.py``.
Loopback only, every step under a timeout.
"""

import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import article_ab  # bench/article_ab.py: our gunicorn
import load  # bench/load.py: wrk, the server's environment, stop

ROOT = load.ROOT
WORK = ROOT / "bench" / "results" / "wagtail"
VENV = WORK / "venv"
SITE = WORK / "refsite"
PINS = ["wagtail==7.4.4", "gunicorn==27.0.1", "psycopg[binary]==3.3.9"]
WAGTAIL_DB = "khuyencong_wagtail"
PORTS = {"ours": 8821, "wagtail": 8822}
#: What the generated project gets beside ``wagtail start``'s files.
FILES = {
    "blog/__init__.py": "",
    "blog/apps.py": """
from django.apps import AppConfig


class BlogConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "blog"
""",
    "blog/models.py": """
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.BlogPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BlogPage(Page):
    date = models.DateField()
    intro = models.TextField()
    body = RichTextField()
    tables = StreamField([("table", TableBlock())], blank=True)
    cover = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    tags = ClusterTaggableManager(through=BlogPageTag, blank=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = (
            BlogPage.objects.live().sibling_of(self, inclusive=False)
            .select_related("cover").order_by("-date")[:4]
        )
        return context
""",
    "blog/templates/blog/blog_page.html": """{% extends "base.html" %}
{% load wagtailcore_tags wagtailimages_tags %}
{% block body_class %}template-blogpage{% endblock %}
{% block content %}
<article>
  <h1>{{ page.title }}</h1>
  <p class="meta">{{ page.date|date:"d/m/Y" }}</p>
  <p class="intro">{{ page.intro }}</p>
  {% if page.cover %}{% image page.cover fill-800x450 %}{% endif %}
  {{ page.body|richtext }}
  {% for block in page.tables %}{% include_block block %}{% endfor %}
  <p class="tags">{% for tag in page.tags.all %}<a href="/?tag={{ tag.slug }}">{{ tag }}</a> {% endfor %}</p>
</article>
<aside>
  {% for post in related %}<div class="card"><a href="{% pageurl post %}">
    {% if post.cover %}{% image post.cover fill-320x180 %}{% endif %}{{ post.title }}</a>
    <p>{{ post.intro|truncatechars:160 }}</p></div>{% endfor %}
</aside>
{% endblock %}
""",
    "refsite/settings/bench.py": """
import os

from .base import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "blog", "wagtail.contrib.table_block"]  # noqa: F405
DEBUG = False
SECRET_KEY = "bench-only-" + "x" * 40
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
url = os.environ["WAGTAIL_DATABASE_URL"].removeprefix("postgres://")
user, rest = url.split("@")
host, name = rest.split("/")
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name, "USER": user, "HOST": host.split(":")[0],
        "PORT": host.split(":")[1] if ":" in host else "5432",
        "CONN_MAX_AGE": 600, "CONN_HEALTH_CHECKS": True,
    }
}
""",
    "load_content.py": """
import json
import os
from datetime import date, timedelta

from django.core.files.images import ImageFile
from wagtail.images.models import Image
from wagtail.models import Page

from blog.models import BlogPage

seed = json.load(open(os.environ["SEED_JSON"], encoding="utf-8"))
if not BlogPage.objects.exists():
    with open(seed["cover"], "rb") as file:
        cover = Image(title="Ảnh hội nghị")
        cover.file.save("cover.png", ImageFile(file), save=True)
    home = Page.objects.get(depth=2)
    tables = [
        {"type": "table", "value": {
            "data": table["data"], "first_row_is_table_header": True,
            "first_col_is_header": True, "table_caption": table["caption"],
        }}
        for table in seed["tables"]
    ]
    day = date.fromisoformat(seed["date"])
    for n in range(1, 5):
        home.add_child(instance=BlogPage(
            title=f"Tin liên quan {n}", slug=f"tin-lien-quan-{n}",
            date=day - timedelta(days=n), intro=seed["intro"][:200],
            body="<p>" + seed["intro"] + "</p>", cover=cover,
        ))
    page = BlogPage(
        title=seed["title"], slug=seed["slug"], date=day, intro=seed["intro"],
        body=seed["body"], tables=tables, cover=cover,
    )
    home.add_child(instance=page)
    page.tags.add(*seed["tags"])
    page.save()
""",
}


def run(args, **kwargs):
    kwargs.setdefault("timeout", 900)
    return subprocess.run(args, check=True, **kwargs)


def virtualenv() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        run([sys.executable, "-m", "venv", str(VENV)])
    run([str(python), "-m", "pip", "install", "-q", *PINS])
    return python


def export_seed() -> dict:
    """The seed article as our database has it (run with our settings)."""
    import django

    django.setup()
    from news.blocks import MARKER, article_blocks
    from news.demo.content import SEED_SLUG
    from news.models import Article

    article = Article.objects.get(slug=SEED_SLUG)
    tables = []
    for view in article_blocks(article):
        for table in view.tables:
            header = ["Địa bàn – nguồn – kỳ", "Kế hoạch", "Thực hiện", "Ước", "So KH"]
            rows = [
                [
                    row.label,
                    *(str(c.value) if c else "" for c in (row.plan, row.executed)),
                    str(row.estimate.value) if row.estimate else "",
                    f"{row.ratio.percent:.2f}%" if row.ratio else "",
                ]
                for row in table.rows
            ]
            tables.append({"caption": view.block.title, "data": [header, *rows]})
    return {
        "title": article.title,
        "intro": article.lead,
        "body": MARKER.sub("", article.body),
        "date": article.published_at.date().isoformat(),
        # The library photo (the demo's since issue 17), else the old field.
        "cover": (article.cover.file if article.cover else article.cover_image).path,
        "tags": [article.category.name, "khuyến công", "Ninh Thuận"],
        "tables": tables,
    }


def generate(python: Path, env: dict) -> None:
    """The Wagtail project (``wagtail start``) with a blog app, its content."""
    if not (SITE / "manage.py").exists():
        SITE.mkdir(parents=True)
        run([str(VENV / "bin" / "wagtail"), "start", "refsite", str(SITE)])
    for name, text in FILES.items():
        target = SITE / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.lstrip("\n"), encoding="utf-8")
    manage = [str(python), "manage.py"]
    run([*manage, "makemigrations", "blog", "-v0"], cwd=SITE, env=env)
    run([*manage, "migrate", "--noinput", "-v0"], cwd=SITE, env=env)
    run([*manage, "collectstatic", "--noinput", "-v0"], cwd=SITE, env=env)
    run([*manage, "shell", "-c", "import load_content"], cwd=SITE, env=env)


def wagtail_env() -> dict:
    env = dict(os.environ)
    database = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + WAGTAIL_DB
    env.update(
        DJANGO_SETTINGS_MODULE="refsite.settings.bench",
        WAGTAIL_DATABASE_URL=database,
        SEED_JSON=str(WORK / "seed.json"),
        PYTHONPATH=str(SITE),
    )
    env.pop("VIRTUAL_ENV", None)
    return env


def serve_wagtail(env: dict):
    log = (WORK / "gunicorn.log").open("w")
    process = subprocess.Popen(
        [str(VENV / "bin" / "gunicorn"), "--workers", "2", "--worker-class", "sync"]
        + ["--keep-alive", "2", "--preload", "--max-requests", "20000"]
        + ["--max-requests-jitter", "2000", "--bind", f"127.0.0.1:{PORTS['wagtail']}"]
        + ["refsite.wsgi"],
        cwd=SITE,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{PORTS['wagtail']}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                return process, base
        except OSError:
            time.sleep(0.5)
    load.stop(process)
    raise SystemExit(f"Wagtail did not start; see {WORK / 'gunicorn.log'}")


def main():
    WORK.mkdir(parents=True, exist_ok=True)
    python = virtualenv()
    article = load.prepare()  # our migrations and demo content
    seed = subprocess.run(
        [sys.executable, __file__, "--export"],
        env={**load.server_env(False), "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    (WORK / "seed.json").write_text(seed, encoding="utf-8")
    env = wagtail_env()
    host = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    exists = subprocess.run(
        [
            "psql",
            host + "/postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{WAGTAIL_DB}'",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.strip()
    if not exists:
        run(["psql", host + "/postgres", "-c", f"CREATE DATABASE {WAGTAIL_DB}"])
    generate(python, env)
    servers = {}
    try:
        servers["ours"] = article_ab.gunicorn(
            ROOT, PORTS["ours"], WORK / "gunicorn-ours.log"
        )
        servers["wagtail"] = serve_wagtail(env)
        runs = drive(article, servers)
    finally:
        for process, _base in servers.values():
            load.stop(process)
    report(runs)


def drive(article: str, servers: dict) -> list[dict]:
    page = "/" + json.loads((WORK / "seed.json").read_text())["slug"] + "/"
    ours = servers["ours"][1]
    targets = {"ours": (ours, article), "wagtail": (servers["wagtail"][1], page)}
    sizes = {}
    for name, (base, path) in targets.items():
        for _ in range(3):  # computed, stored, renditions made
            status, sizes[name] = load.fetch(path, base)
            assert status == 200, (name, status)
    runs = []
    for round_ in range(1, article_ab.ROUNDS + 1):
        row = {"round": round_, "bytes": sizes}
        for name, (base, path) in targets.items():
            # Each server in its own session: its process group.
            group = servers[name][0].pid
            row[name] = load.wrk_cpu(path, 16, group, base=base)
        row["minimal"] = load.wrk(f"/__bench/bytes/{sizes['ours']}", 16, base=ours)
        runs.append(row)
        print(json.dumps(row), flush=True)
    return runs


def report(runs: list[dict]) -> None:
    def median(name, key="rps"):
        return statistics.median(run[name][key] for run in runs)

    print(
        f"\n{'':<10}{'bytes':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'of minimal':>12}"
    )
    for name in ("ours", "wagtail", "minimal"):
        size = runs[0]["bytes"].get(name, runs[0]["bytes"]["ours"])
        print(
            f"{name:<10}{size:>8}{median(name):>9.0f}{median(name, 'p50_ms'):>9.1f}"
            f"{median(name, 'p99_ms'):>9.1f}{median(name) / median('minimal'):>12.1%}"
        )
    ratios = [run["ours"]["rps"] / run["wagtail"]["rps"] for run in runs]
    print(f"ours / Wagtail per round: {', '.join(f'{r:.2f}' for r in ratios)}")
    # What the machine's other work does not change: CPU a request.
    cpu = [run["wagtail"]["cpu_us"] / run["ours"]["cpu_us"] for run in runs]
    print(
        f"CPU a request, ours {median('ours', 'cpu_us'):.0f} µs, Wagtail "
        f"{median('wagtail', 'cpu_us'):.0f} µs; Wagtail's / ours per round: "
        f"{', '.join(f'{r:.2f}' for r in cpu)}"
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--export"]:
        seed = export_seed()
        seed["slug"] = "hoi-nghi-khuyen-cong-2022"
        print(json.dumps(seed, ensure_ascii=False))
    else:
        sys.exit(main())
