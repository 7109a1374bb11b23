from funding import spool
from funding.reading import SheetTable


def test_upload_and_table_round_trip(settings, tmp_path):
    settings.IMPORT_SPOOL_DIR = str(tmp_path)
    token = spool.store(b"data", "tệp.xlsx")
    assert spool.load(token) == (b"data", "tệp.xlsx")
    table = SheetTable(headers=["Năm"], header_row=1, rows=[(2, [2022])], sheet="S")
    spool.save_table(token, "abc", table)
    assert spool.load_table(token, "abc") == table
    assert spool.load_table(token, "other-file") is None
    assert not any(
        (tmp_path / "khuyencong-imports").glob("*.xlsx")
    )  # generated names only
    spool.discard(token)
    assert spool.load(token) is None and spool.load_table(token, "abc") is None


def test_tampered_or_foreign_tables_are_ignored(settings, tmp_path):
    settings.IMPORT_SPOOL_DIR = str(tmp_path)
    token = spool.store(b"data", "a.csv")
    spool.save_table(token, "abc", SheetTable(headers=[], header_row=1))
    path = tmp_path / "khuyencong-imports" / f"{token}.table"
    blob = bytearray(path.read_bytes())
    blob[-1] ^= 1
    path.write_bytes(bytes(blob))
    assert spool.load_table(token, "abc") is None
    assert spool.load("../../etc/passwd") is None
    assert spool.load_table("not-a-token", "abc") is None
