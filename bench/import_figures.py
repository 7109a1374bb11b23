"""Import speed and memory: our engine against a plain django-import-export
ModelResource, on files generated here (synthetic figures, labelled so).

For 10,000 and 100,000 rows of the wide template, as CSV and XLSX, each case
runs in its own process (so its peak memory is its own): the preview (read
and validate every row, compare with the database) and the confirmation (the
same again, then write in one transaction). The writes are rolled back so the
benchmark database stays as it was. The baseline is django-import-export's
``ModelResource`` for ``Figure`` with default settings, dry run, on the same
figures in its own column layout, measured at 10,000 rows (at its speed
100,000 would take minutes).
"""

import csv
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khuyencong.test_settings")

import django

django.setup()

from django.db import transaction

from funding.imports import plan_file
from funding.models import Area, Figure, ProgrammeContent, SourceDocument

OUT = Path(__file__).resolve().parent / "results"
WIDE = [
    "Tỉnh, thành phố",
    "Năm",
    "Kỳ",
    "Nguồn kinh phí",
    "Nội dung",
    "Kế hoạch (tỷ đồng)",
    "Thực hiện (tỷ đồng)",
]
SOURCES = ["", "KCQG", "KCĐP"]


def wide_rows(count):
    areas = list(
        Area.objects.filter(kind=Area.Kind.PROVINCE)
        .valid_in(2022)
        .values_list("short_name", flat=True)
    )
    contents = list(ProgrammeContent.objects.values_list("name", flat=True))
    n = 0
    for year in range(2000, 2025):
        for months in range(12, 0, -1):
            period = "Cả năm" if months == 12 else f"{months} tháng"
            for area in areas:
                for source in SOURCES:
                    for content in contents:
                        if n == count:
                            return
                        yield [
                            area,
                            year,
                            period,
                            source,
                            content,
                            f"{(n % 997) + 1},{n % 100:02d}",
                            f"{(n % 89) + 1},5",
                        ]
                        n += 1


def write_files(count):
    OUT.mkdir(exist_ok=True)
    rows = [WIDE, *wide_rows(count)]
    csv_path = OUT / f"import-{count}.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Số liệu")
    for row in rows:
        sheet.append(row)
    xlsx_path = OUT / f"import-{count}.xlsx"
    book.save(xlsx_path)
    return csv_path, xlsx_path


def run_ours(path):
    """Through the admin, as data staff do: django-import-export's import view
    (upload, our format and resource: read, validate, compare, keep the
    table), then its confirmation view (compare again, write). The
    confirmation runs in a transaction rolled back afterwards."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()  # the test client's response.context

    source, _ = SourceDocument.objects.get_or_create(
        title="DỮ LIỆU GIẢ LẬP cho benchmark nhập"
    )
    User = django.contrib.auth.get_user_model()
    user = User.objects.filter(
        is_superuser=True
    ).first() or User.objects.create_superuser("bench", "", "bench-password-123")
    client = Client()
    client.force_login(user)
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    started = time.perf_counter()
    previewed = client.post(
        reverse("admin:funding_figure_import"),
        # The synthetic amounts (up to 998 tỷ for one content) are far
        # outside what a province spends: the officer confirms the warnings.
        {
            "import_file": upload,
            "source": source.pk,
            "format": "0",
            "confirm_warnings": "on",
        },
    )
    preview = time.perf_counter() - started
    form = previewed.context["confirm_form"]
    assert form is not None, previewed.context["result"].plan.errors[:3]
    figures = len(previewed.context["result"].plan.figures)
    data = {
        name: "" if form.initial.get(name) is None else form.initial[name]
        for name in form.fields
    }
    del previewed, form
    started = time.perf_counter()
    with transaction.atomic():
        confirmed = client.post(reverse("admin:funding_figure_process_import"), data)
        assert confirmed.status_code == 302, confirmed
        assert "/importrecord/" in confirmed["Location"], confirmed["Location"]
        transaction.set_rollback(True)
    confirm = time.perf_counter() - started
    return {"figures": figures, "preview_s": preview, "confirm_s": confirm}


def run_baseline(path):
    """django-import-export's ModelResource, default settings, dry run."""
    import tablib
    from import_export.resources import modelresource_factory

    plan = plan_file(
        path.read_bytes(), file_name=path.name, source=SourceDocument.objects.first()
    )
    fields = [
        "indicator",
        "area",
        "fund",
        "content",
        "year",
        "period_kind",
        "period_end",
        "measure",
        "value",
        "rounding",
        "source",
    ]
    dataset = tablib.Dataset(headers=fields)
    for planned in plan.figures:
        f = planned.figure
        dataset.append(
            [
                f.indicator_id,
                f.area_id,
                f.fund,
                f.content_id,
                f.year,
                f.period_kind,
                f.period_end.isoformat(),
                f.measure,
                f.value,
                f.rounding,
                f.source_id,
            ]
        )
    resource = modelresource_factory(model=Figure)()
    started = time.perf_counter()
    result = resource.import_data(dataset, dry_run=True)
    elapsed = time.perf_counter() - started
    assert not result.has_errors()
    return {"figures": len(dataset), "dry_run_s": elapsed}


def child(kind, path):
    result = run_ours(Path(path)) if kind == "ours" else run_baseline(Path(path))
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def vacuum():
    """Clear what the previous case rolled back, as autovacuum would between
    two imports, so each case starts from the same tables."""
    from django.db import connection

    if connection.vendor == "postgresql":
        tables = [
            Figure._meta.db_table,
            Figure.history.model._meta.db_table,
            "funding_importchange",
        ]
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {', '.join(tables)}")


def main():
    results = []
    for count in (10_000, 100_000):
        csv_path, xlsx_path = write_files(count)
        for path in (csv_path, xlsx_path):
            vacuum()
            out = subprocess.run(
                [sys.executable, __file__, "ours", str(path)],
                capture_output=True,
                text=True,
                timeout=900,
            )
            if out.returncode:
                print(out.stderr[-2000:])
                raise SystemExit(1)
            data = json.loads(out.stdout.strip().splitlines()[-1])
            data.update(file=path.name, rows=count)
            results.append(data)
            print(json.dumps(data), flush=True)
    baseline_file = OUT / "import-10000.csv"
    out = subprocess.run(
        [sys.executable, __file__, "baseline", str(baseline_file)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if out.returncode:
        print(out.stderr[-2000:])
        raise SystemExit(1)
    base = json.loads(out.stdout.strip().splitlines()[-1])
    base_rate = base["figures"] / base["dry_run_s"]
    print(
        f"\nbaseline django-import-export ModelResource, dry run: {base['figures']} figures in {base['dry_run_s']:.1f} s = {base_rate:.0f} figures/s, peak {base['peak_mb']:.0f} MB"
    )
    print(
        f"{'file':<22}{'rows':>8}{'figures':>9}{'preview s':>11}{'confirm s':>11}{'total s':>9}{'rows/s':>9}{'x base':>8}{'peak MB':>9}"
    )
    for r in results:
        total = r["preview_s"] + r["confirm_s"]
        preview_rate = r["figures"] / r["preview_s"]
        print(
            f"{r['file']:<22}{r['rows']:>8}{r['figures']:>9}{r['preview_s']:>11.1f}{r['confirm_s']:>11.1f}"
            f"{total:>9.1f}{r['rows'] / total:>9.0f}{preview_rate / base_rate:>8.1f}{r['peak_mb']:>9.0f}"
        )


if __name__ == "__main__":
    if len(sys.argv) == 3:
        child(sys.argv[1], sys.argv[2])
    else:
        main()
