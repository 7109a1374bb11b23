"""Hostile files under an address-space limit: tiny files that claim
millions of rows, far columns or huge string tables must end in a
Vietnamese ReadError (or their correct table), quickly, within a bounded
amount of memory, whatever they claim.

Each case runs in a subprocess (so its memory is its own) that imports
Django and the reader, then measures its address space and limits it with
``RLIMIT_AS`` to that baseline plus ``BUDGET``. The baseline is measured
there, not fixed, because a Python process with Django, lxml, openpyxl and
psycopg loaded maps a few hundred megabytes of libraries and arenas that
vary by machine; what is bounded is what reading one file adds. A reader
that tried to hold what the file claims would hit the limit (MemoryError
or worse) instead of answering. The peak resident memory of each case
(VmHWM) is printed (``pytest -s``) and checked against the same budget.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from . import hostile_files as hostile

BUDGET_MB = 300
SECONDS = 30
ROOT = Path(__file__).resolve().parents[3]
PROBE = r"""
import json, os, resource, sys, time
sys.path.insert(0, os.getcwd())
import django
django.setup()
from funding.imports import KNOWN
from funding.imports.reading import ReadError, read_table

def mapped():
    size, resident = open("/proc/self/statm").read().split()[:2]
    page = os.sysconf("SC_PAGE_SIZE")
    return int(size) * page, int(resident) * page

path, name, budget = sys.argv[1], sys.argv[2], int(sys.argv[3]) << 20
base_vm, base_rss = mapped()
resource.setrlimit(resource.RLIMIT_AS, (base_vm + budget, resource.RLIM_INFINITY))
started = time.monotonic()
try:
    data = open(path, "rb").read()
    table = read_table(data, name, KNOWN)
    outcome = {"rows": [[n, [str(c) for c in cells]] for n, cells in table.rows[:5]],
               "count": len(table.rows)}
except ReadError as exc:
    outcome = {"error": str(exc)}
except BaseException as exc:
    outcome = {"crash": f"{type(exc).__name__}: {str(exc)[:200]}"}
outcome["seconds"] = round(time.monotonic() - started, 2)
outcome["baseline_mb"] = base_rss >> 20
# VmHWM, the peak resident memory of this process image: getrusage's
# ru_maxrss keeps the peak of the (large) test process this one was
# forked from, across exec.
status = open("/proc/self/status").read()
outcome["peak_mb"] = int(status.split("VmHWM:")[1].split()[0]) >> 10
print(json.dumps(outcome))
"""


def probe(path: Path, name: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "khuyencong.test_settings"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), name, str(BUDGET_MB)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=SECONDS * 2,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"\n{name}: {result}")
    return result


CASES = {
    # name: (builder, what the reader must say)
    "mot-dong-lap-50-trieu-lan.ods": (
        lambda: hostile.ods_repeated_rows(1, 50_000_000),
        "Tệp có quá nhiều dòng (tối đa 200.000 dòng dữ liệu).",
    ),
    "20000-dong-lap-10000-lan.ods": (
        lambda: hostile.ods_repeated_rows(20_000, 10_000),
        "Tệp có quá nhiều dòng (tối đa 200.000 dòng dữ liệu).",
    ),
    "o-cot-AAAAAA.xlsx": (
        lambda: hostile.xlsx_far_cell("AAAAAA"),
        "Dòng 2 có dữ liệu ở cột AAAAAA, ngoài giới hạn 100 cột (A đến CV).",
    ),
    "o-ZZZZZZZZ2.xlsx": (
        lambda: hostile.xlsx_far_cell("ZZZZZZZZ", rows=1),
        "Dòng 2 có dữ liệu ở cột ZZZZZZZZ, ngoài giới hạn 100 cột (A đến CV).",
    ),
    "180MB-chuoi-khong-dung.xlsx": (
        hostile.xlsx_unused_shared_strings,
        "Bảng chuỗi dùng chung của tệp XLSX có hơn 20.000.000 ký tự",
    ),
    "215000-phan.xlsx": (
        hostile.xlsx_many_parts,
        "Tệp có quá nhiều phần; từ chối để bảo vệ máy chủ.",
    ),
    "mot-dong-19MB.csv": (
        hostile.csv_one_long_line,
        "Tệp CSV không đọc được: dòng 2 dài hơn 3.277.000 ký tự",
    ),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for name, (build, _message) in CASES.items():
        paths[name] = folder / name
        paths[name].write_bytes(build())
    paths["duoi-trong-1-trieu-dong.ods"] = folder / "duoi-trong-1-trieu-dong.ods"
    paths["duoi-trong-1-trieu-dong.ods"].write_bytes(hostile.ods_with_empty_tail())
    return paths


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file_is_refused_within_memory_and_time(files, name):
    size = files[name].stat().st_size
    assert size <= 20 * 2**20  # all within IMPORT_MAX_BYTES
    result = probe(files[name], name)
    assert "crash" not in result, result["crash"]
    assert result.get("error", "").startswith(CASES[name][1]), result
    assert result["seconds"] < SECONDS
    assert result["peak_mb"] - result["baseline_mb"] < BUDGET_MB


def test_empty_tail_of_a_million_rows_is_cheap(files):
    """What LibreOffice writes after the data is no reason to refuse a file."""
    result = probe(files["duoi-trong-1-trieu-dong.ods"], "duoi-trong.ods")
    assert result["rows"] == [
        [2, ["Ninh Thuận", "2022", "10"]],
        [3, ["Đắk Nông", "2022", "5"]],
    ]
    assert result["seconds"] < 5
    assert result["peak_mb"] - result["baseline_mb"] < 50
