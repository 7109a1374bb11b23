from funding.imports import spool
from funding.imports.reading import SheetTable


def test_plan_round_trip_by_file_and_options(settings, tmp_path):
    settings.IMPORT_SPOOL_DIR = str(tmp_path)
    key = spool.plan_key("a" * 64, None, None)
    table = SheetTable(headers=["Năm"], header_row=1, rows=[(2, [2022])], sheet="S")
    spool.save(key, table)
    assert spool.load(key) == table
    # The same file read with other options is another table.
    assert spool.plan_key("a" * 64, "Trang 2", None) != key
    assert spool.load(spool.plan_key("a" * 64, None, 3)) is None
    assert spool.load(spool.plan_key("b" * 64, None, None)) is None
    spool.discard(key)
    assert spool.load(key) is None


def test_tampered_or_foreign_tables_are_ignored(settings, tmp_path):
    settings.IMPORT_SPOOL_DIR = str(tmp_path)
    key = spool.plan_key("c" * 64, None, None)
    spool.save(key, SheetTable(headers=[], header_row=1))
    path = tmp_path / "khuyencong-imports" / f"{key}.plan"
    blob = bytearray(path.read_bytes())
    blob[-1] ^= 1
    path.write_bytes(bytes(blob))
    assert spool.load(key) is None
    # A signed table copied under another key is not accepted either.
    other = spool.plan_key("d" * 64, None, None)
    spool.save(key, SheetTable(headers=["x"], header_row=1))
    (tmp_path / "khuyencong-imports" / f"{other}.plan").write_bytes(path.read_bytes())
    assert spool.load(other) is None
    assert spool.load("../../etc/passwd") is None
    assert spool.load("not-a-key") is None


def test_a_kept_plan_comes_back_with_the_same_figures(settings, tmp_path):
    from datetime import date
    from decimal import Decimal

    from funding.imports import ImportPlan, PlannedFigure, RowError

    settings.IMPORT_SPOOL_DIR = str(tmp_path)
    key = (1, 2, "kcdp", 3, 2022, "months", date(2022, 7, 31), "executed")
    plan = ImportPlan(
        file_name="bao-cao.xlsx",
        sha256="e" * 64,
        sheet="Số liệu",
        figures=[
            PlannedFigure(7, key, Decimal("11070000000"), Decimal("10000000"), 9),
            PlannedFigure(8, key[:7] + ("plan",), Decimal("0.5"), Decimal(0), 9),
            # What the preview found stored comes back too: the confirmation
            # holds the import to it.
            PlannedFigure(
                9,
                key[:7] + ("estimate",),
                Decimal("12"),
                Decimal(0),
                9,
                status="changed",
                pk=41,
                old_value=Decimal("11.50"),
                old_rounding=Decimal("0.10"),
            ),
        ],
        errors=[RowError(9, "Năm", "x", "sai")],
    )
    spool.save(spool.plan_key("e" * 64), plan)
    back = spool.load(spool.plan_key("e" * 64))
    assert (back.file_name, back.sha256, back.sheet) == (
        "bao-cao.xlsx",
        "e" * 64,
        "Số liệu",
    )
    assert back.figures == plan.figures
    assert [f.before for f in back.figures] == [
        None,
        None,
        (41, Decimal("11.50"), Decimal("0.10"), None),
    ]
    assert back.errors == plan.errors


def test_uploads_wait_in_the_spool_folder(settings, tmp_path):
    settings.IMPORT_SPOOL_DIR = str(tmp_path)
    upload = spool.SpoolFolderStorage(read_mode="rb")
    upload.save(b"PK spreadsheet bytes")
    assert (
        (tmp_path / "khuyencong-imports" / upload.name).read_bytes().startswith(b"PK")
    )
    # The confirmation finds it by name alone (the form carries the name).
    again = spool.SpoolFolderStorage(name=upload.name, read_mode="rb")
    assert again.read() == b"PK spreadsheet bytes"
    again.remove()
    assert not (tmp_path / "khuyencong-imports" / upload.name).exists()


def test_old_uploads_and_plans_are_swept(settings, tmp_path):
    import os
    import time

    settings.IMPORT_SPOOL_DIR = str(tmp_path)
    upload = spool.SpoolFolderStorage(read_mode="rb")
    upload.save(b"never confirmed")
    stale = tmp_path / "khuyencong-imports" / upload.name
    day_ago = time.time() - spool.MAX_AGE_SECONDS - 60
    os.utime(stale, (day_ago, day_ago))
    spool.save(spool.plan_key("f" * 64), SheetTable(headers=[], header_row=1))
    assert not stale.exists()
    assert spool.load(spool.plan_key("f" * 64)) is not None
