#!/usr/bin/env python3
"""Rebuild the khuyến công report corpus: every spreadsheet and its expected figures.

Each report is a spec (sheets of rows and columns, cells with styles, formulas
kept as references to other cells) together with what it states: its figures,
its total rows and columns, the rows and columns that are not data.  The spec is
written with openpyxl to a scratch XLSX, then LibreOffice (``soffice --headless
--convert-to``) makes the real XLSX, ODS or CSV, computing every formula's
cached value.  The zip members' timestamps are then fixed (and the order of the
ODS master pages, which LibreOffice writes in hash order) so that two runs give
the same bytes.

Mutated copies are made from the same spec (a deep copy, then one change) so
that their expectations follow the spec, not the file.

Usage:  python make_reports.py [--keep-tmp]
Needs:  openpyxl, PyYAML, LibreOffice (soffice) on PATH.
"""
from __future__ import annotations

import copy
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import yaml
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

OUT = Path(__file__).resolve().parent
FIXED_TIME = (2025, 1, 15, 8, 0, 0)
FIXED_DT = datetime(*FIXED_TIME)

UNITS = {
    "đồng": Decimal(1),
    "nghìn đồng": Decimal(1000),
    "triệu đồng": Decimal(1_000_000),
    "tỷ đồng": Decimal(1_000_000_000),
}
INDICATOR = "kinh-phi-khuyen-cong"

# Programme contents (nội dung chương trình khuyến công, Nghị định 45/2012/NĐ-CP
# Điều 4 and the report forms of Thông tư 28/2018/TT-BCT).  The key is the
# canonical name used in the YAML; the value a longer form some reports write.
C_MOHINH = "Hỗ trợ xây dựng mô hình trình diễn kỹ thuật"
C_MAYMOC = "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ"
C_DAOTAO = "Đào tạo nghề, truyền nghề"
C_HOICHO = "Tổ chức hội chợ, triển lãm hàng công nghiệp nông thôn"
C_BINHCHON = "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu"
C_TUVAN = "Tư vấn, trợ giúp cơ sở công nghiệp nông thôn"
C_TRUNGBAY = "Hỗ trợ xây dựng phòng trưng bày giới thiệu sản phẩm"
C_THONGTIN = "Thông tin tuyên truyền"
C_MOITRUONG = "Hỗ trợ sửa chữa, nâng cấp hệ thống xử lý ô nhiễm môi trường"
C_CCN = "Hỗ trợ hạ tầng cụm công nghiệp"
C_NANGLUC = "Nâng cao năng lực quản lý hoạt động khuyến công"
CONTENT_LONG = {
    C_MOHINH: "Hỗ trợ xây dựng mô hình trình diễn kỹ thuật để phổ biến công nghệ mới, sản xuất sản phẩm mới",
    C_MAYMOC: "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ vào sản xuất công nghiệp - tiểu thủ công nghiệp",
    C_DAOTAO: "Đào tạo nghề, truyền nghề, nâng cao tay nghề cho người lao động",
    C_HOICHO: "Tổ chức hội chợ, triển lãm hàng công nghiệp nông thôn tiêu biểu",
    C_BINHCHON: "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu",
    C_TUVAN: "Tư vấn, trợ giúp cơ sở công nghiệp nông thôn",
    C_TRUNGBAY: "Hỗ trợ xây dựng phòng trưng bày để giới thiệu, quảng bá sản phẩm",
    C_THONGTIN: "Thông tin tuyên truyền về hoạt động khuyến công",
    C_MOITRUONG: "Hỗ trợ sửa chữa, nâng cấp hệ thống xử lý ô nhiễm môi trường tại cơ sở công nghiệp nông thôn",
    C_CCN: "Hỗ trợ lập quy hoạch chi tiết, đầu tư hạ tầng kỹ thuật cụm công nghiệp",
    C_NANGLUC: "Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công",
}
CONTENT_SHORT = {
    C_MOHINH: "Mô hình trình diễn kỹ thuật",
    C_MAYMOC: "Hỗ trợ máy móc thiết bị",
    C_DAOTAO: "Đào tạo nghề, truyền nghề",
    C_HOICHO: "Hội chợ, triển lãm",
    C_BINHCHON: "Bình chọn sản phẩm CNNT tiêu biểu",
    C_TUVAN: "Tư vấn, trợ giúp",
    C_TRUNGBAY: "Phòng trưng bày giới thiệu sản phẩm",
    C_THONGTIN: "Thông tin tuyên truyền",
    C_MOITRUONG: "Xử lý ô nhiễm môi trường",
    C_CCN: "Hạ tầng cụm công nghiệp",
    C_NANGLUC: "Nâng cao năng lực quản lý",
}

# Provinces before the 2025 merger, by the regions used in the reports.
MTTN_2024 = ["Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế",
             "Đà Nẵng", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa",
             "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng"]
TDMNPB = ["Hà Giang", "Cao Bằng", "Bắc Kạn", "Lạng Sơn", "Tuyên Quang", "Lào Cai", "Yên Bái",
          "Thái Nguyên", "Phú Thọ", "Bắc Giang", "Điện Biên", "Lai Châu", "Sơn La", "Hòa Bình"]
TAY_NGUYEN = ["Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng"]
DBSCL = ["Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang",
         "Kiên Giang", "Cần Thơ", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau"]
BAC_TRUNG_BO = ["Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế"]
# The 34 provinces and cities after the merger (Nghị quyết 202/2025/QH15), in its order.
P34 = ["Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
       "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
       "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
       "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh",
       "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang"]
CITIES = {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


def written_name(p: str, style: str = "plain") -> str:
    """How a report writes a province: 'Đà Nẵng', 'TP. Đà Nẵng', 'Tỉnh Gia Lai'…"""
    if style == "tp" and p in CITIES:
        return "TP. " + p
    if style == "full":
        if p == "Hồ Chí Minh":
            return "Thành phố Hồ Chí Minh"
        return ("Thành phố " if p in CITIES else "Tỉnh ") + p
    return p


# ---------------------------------------------------------------- numbers

def vn(d: Decimal, decimals: int = 0) -> str:
    """1250.5 -> '1.250,5' (Vietnamese separators)."""
    q = Decimal(1).scaleb(-decimals)
    d = Decimal(d).quantize(q)
    sign = "-" if d < 0 else ""
    s = f"{abs(d):f}"
    ip, _, fp = s.partition(".")
    groups = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    out = ".".join(groups)
    if decimals:
        out += "," + fp
    return sign + out


def parse_vn(text):
    """'1.250,5' -> Decimal('1250.5'); None if the text is not a Vietnamese number."""
    t = str(text).strip()
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,\d+)?", t) or re.fullmatch(r"-?\d+(,\d+)?", t):
        return Decimal(t.replace(".", "").replace(",", "."))
    return None


def dec(x) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def to_cell_number(d: Decimal):
    d = dec(d)
    if d == d.to_integral_value():
        return int(d)
    return float(d)


# ---------------------------------------------------------------- spec model

class Col:
    def __init__(self, width=None):
        self.width = width
        self.info = None  # dict for the YAML: header, role, why…


class Row:
    def __init__(self, why=None):
        self.why = why
        self.height = None


class Cell:
    def __init__(self, row, col, value=None, *, fmt=None, bold=False, italic=False,
                 align=None, valign="center", wrap=False, border=False, size=None,
                 formula=None, underline=False):
        self.row, self.col = row, col
        self.value = value          # python value (Decimal, int, str) as typed
        self.formula = formula      # ('sum', [cells]) | ('ratio', num, den) | ('add', [cells])
        self.fmt, self.bold, self.italic = fmt, bold, italic
        self.align, self.valign, self.wrap, self.border = align, valign, wrap, border
        self.size, self.underline = size, underline


class Sheet:
    def __init__(self, name, widths):
        self.name = name
        self.cols = [Col(w) for w in widths]
        self.rows: list[Row] = []
        self.cells: dict = {}
        self.merges = []  # (row1, col1, row2, col2)
        self.font = "Times New Roman"

    # building
    def row(self, why=None) -> Row:
        r = Row(why)
        self.rows.append(r)
        return r

    def put(self, r: Row, ci, value=None, **kw) -> Cell:
        col = self.cols[ci] if isinstance(ci, int) else ci
        c = Cell(r, col, value, **kw)
        self.cells[(r, col)] = c
        return c

    def merge(self, r1, c1, r2, c2, value=None, **kw):
        col1 = self.cols[c1] if isinstance(c1, int) else c1
        col2 = self.cols[c2] if isinstance(c2, int) else c2
        self.merges.append((r1, col1, r2, col2))
        if value is not None:
            return self.put(r1, col1, value, **kw)
        return None

    def get(self, r, col):
        return self.cells.get((r, col))

    # addresses
    def rnum(self, r: Row) -> int:
        return self.rows.index(r) + 1

    def cnum(self, col: Col) -> int:
        return self.cols.index(col) + 1

    def cletter(self, col: Col) -> str:
        return get_column_letter(self.cnum(col))

    def addr(self, cell: Cell) -> str:
        return f"{self.cletter(cell.col)}{self.rnum(cell.row)}"

    def row_cells(self, r):
        return [self.cells[(r, c)] for c in self.cols if (r, c) in self.cells]

    # editing (mutations)
    def insert_row_after(self, after: Row, why=None) -> Row:
        r = Row(why)
        self.rows.insert(self.rows.index(after) + 1, r)
        return r

    def delete_row(self, r: Row):
        self.rows.remove(r)
        for key in [k for k in self.cells if k[0] is r]:
            del self.cells[key]
        self.merges = [m for m in self.merges if m[0] is not r and m[2] is not r]

    def insert_col_at(self, index: int, width=12) -> Col:
        col = Col(width)
        self.cols.insert(index, col)
        return col

    def delete_col(self, col: Col):
        idx = self.cols.index(col)
        new = []
        for (r1, c1, r2, c2) in self.merges:
            i1, i2 = self.cols.index(c1), self.cols.index(c2)
            if i1 == i2 == idx:
                continue
            if c1 is col:
                c1 = self.cols[idx + 1]
            if c2 is col:
                c2 = self.cols[idx - 1]
            new.append((r1, c1, r2, c2))
        self.merges = new
        self.cols.remove(col)
        for key in [k for k in self.cells if k[1] is col]:
            del self.cells[key]


class Report:
    def __init__(self, nn, slug, ext, layout, description):
        self.nn, self.slug, self.ext, self.layout = nn, slug, ext, layout
        self.description = description
        self.sheets: list[Sheet] = []
        self.data_sheets: list[Sheet] = []
        self.ignored_sheets = []  # (sheet, why)
        self.context = {}
        self.figures = []      # dicts with 'cell' (Cell) and 'sheet' (Sheet)
        self.no_value = []     # dicts with 'cell', 'sheet', 'why'
        self.totals = []       # Total objects
        self.expect_base = []  # things a correct importer must flag even in the base file
        self.csv_sep = ","
        self.csv_bom = False
        self.csv_as_shown = False
        self.mutation = None
        self.options = {}      # what the officer sets on the import form

    @property
    def name(self):
        if self.mutation:
            return f"{self.nn}-{self.slug}.mut-{self.mutation['k']}"
        return f"{self.nn}-{self.slug}"

    @property
    def file(self):
        return f"{self.name}.{self.ext}"

    def sheet(self, name, widths):
        sh = Sheet(name, widths)
        self.sheets.append(sh)
        return sh

    def fig(self, sh, cell, *, area, fund, content="all", year, period="year", measure,
            dong, note=None, **extra):
        f = dict(sheet=sh, cell=cell, area=area, fund=fund, content=content, year=year,
                 period=period, measure=measure, value=int(dong), note=note)
        f.update(extra)
        self.figures.append(f)
        return f


class Total:
    """A total: cells that each sum other cells (a row of totals, or a column)."""

    def __init__(self, sh, label, kind, whose=None, why=None):
        self.sh, self.label, self.kind, self.whose, self.why = sh, label, kind, whose, why
        self.items = []  # (total_cell, [part cells])

    def add(self, total_cell, parts):
        self.items.append((total_cell, list(parts)))


# ---------------------------------------------------------------- small builders

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def part_value(c: Cell | None) -> Decimal:
    """How a total reads a part: a number, a Vietnamese number typed as text, else 0."""
    if c is None or c.value is None:
        return Decimal(0)
    if isinstance(c.value, str):
        p = parse_vn(c.value)
        return p if p is not None else Decimal(0)
    return dec(c.value)


def cur_value(c) -> Decimal:
    """A cell's value now, evaluating formulas (SUM skips text)."""
    if c is None:
        return Decimal(0)
    if c.formula and c.formula[0] in ("sum", "add"):
        return sum((cur_value(p) for p in c.formula[1]
                    if p is not None and (p.formula or isinstance(p.value, (int, float, Decimal)))),
                   Decimal(0))
    if isinstance(c.value, (int, float, Decimal)):
        return dec(c.value)
    return Decimal(0)


def evaluate(rep: Report):
    """Recompute formula cells' values (as LibreOffice will: SUM skips text)."""
    for _ in range(4):
        for sh in rep.sheets:
            for c in sh.cells.values():
                if not c.formula:
                    continue
                kind = c.formula[0]
                if kind in ("sum", "add"):
                    c.value = sum((dec(p.value) for p in c.formula[1]
                                   if p is not None and isinstance(p.value, (int, float, Decimal))),
                                  Decimal(0))
                elif kind == "ratio":
                    num, den = c.formula[1], c.formula[2]
                    if isinstance(den.value, (int, float, Decimal)) and dec(den.value) != 0 \
                            and isinstance(num.value, (int, float, Decimal)):
                        c.value = dec(num.value) / dec(den.value) * 100
                    else:
                        c.value = "#DIV/0!"


# ---------------------------------------------------------------- writing

def render_formula(sh: Sheet, c: Cell) -> str:
    kind = c.formula[0]
    if kind in ("sum", "add"):
        parts = [p for p in c.formula[1] if p is not None]
        if kind == "add":
            if any(isinstance(p.value, str) for p in parts):  # "-" would give #VALUE!
                return "=SUM(" + ",".join(sh.addr(p) for p in parts) + ")"
            return "=" + "+".join(sh.addr(p) for p in parts)
        # contiguous runs in one column become ranges
        same_col = all(p.col is parts[0].col for p in parts)
        if same_col:
            nums = sorted(sh.rnum(p.row) for p in parts)
            letter = sh.cletter(parts[0].col)
            runs, start, prev = [], nums[0], nums[0]
            for n in nums[1:]:
                if n == prev + 1:
                    prev = n
                    continue
                runs.append((start, prev))
                start = prev = n
            runs.append((start, prev))
            return "=SUM(" + ",".join(f"{letter}{a}:{letter}{b}" if a != b else f"{letter}{a}"
                                      for a, b in runs) + ")"
        return "=SUM(" + ",".join(sh.addr(p) for p in parts) + ")"
    if kind == "ratio":
        num, den = c.formula[1], c.formula[2]
        return f"={sh.addr(num)}/{sh.addr(den)}*100"
    raise ValueError(kind)


def write_xlsx(rep: Report, path: Path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "Sở Công Thương"
    wb.properties.lastModifiedBy = "Sở Công Thương"
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT
    for sh in rep.sheets:
        ws = wb.create_sheet(sh.name)
        for j, col in enumerate(sh.cols, 1):
            if col.width:
                ws.column_dimensions[get_column_letter(j)].width = col.width
        rix = {id(r): i for i, r in enumerate(sh.rows, 1)}
        cix = {id(c): j for j, c in enumerate(sh.cols, 1)}
        for (r, col), c in sh.cells.items():
            i, j = rix[id(r)], cix[id(col)]
            cell = ws.cell(row=i, column=j)
            if c.formula:
                cell.value = render_formula(sh, c)
            elif isinstance(c.value, Decimal):
                cell.value = to_cell_number(c.value)
            else:
                cell.value = c.value
            cell.font = Font(name=sh.font, size=c.size or 12, bold=c.bold, italic=c.italic,
                             underline="single" if c.underline else None)
            cell.alignment = Alignment(horizontal=c.align, vertical=c.valign, wrap_text=c.wrap)
            if c.fmt:
                cell.number_format = c.fmt
            if c.border:
                cell.border = BORDER
        for (r1, c1, r2, c2) in sh.merges:
            a, b = rix[id(r1)], rix[id(r2)]
            x, y = cix[id(c1)], cix[id(c2)]
            # borders on every cell of a merged header range
            first = sh.get(r1, c1)
            if first is not None and first.border:
                for i in range(a, b + 1):
                    for j in range(x, y + 1):
                        ws.cell(row=i, column=j).border = BORDER
            ws.merge_cells(start_row=a, start_column=x, end_row=b, end_column=y)
    wb.save(path)


def soffice(args, cwd):
    env = dict(os.environ, HOME=str(cwd / "lo-home"))
    subprocess.run(["soffice", "--headless", "--norestore", *args], cwd=cwd, env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def normalise_zip(path: Path):
    """Fix member timestamps; sort ODS master pages (LibreOffice writes them in hash order)."""
    with zipfile.ZipFile(path) as z:
        members = [(i, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info, data in members:
            if info.filename == "styles.xml":
                text = data.decode("utf-8")
                m = re.search(r"(<office:master-styles>)(.*)(</office:master-styles>)", text, re.S)
                if m:
                    pages = re.findall(r"<style:master-page .*?</style:master-page>", m.group(2), re.S)
                    if "".join(pages) == m.group(2):
                        text = text[:m.start(2)] + "".join(sorted(pages)) + text[m.end(2):]
                data = text.encode("utf-8")
            if info.filename in ("docProps/core.xml", "meta.xml"):
                # openpyxl stamps the save time as "modified"; LibreOffice carries it over
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              r"\g<1>2025-01-15T08:00:00Z\g<2>", text)
                text = re.sub(r"(<dc:date>)[^<]*(</dc:date>)", r"\g<1>2025-01-15T08:00:00\g<2>", text)
                data = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            zi.compress_type = info.compress_type
            zi.external_attr = info.external_attr
            zi.create_system = 3
            out.writestr(zi, data)
    path.write_bytes(buf.getvalue())


CSV_FILTER = "Text - txt - csv (StarCalc)"


def build_files(reports, tmp: Path):
    """Write every scratch XLSX, then convert them with LibreOffice in batches."""
    src = tmp / "src"
    src.mkdir(parents=True, exist_ok=True)
    groups: dict = {}
    for rep in reports:
        p = src / f"{rep.name}.xlsx"
        write_xlsx(rep, p)
        if rep.ext == "csv":
            opts = f"{ord(rep.csv_sep)},34,76,1,,0,false,true,{'true' if rep.csv_as_shown else 'false'},false,false,1"
            groups.setdefault(("csv", opts), []).append(rep)
        else:
            groups.setdefault((rep.ext, None), []).append(rep)
    for (ext, opts), reps in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        outdir = tmp / f"out-{ext}-{len(opts or '')}-{abs(hash(opts)) % 10**6}"
        outdir.mkdir(exist_ok=True)
        target = ext if ext != "csv" else f"csv:{CSV_FILTER}:{opts}"
        files = [str(src / f"{r.name}.xlsx") for r in reps]
        for i in range(0, len(files), 40):
            soffice(["--convert-to", target, "--outdir", str(outdir), *files[i:i + 40]], tmp)
        for rep in reps:
            produced = outdir / f"{rep.name}.{ext}"
            if not produced.exists() and ext == "csv":
                cands = list(outdir.glob(f"{rep.name}-*.csv"))
                produced = cands[0]
            dest = OUT / rep.file
            if ext == "csv":
                data = produced.read_bytes()
                if rep.csv_bom:
                    data = b"\xef\xbb\xbf" + data
                dest.write_bytes(data)
            else:
                shutil.copyfile(produced, dest)
                normalise_zip(dest)


# ---------------------------------------------------------------- YAML

def fmt_rows(nums):
    nums = sorted(set(nums))
    runs, start, prev = [], nums[0], nums[0]
    for n in nums[1:]:
        if n == prev + 1:
            prev = n
            continue
        runs.append((start, prev))
        start = prev = n
    runs.append((start, prev))
    return ", ".join(f"{a}-{b}" if a != b else f"{a}" for a, b in runs)


def figure_yaml(rep, f):
    sh = f["sheet"]
    d = {"indicator": f.get("indicator_override", INDICATOR), "area": f["area"], "fund": f["fund"], "content": f["content"],
         "year": f["year"], "period": f["period"], "measure": f["measure"],
         "value": str(f["value"])}
    if f.get("note"):
        d["note"] = f["note"]
    if len(rep.sheets) > 1:
        d["sheet"] = sh.name
    d["cell"] = sh.addr(f["cell"])
    for k in ("unit", "area_text", "content_text", "text", "area_why", "measure_why"):
        if f.get(k):
            d[k] = f[k]
    return d


def totals_yaml(rep, t: Total):
    sh = t.sh
    out = {}
    if len(rep.sheets) > 1:
        out["sheet"] = sh.name
    stated_ok = []
    for tc, parts in t.items:
        stated = part_value(tc) if not isinstance(tc.value, str) else None
        s = sum((part_value(p) for p in parts), Decimal(0))
        stated_ok.append((tc, stated, s, stated == s))
    if t.kind == "row":
        out["row"] = sh.rnum(t.items[0][0].row)
        out["label"] = t.label
        out["columns"] = [sh.cletter(tc.col) for tc, _ in t.items]
        out["of"] = "rows " + fmt_rows(sh.rnum(p.row) for _, ps in t.items for p in ps)
    else:
        out["column"] = sh.cletter(t.items[0][0].col)
        out["label"] = t.label
        out["rows"] = fmt_rows(sh.rnum(tc.row) for tc, _ in t.items)
        cols = []
        for p in t.items[0][1]:
            if sh.cletter(p.col) not in cols:
                cols.append(sh.cletter(p.col))
        out["of"] = "columns " + "+".join(cols)
    out["equals_sum"] = all(ok for *_, ok in stated_ok)
    out["formula"] = all(bool(tc.formula) for tc, _ in t.items)
    out["whose"] = t.whose
    wrong = [{"cell": sh.addr(tc), "stated": str(st), "sum": str(s)}
             for tc, st, s, ok in stated_ok if not ok]
    if wrong:
        out["wrong"] = wrong
    if t.why:
        out["why"] = t.why
    return out


def classify_rows(rep):
    """Every non-empty row: data (holds a figure or a 'no value' cell) or ignored (why)."""
    ignored = []
    data_cells = {id(f["cell"]) for f in rep.figures} | {id(n["cell"]) for n in rep.no_value}
    total_rows = {}
    for t in rep.totals:
        if t.kind == "row":
            total_rows[id(t.items[0][0].row)] = t.label
    for sh in rep.sheets:
        for r in sh.rows:
            cells = [c for c in sh.row_cells(r) if c.value not in (None, "") or c.formula]
            if not cells:
                continue
            if any(id(c) in data_cells for c in cells):
                continue
            why = r.why
            if why is None and id(r) in total_rows:
                why = f"total row “{total_rows[id(r)]}” (see totals; not stored)"
            if why is None:
                raise AssertionError(f"{rep.file}: row {sh.rnum(r)} of {sh.name} has no why: "
                                     f"{[c.value for c in cells]}")
            d = {"row": sh.rnum(r), "why": why}
            if len(rep.sheets) > 1:
                d = {"sheet": sh.name, **d}
            ignored.append(d)
    return ignored


def columns_yaml(rep):
    ignored, roles = [], []
    for sh in rep.sheets:
        for col in sh.cols:
            if not col.info:
                continue
            d = {"column": sh.cletter(col)}
            if len(rep.sheets) > 1:
                d = {"sheet": sh.name, **d}
            d.update({k: v for k, v in col.info.items() if k != "ignored"})
            if "wrong" in d:
                d["wrong"] = [sh.addr(c) for c in d["wrong"]]
            for k in ("num", "den"):
                if isinstance(d.get(k), Col):
                    d[k] = sh.cletter(d[k])
            (ignored if col.info.get("ignored") else roles).append(d)
    return ignored, roles


def base_yaml(rep: Report):
    evaluate(rep)
    sheet = None
    if len(rep.sheets) > 1 or rep.sheets[0].name not in ("Sheet1", "Trang1"):
        names = [s.name for s in rep.data_sheets or rep.sheets]
        sheet = names[0] if len(names) == 1 else names
    ign_cols, roles = columns_yaml(rep)
    y = {"file": rep.file, "layout": rep.layout, "format": rep.ext,
         "description": rep.description, "sheet": sheet, "context": rep.context}
    if rep.ignored_sheets:
        y["ignored_sheets"] = [{"sheet": s.name, "why": w} for s, w in rep.ignored_sheets]
    if rep.ext == "csv":
        y["csv"] = {"encoding": "utf-8-sig" if rep.csv_bom else "utf-8",
                    "delimiter": rep.csv_sep,
                    "numbers": "as shown, Vietnamese separators" if rep.csv_as_shown else "raw values"}
    y["figures"] = [figure_yaml(rep, f) for f in rep.figures]
    y["figures_count"] = len(rep.figures)
    if rep.no_value:
        y["no_value"] = [
            {**({"sheet": n["sheet"].name} if len(rep.sheets) > 1 else {}),
             "cell": n["sheet"].addr(n["cell"]), "text": n["cell"].value or "",
             "area": n["area"], "fund": n["fund"], "measure": n["measure"],
             "why": n["why"]} for n in rep.no_value]
    y["totals"] = [totals_yaml(rep, t) for t in rep.totals]
    y["ignored_rows"] = classify_rows(rep)
    y["ignored_columns"] = ign_cols
    y["columns"] = roles
    if rep.expect_base:
        y["expect"] = rep.expect_base
    if rep.options:
        y["options"] = rep.options
    return y


class Dumper(yaml.SafeDumper):
    pass


def _flow_dict(d):
    return all(not isinstance(v, (dict, list)) for v in d.values())


def _represent_dict(dumper, data):
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(),
                                    flow_style=_flow_dict(data) and len(data) > 1 and dumper._flow_ok)


def _represent_str(dumper, data):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


Dumper._flow_ok = True
Dumper.add_representer(dict, _represent_dict)
Dumper.add_representer(str, _represent_str)


def dump_yaml(data, path: Path):
    text = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=4096)
    path.write_text(text, encoding="utf-8")


# ================================================================ building blocks

class Money:
    """Deterministic amounts, exact in the file's unit and printed decimals."""

    def __init__(self, seed, unit, decimals):
        self.rng = random.Random(seed)
        self.unit, self.decimals = unit, decimals
        self.step = max(1000, int(UNITS[unit] / (10 ** decimals)))

    def amount(self, lo_trieu, hi_trieu):
        lo = -(-int(lo_trieu * 1_000_000) // self.step)
        hi = int(hi_trieu * 1_000_000) // self.step
        return self.rng.randint(lo, hi) * self.step

    def share(self, dong, lo=0.55, hi=1.0):
        return int(round(dong * self.rng.uniform(lo, hi) / self.step)) * self.step

    def pick(self, seq):
        return self.rng.choice(seq)


def in_unit(dong, unit) -> Decimal:
    d = (Decimal(dong) / UNITS[unit]).normalize() if dong else Decimal(0)
    return d.quantize(Decimal(1)) if d.as_tuple().exponent > 0 else d


def fmt_for(decimals, vi=False):
    f = "#,##0" + ("." + "0" * decimals if decimals else "")
    return ("[$-42A]" + f) if vi else f


def H(sh, r, ci, text, **kw):
    kw.setdefault("bold", True)
    return sh.put(r, ci, text, align="center", wrap=True, border=True, **kw)


def line(sh, text, c1, c2, why=None, r=None, **kw):
    """A text line merged over columns c1..c2 (a new row unless r is given)."""
    if r is None:
        r = sh.row(why)
    kw.setdefault("align", "center")
    if c1 == c2:
        sh.put(r, c1, text, **kw)
    else:
        sh.merge(r, c1, r, c2, text, **kw)
    return r


def agency_header(sh, left1, left2, split, last, why="agency header (cơ quan; quốc hiệu, tiêu ngữ)"):
    r1 = line(sh, left1, 0, split - 1, why, size=11)
    line(sh, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", split, last, r=r1, bold=True)
    r2 = line(sh, left2, 0, split - 1, why, bold=True, underline=True, size=11, wrap=True)
    line(sh, "Độc lập - Tự do - Hạnh phúc", split, last, r=r2, bold=True, underline=True)
    return r1, r2


def footer(sh, place_date, left, right, left_name, right_name, split, last, right_sub=None):
    sh.row()
    line(sh, place_date, split, last, "place and date line", italic=True)
    r = line(sh, left, 0, split - 1, "signature block: titles", bold=True)
    line(sh, right, split, last, r=r, bold=True)
    if right_sub:
        line(sh, right_sub, split, last, "signature block: titles", bold=True)
    for _ in range(3):
        sh.row()
    r = line(sh, left_name, 0, split - 1, "signature block: names", bold=True)
    line(sh, right_name, split, last, r=r, bold=True)


def value_cell(rep, sh, r, ci, v, *, unit, decimals, fmt, dims, note=None, style="num"):
    """Put one value; v is dong (int), None (empty), '-' (no value), or ('text'|'general', dong)."""
    kind = "num"
    if isinstance(v, tuple):
        kind, v = v
    if v is None or v == "-":
        c = sh.put(r, ci, "-" if v == "-" else None, align="center" if v == "-" else None,
                   border=True)
        rep.no_value.append(dict(sheet=sh, cell=c, area=dims["area"], fund=dims["fund"],
                                 measure=dims["measure"],
                                 why="“-”: no value (not zero)" if v == "-" else "empty cell: no value"))
        return c
    d = in_unit(v, unit)
    extra = {}
    if kind == "text":
        text = vn(d, decimals if d != d.to_integral_value() else 0)
        c = sh.put(r, ci, text, align="right", border=True)
        extra["text"] = text
    elif kind == "general":
        c = sh.put(r, ci, d, border=True)
    else:
        c = sh.put(r, ci, d, fmt=fmt, border=True)
    rep.fig(sh, c, dong=v, note=note, **dims, **extra)
    return c


def col_info(sh, ci, **info):
    sh.cols[ci].info = info


# ================================================================ layout 1: funds as column groups

FUNDS = [("kcqg", "Khuyến công quốc gia"), ("kcdp", "Khuyến công địa phương")]


def fund_groups_table(rep, sh, *, areas, year, funds, measures, unit, decimals, fmt, values,
                      fund_total=None, top_header=None, numbering=None, notes=None,
                      total_label="Tổng cộng", whose=None, total_formula=True, total_delta=None,
                      ratio_typed=None, stt=True, area_header="Tỉnh, thành phố", note_header="Ghi chú",
                      first_col=0, header_unit=None, row_dims=None, area_role="area",
                      total_first=False, region_total=None):
    """Header rows, one row per area, a total row.  Returns handles.

    measures: [(code, header, period)]; code 'ratio' is a Tỷ lệ (%) column.
    values(area, fund, measure) -> dong | None | '-' | ('text', dong) | ('general', dong)
    """
    h = {"value_cols": {}, "rows": {}, "header_rows": []}
    c0 = first_col
    ci = c0
    stt_col = None
    if stt:
        stt_col = ci
        ci += 1
    area_col = ci
    ci += 1
    group_cols = []
    total_group = [("all", fund_total)] if fund_total else []
    ordered = total_group + funds if total_first else funds + total_group
    for fund, fh in ordered:
        cols = []
        for m, mh, per in measures:
            cols.append((fund, m, mh, per, ci))
            ci += 1
        group_cols.append((fund, fh, cols))
    note_col = ci if notes is not None else None
    last = ci if notes is not None else ci - 1
    nhead = 3 if top_header else 2
    hrows = [sh.row("table header") for _ in range(nhead)]
    h["header_rows"] = hrows
    if stt:
        H(sh, hrows[0], stt_col, "STT")
        sh.merge(hrows[0], stt_col, hrows[-1], stt_col)
        col_info(sh, stt_col, header="STT", ignored=True, why="row number (số thứ tự)")
    H(sh, hrows[0], area_col, area_header)
    sh.merge(hrows[0], area_col, hrows[-1], area_col)
    col_info(sh, area_col, header=area_header, role=area_role)
    if row_dims is None:
        def row_dims(key, written):
            return {"area": key, **({"area_text": written} if written != key else {})}
    if top_header:
        first = group_cols[0][2][0][4]
        lastv = group_cols[-1][2][-1][4]
        H(sh, hrows[0], first, top_header)
        sh.merge(hrows[0], first, hrows[0], lastv)
    gr, mr = hrows[-2], hrows[-1]
    for fund, fh, cols in group_cols:
        H(sh, gr, cols[0][4], fh)
        for c in cols[1:]:
            H(sh, gr, c[4], None)
        if len(cols) > 1:
            sh.merge(gr, cols[0][4], gr, cols[-1][4])
        for fund_, m, mh, per, cc in cols:
            mtext = mh + (f" ({header_unit})" if header_unit and m != "ratio" else "")
            H(sh, mr, cc, mtext)
            full = f"{fh} / {mtext}"
            if m == "ratio":
                col_info(sh, cc, header=full, ignored=True, why="derived ratio, not stored",
                         check=True, of=f"{measures[1][1]} / {measures[0][1]} × 100",
                         num=sh.cols[cc - len(measures) + 2], den=sh.cols[cc - len(measures) + 1])
            elif fund == "all":
                col_info(sh, cc, header=full, ignored=True,
                         why="sum of the funds' columns: a total (see totals), not stored")
            else:
                col_info(sh, cc, header=full, role="value", fund=fund, measure=m, period=per)
            h["value_cols"][(fund, m)] = cc
    if notes is not None:
        H(sh, hrows[0], note_col, note_header)
        sh.merge(hrows[0], note_col, hrows[-1], note_col)
        col_info(sh, note_col, header=note_header, role="note",
                 why="text of the row's Ghi chú: the note of the row's figures")
    if top_header:
        for cc in range(c0, last + 1):
            if sh.get(hrows[1], sh.cols[cc]) is None:
                H(sh, hrows[1], cc, None)
            if sh.get(hrows[0], sh.cols[cc]) is None:
                H(sh, hrows[0], cc, None)
    for hr in hrows[1:]:
        for cc in (stt_col, area_col, note_col):
            if cc is not None and sh.get(hr, sh.cols[cc]) is None:
                H(sh, hr, cc, None)
    if numbering:
        nr = sh.row("column numbering row (“(1) (2) …” under the header)" if numbering == "text"
                    else "column numbering row: the numbers 1, 2, 3… typed as numbers, not data")
        h["numbering_row"] = nr
        for k, cc in enumerate(range(c0, last + 1), 1):
            val = f"({k})" if numbering == "text" else k
            H(sh, nr, cc, val, bold=False, italic=True)
    data_rows = []
    cells = {}
    for k, (area, written) in enumerate(areas, 1):
        r = sh.row()
        data_rows.append(r)
        h["rows"][area] = r
        if stt:
            sh.put(r, stt_col, k, align="center", border=True)
        sh.put(r, area_col, written, border=True)
        note = (notes or {}).get(area)
        if notes is not None:
            sh.put(r, note_col, note, wrap=True, border=True, size=11)
        for fund, fh, cols in group_cols:
            if fund == "all":
                continue
            for fund_, m, mh, per, cc in cols:
                if m == "ratio":
                    continue
                dims = dict(**row_dims(area, written), fund=fund, year=year, period=per, measure=m)
                cells[(area, fund, m)] = value_cell(
                    rep, sh, r, cc, values(area, fund, m), unit=unit, decimals=decimals,
                    fmt=fmt, dims=dims, note=note)
        # fund total columns and ratios
        for fund, fh, cols in group_cols:
            for fund_, m, mh, per, cc in cols:
                if fund == "all" and m != "ratio":
                    parts = [cells.get((area, f, m)) for f, _ in funds]
                    cells[(area, "all", m)] = sh.put(r, cc, None, fmt=fmt, border=True,
                                                     formula=("add", parts))
        for fund, fh, cols in group_cols:
            for fund_, m, mh, per, cc in cols:
                if m == "ratio":
                    num = cells.get((area, fund, measures[1][0]))
                    den = cells.get((area, fund, measures[0][0]))
                    if ratio_typed is not None:
                        val = ratio_typed(area, fund, num, den)
                        sh.put(r, cc, val, fmt="0.0", border=True)
                    else:
                        sh.put(r, cc, None, fmt="0.0", border=True, formula=("ratio", num, den))
    # column totals (fund "all")
    if fund_total:
        for fund, fh, cols in group_cols:
            if fund != "all":
                continue
            for fund_, m, mh, per, cc in cols:
                if m == "ratio":
                    continue
                t = Total(sh, f"{fund_total} – {mh}", "column",
                          whose="each row's area, all funds")
                for area, _ in areas:
                    t.add(cells[(area, "all", m)],
                          [cells[(area, f, m)] for f, _ in funds if cells.get((area, f, m))])
                rep.totals.append(t)
    # the total row
    if total_label:
        tr = sh.row()
        h["total_row"] = tr
        if stt:
            sh.put(tr, stt_col, None, border=True)
        sh.put(tr, area_col, total_label, bold=True, align="center", border=True)
        if notes is not None:
            sh.put(tr, note_col, None, border=True)
        t = Total(sh, total_label, "row", whose=whose)
        tcells = {}
        for fund, fh, cols in group_cols:
            for fund_, m, mh, per, cc in cols:
                if m == "ratio":
                    continue
                parts = [cells[(a, fund, m)] for a, _ in areas]
                if total_formula:
                    c = sh.put(tr, cc, None, fmt=fmt, bold=True, border=True, formula=("sum", parts))
                else:
                    s = sum((part_value(p) for p in parts), Decimal(0))
                    if total_delta and (fund, m) in total_delta:
                        s += total_delta[(fund, m)]
                    c = sh.put(tr, cc, s, fmt=fmt, bold=True, border=True)
                tcells[(fund, m)] = c
                t.add(c, parts)
                if region_total and fund != "all":
                    # The total names its region: the region's figure.
                    rep.fig(sh, c, area=region_total, fund=fund, year=year, period=per,
                            measure=m, dong=sum(values(a, fund, m) or 0 for a, _ in areas))
        for fund, fh, cols in group_cols:
            for fund_, m, mh, per, cc in cols:
                if m == "ratio":
                    num, den = tcells[(fund, measures[1][0])], tcells[(fund, measures[0][0])]
                    if ratio_typed is not None:
                        sh.put(tr, cc, ratio_typed("total", fund, num, den), fmt="0.0",
                               bold=True, border=True)
                    else:
                        sh.put(tr, cc, None, fmt="0.0", bold=True, border=True,
                               formula=("ratio", num, den))
        rep.totals.append(t)
        h["total"] = t
    h["cells"] = cells
    h["area_col"], h["stt_col"], h["note_col"], h["last"] = area_col, stt_col, note_col, last
    h["data_rows"] = data_rows
    return h


def budget_values(money, areas, measures, *, qg=(800, 4500), dp=(1500, 15000), special=None,
                  big=None):
    """values(area, fund, measure) for a fund-groups table from a Money generator."""
    table = {}
    for a in areas:
        k = 3 if big and a in big else 1
        for fund, rng in (("kcqg", qg), ("kcdp", dp)):
            plan = money.amount(rng[0] * k, rng[1] * k)
            table[(a, fund, "plan")] = plan
            table[(a, fund, "executed")] = money.share(plan)
            table[(a, fund, "estimate")] = money.share(plan, 0.8, 1.0)
    for key, v in (special or {}).items():
        table[key] = v
    return lambda a, f, m: table.get((a, f, m))


# ================================================================ the reports

def r_cot_nhom_nguon_2024(nn="01", ext="xlsx"):
    rep = Report(nn, "cot-nhom-nguon-2024", ext, "fund_column_groups",
                 "Region report 2024 (19 provinces of Miền Trung - Tây Nguyên): KCQG, KCĐP and "
                 "Tổng cộng as column groups (Kế hoạch | Thực hiện), two-row merged header, "
                 "column-numbering row, per-row Ghi chú, formula totals, signature block."
                 + (" CSV made by LibreOffice from the same sheet (raw values)." if ext == "csv" else ""))
    sh = rep.sheet("Biểu 01", [6, 22, 13, 13, 13, 13, 13, 13, 30])
    rep.data_sheets = [sh]
    unit, dcm = "triệu đồng", 1
    fmt = fmt_for(1)
    agency_header(sh, "BỘ CÔNG THƯƠNG", "TRUNG TÂM KHUYẾN CÔNG VÀ TƯ VẤN PHÁT TRIỂN CÔNG NGHIỆP II", 4, 8)
    sh.row()
    rep.h = {"title_row": line(sh, "BÁO CÁO KẾT QUẢ THỰC HIỆN KINH PHÍ KHUYẾN CÔNG NĂM 2024", 0, 8,
                               "title (year 2024, whole year)", bold=True, size=14)}
    line(sh, "Khu vực miền Trung - Tây Nguyên", 0, 8, "subtitle: the region covered", italic=True)
    rep.h["unit_row"] = line(sh, "Đơn vị tính: triệu đồng", 6, 8, "unit line", italic=True, align="right")
    money = Money(101, unit, dcm)
    areas = [(p, written_name(p, "tp")) for p in MTTN_2024]
    values = budget_values(money, MTTN_2024, None)
    notes = {"Quảng Bình": "Chưa bao gồm 01 đề án chuyển tiếp sang năm 2025",
             "Đắk Nông": "Điều chỉnh giảm kế hoạch KCĐP theo Quyết định số 512/QĐ-UBND ngày 12/6/2024",
             "Quảng Nam": "Đã quyết toán"}
    measures = [("plan", "Kế hoạch", "year"), ("executed", "Thực hiện", "year")]
    h = fund_groups_table(rep, sh, areas=areas, year=2024, funds=FUNDS, measures=measures, unit=unit,
                          decimals=dcm, fmt=fmt, values=values, fund_total="Tổng cộng",
                          numbering="text", notes=notes, whose="Miền Trung - Tây Nguyên")
    rep.h.update(h)
    sh.row()
    line(sh, "Ghi chú: Số liệu thực hiện là kinh phí đã giải ngân đến hết ngày 31/12/2024.", 0, 8,
         "note below the table", align="left", italic=True)
    footer(sh, "Đà Nẵng, ngày 20 tháng 01 năm 2025", "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC",
           "Nguyễn Thị Thu Hà", "Trần Văn Minh", 4, 8)
    rep.context = {"unit": unit, "year": 2024, "period": "year", "area": None,
                   "region": "Miền Trung - Tây Nguyên"}
    return rep


def r_cot_nhom_uoc_ty_le_2024(nn="02", ext="ods"):
    rep = Report(nn, "cot-nhom-uoc-ty-le-2024", ext, "fund_column_groups",
                 "Region estimate 2024 (14 provinces of Trung du và miền núi phía Bắc): three-row "
                 "header (Nguồn kinh phí / fund / Kế hoạch | Ước thực hiện | Tỷ lệ (%)), values in "
                 "đồng, numbering row typed as numbers, a zero plan with #DIV/0! ratio, (*) note.")
    sh = rep.sheet("Tổng hợp", [6, 18] + [16, 16, 9] * 3 + [22])
    rep.data_sheets = [sh]
    unit, dcm = "đồng", 0
    fmt = fmt_for(0)
    agency_header(sh, "BỘ CÔNG THƯƠNG", "TRUNG TÂM KHUYẾN CÔNG VÀ TƯ VẤN PHÁT TRIỂN CÔNG NGHIỆP I", 4, 11)
    sh.row()
    rep.h = {"title_row": line(sh, "BÁO CÁO ƯỚC THỰC HIỆN KINH PHÍ KHUYẾN CÔNG NĂM 2024 (*)", 0, 11,
                               "title (year 2024, estimate)", bold=True, size=14)}
    line(sh, "Các tỉnh Trung du và miền núi phía Bắc", 0, 11, "subtitle: the region covered", italic=True)
    rep.h["unit_row"] = line(sh, "Đvt: đồng", 9, 11, "unit line", italic=True, align="right")
    money = Money(202, "triệu đồng", 0)
    special = {("Bắc Kạn", "kcqg", "plan"): 0, ("Bắc Kạn", "kcqg", "estimate"): 0}
    base = budget_values(money, TDMNPB, None, special=special)
    rng = random.Random(2021)

    def values(a, f, m):
        v = base(a, f, m)
        if m == "estimate" and v:
            v = v - rng.randint(0, 999) * 1000  # estimates to the nghìn đồng
        return v
    measures = [("plan", "Kế hoạch", "year"), ("estimate", "Ước thực hiện", "year"),
                ("ratio", "Tỷ lệ (%)", None)]
    notes = {"Bắc Kạn": "Không được giao kinh phí KCQG năm 2024",
             "Lào Cai": "Đã bao gồm kinh phí bổ sung đợt 2"}
    h = fund_groups_table(rep, sh, areas=[(p, p) for p in TDMNPB], year=2024, funds=FUNDS,
                          measures=measures, unit=unit, decimals=dcm, fmt=fmt, values=values,
                          fund_total="Tổng cộng", top_header="Nguồn kinh phí", numbering="numbers",
                          notes=notes, whose="Trung du và miền núi phía Bắc")
    rep.h.update(h)
    for col in sh.cols:
        if col.info and col.info.get("check") is True:
            col.info["of"] = "Ước thực hiện / Kế hoạch × 100"
            col.info["why"] = "derived ratio, not stored (a zero Kế hoạch gives #DIV/0!)"
    sh.row()
    line(sh, "(*) Số liệu ước thực hiện đến 31/12/2024.", 0, 11, "note below the table",
         align="left", italic=True)
    footer(sh, "Hà Nội, ngày 10 tháng 12 năm 2024", "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC",
           "Phạm Thị Lan", "Hoàng Đức Thắng", 5, 11)
    rep.context = {"unit": unit, "year": 2024, "period": "year", "area": None,
                   "region": "Trung du và miền núi phía Bắc", "measure": "estimate"}
    return rep


def r_cot_nhom_9_thang_2025(nn="03", ext="xlsx"):
    rep = Report(nn, "cot-nhom-9-thang-2025", ext, "fund_column_groups",
                 "National 9-month report 2025, the 34 provinces after the merger ('TP.' prefixes), "
                 "unit only in the headers ('Kế hoạch năm 2025 (triệu đồng)'), plan for the year and "
                 "execution for 9 months, '-' for no value, typed (correct) national total, ratio column.")
    sh = rep.sheet("9 tháng 2025", [6, 22, 14, 14, 14, 14, 14, 14, 10])
    rep.data_sheets = [sh]
    unit, dcm = "triệu đồng", 1
    fmt = fmt_for(1)
    agency_header(sh, "BỘ CÔNG THƯƠNG",
                  "CỤC ĐỔI MỚI SÁNG TẠO, CHUYỂN ĐỔI XANH VÀ KHUYẾN CÔNG", 4, 8)
    sh.row()
    rep.h = {"title_row": line(sh, "BÁO CÁO KẾT QUẢ THỰC HIỆN KINH PHÍ KHUYẾN CÔNG 9 THÁNG ĐẦU NĂM 2025",
                               0, 8, "title (9 months of 2025)", bold=True, size=14)}
    line(sh, "(Số liệu tổng hợp từ báo cáo của Sở Công Thương các tỉnh, thành phố)", 0, 8,
         "subtitle", italic=True)
    money = Money(303, unit, dcm)
    big = {"Hà Nội", "Hồ Chí Minh", "Thanh Hóa", "Nghệ An", "Hải Phòng"}
    special = {("Lai Châu", "kcqg", "executed"): "-", ("Điện Biên", "kcqg", "executed"): "-",
               ("Cà Mau", "kcqg", "executed"): "-", ("Tây Ninh", "kcdp", "executed"): 0}
    values = budget_values(money, P34, None, qg=(1000, 6000), dp=(3000, 22000), special=special, big=big)

    def values9(a, f, m):
        v = values(a, f, m)
        if m == "executed" and isinstance(v, int) and v:
            v = int(round(v * 0.7 / money.step)) * money.step
        return v
    measures = [("plan", "Kế hoạch năm 2025", "year"), ("executed", "Thực hiện 9 tháng", "months:9")]
    areas = [(p, written_name(p, "tp")) for p in P34]
    h = fund_groups_table(rep, sh, areas=areas, year=2025,
                          funds=[("kcqg", "Kinh phí khuyến công quốc gia"),
                                 ("kcdp", "Kinh phí khuyến công địa phương")],
                          measures=measures, unit=unit, decimals=dcm, fmt=fmt, values=values9,
                          header_unit="triệu đồng", whose="cả nước", total_formula=False,
                          area_header="Tỉnh, thành phố")
    rep.h.update(h)
    # a Tỷ lệ column after the table: Thực hiện / Kế hoạch of the KCĐP
    hr0, hr1 = h["header_rows"]
    rc = 8
    H(sh, hr0, rc, "Tỷ lệ TH/KH KCĐP (%)")
    sh.merge(hr0, rc, hr1, rc)
    H(sh, hr1, rc, None)
    col_info(sh, rc, header="Tỷ lệ TH/KH KCĐP (%)", ignored=True, why="derived ratio, not stored",
             check=True, of="Thực hiện 9 tháng / Kế hoạch năm 2025 (KCĐP) × 100", num=sh.cols[5],
             den=sh.cols[4])
    for a, _ in areas:
        r = h["rows"][a]
        sh.put(r, rc, None, fmt="0.0", border=True,
               formula=("ratio", h["cells"][(a, "kcdp", "executed")], h["cells"][(a, "kcdp", "plan")]))
    sh.put(h["total_row"], rc, None, fmt="0.0", border=True, bold=True,
           formula=("ratio", sh.get(h["total_row"], sh.cols[5]), sh.get(h["total_row"], sh.cols[4])))
    sh.row()
    line(sh, "Ghi chú: “-” là chưa có số liệu báo cáo.", 0, 8, "note below the table", align="left",
         italic=True)
    footer(sh, "Hà Nội, ngày 15 tháng 10 năm 2025", "NGƯỜI LẬP BIỂU", "KT. CỤC TRƯỞNG",
           "Lê Thị Mai", "Nguyễn Văn Hùng", 4, 8, right_sub="PHÓ CỤC TRƯỞNG")
    rep.context = {"unit": unit, "year": 2025, "period": "months:9", "area": None,
                   "unit_where": "in the headers only"}
    return rep


# ================================================================ layout 2: funds as section rows

ROMAN = ["I", "II", "III", "IV", "V"]


def section_table(rep, sh, *, sections, areas, year, measures, unit, decimals, fmt, values,
                  region, ratio=None, notes=None, cong_label="Cộng", cong_typed=False,
                  cong_delta=None, grand_label="Tổng cộng (I+II)", grand_whose=None,
                  first_header="Nguồn kinh phí / Tỉnh, thành phố", header_unit=None):
    """STT | name | measures… | [Tỷ lệ] | [Ghi chú]; one section per fund with a Cộng row."""
    h = {"rows": {}, "cells": {}, "cong": {}, "value_cols": {}}
    ci = 0
    col_info(sh, 0, header="STT", ignored=True, why="row number (I, II for sections; 1, 2… for rows)")
    col_info(sh, 1, header=first_header, role="area",
             why="province names; the section headings above them give the fund")
    ci = 2
    mcols = []
    for m, mh, per in measures:
        mtext = mh + (f" ({header_unit})" if header_unit else "")
        mcols.append((m, mtext, per, ci))
        col_info(sh, ci, header=mtext, role="value", measure=m, period=per,
                 fund="from the section heading")
        h["value_cols"][m] = ci
        ci += 1
    ratio_col = None
    if ratio:
        ratio_col = ci
        col_info(sh, ci, header="Tỷ lệ (%)", ignored=True, why="derived ratio, not stored",
                 check=True, of=f"{measures[1][1]} / {measures[0][1]} × 100",
                 num=sh.cols[ci - 1], den=sh.cols[ci - 2])
        ci += 1
    note_col = None
    if notes is not None:
        note_col = ci
        col_info(sh, ci, header="Ghi chú", role="note",
                 why="text of the row's Ghi chú: the note of the row's figures")
        ci += 1
    last = ci - 1
    hr = sh.row("table header")
    H(sh, hr, 0, "STT")
    H(sh, hr, 1, first_header)
    for m, mtext, per, cc in mcols:
        H(sh, hr, cc, mtext)
    if ratio_col is not None:
        H(sh, hr, ratio_col, "Tỷ lệ (%)")
    if note_col is not None:
        H(sh, hr, note_col, "Ghi chú")
    h["header_row"] = hr
    cong_cells = []
    rng = random.Random(7)

    def put_ratio(r, num, den, bold=False, key=None):
        if ratio == "formula":
            sh.put(r, ratio_col, None, fmt="0.0", border=True, bold=bold, formula=("ratio", num, den))
        elif ratio == "typed":
            v = (cur_value(num) / cur_value(den) * 100).quantize(Decimal("0.1"))
            if key in (rep.h.get("wrong_ratio") or ()):
                v = rep.h["wrong_ratio"][key]
                sh.cols[ratio_col].info["check"] = False
                sh.cols[ratio_col].info.setdefault("wrong", []).append(
                    sh.put(r, ratio_col, v, fmt="0.0", border=True, bold=bold))
                return
            sh.put(r, ratio_col, v, fmt="0.0", border=True, bold=bold)

    for si, (fund, heading) in enumerate(sections):
        r = sh.row(f"group heading: the fund ({fund}) of the rows below")
        sh.put(r, 0, ROMAN[si], bold=True, align="center", border=True)
        sh.put(r, 1, heading, bold=True, border=True)
        for cc in range(2, last + 1):
            sh.put(r, cc, None, border=True)
        h["rows"][("heading", fund)] = r
        rows = []
        for k, (area, written) in enumerate(areas, 1):
            r = sh.row()
            rows.append(r)
            h["rows"][(area, fund)] = r
            sh.put(r, 0, k, align="center", border=True)
            sh.put(r, 1, written, border=True)
            note = (notes or {}).get((area, fund))
            if note_col is not None:
                sh.put(r, note_col, note, border=True, wrap=True, size=11)
            for m, mtext, per, cc in mcols:
                dims = dict(area=area, fund=fund, year=year, period=per, measure=m)
                if written != area:
                    dims["area_text"] = written
                h["cells"][(area, fund, m)] = value_cell(
                    rep, sh, r, cc, values(area, fund, m), unit=unit, decimals=decimals, fmt=fmt,
                    dims=dims, note=note)
            if ratio_col is not None:
                num, den = h["cells"][(area, fund, measures[1][0])], h["cells"][(area, fund, measures[0][0])]
                if part_value(den) and part_value(num) is not None and not isinstance(num.value, str):
                    put_ratio(r, num, den, key=(area, fund))
                else:
                    sh.put(r, ratio_col, None, border=True)
        # Cộng
        r = sh.row()
        h["cong"][fund] = r
        sh.put(r, 0, None, border=True)
        sh.put(r, 1, cong_label, bold=True, align="center", border=True)
        if note_col is not None:
            sh.put(r, note_col, None, border=True)
        t = Total(sh, f"{cong_label} {ROMAN[si]}", "row", whose=f"{region} – {fund}")
        ccells = {}
        for m, mtext, per, cc in mcols:
            parts = [h["cells"][(a, fund, m)] for a, _ in areas]
            if cong_typed:
                v = sum((part_value(p) for p in parts), Decimal(0))
                v += (cong_delta or {}).get((fund, m), 0)
                c = sh.put(r, cc, v, fmt=fmt, bold=True, border=True)
            else:
                c = sh.put(r, cc, None, fmt=fmt, bold=True, border=True, formula=("sum", parts))
            ccells[m] = c
            t.add(c, parts)
        if ratio_col is not None:
            put_ratio(r, ccells[measures[1][0]], ccells[measures[0][0]], bold=True)
        rep.totals.append(t)
        cong_cells.append(ccells)
    if grand_label:
        r = sh.row()
        h["grand_row"] = r
        sh.put(r, 0, None, border=True)
        sh.put(r, 1, grand_label, bold=True, align="center", border=True)
        if note_col is not None:
            sh.put(r, note_col, None, border=True)
        t = Total(sh, grand_label, "row", whose=grand_whose or region)
        gcells = {}
        for m, mtext, per, cc in mcols:
            parts = [cc_[m] for cc_ in cong_cells]
            if cong_typed:
                c = sh.put(r, cc, sum((part_value(p) for p in parts), Decimal(0)), fmt=fmt,
                           bold=True, border=True)
            else:
                c = sh.put(r, cc, None, fmt=fmt, bold=True, border=True, formula=("add", parts))
            gcells[m] = c
            t.add(c, parts)
        if ratio_col is not None:
            put_ratio(r, gcells[measures[1][0]], gcells[measures[0][0]], bold=True)
        rep.totals.append(t)
        h["grand"] = t
    h["last"] = last
    return h


def r_muc_nguon_tay_nguyen_2024(nn="05", ext="xlsx"):
    rep = Report(nn, "muc-nguon-tay-nguyen-2024", ext, "fund_section_rows",
                 "Tây Nguyên 2024 in tỷ đồng: 'I. Khuyến công quốc gia' and 'II. Khuyến công địa "
                 "phương' sections with their provinces and a 'Cộng' row each (formulas), "
                 "'Tổng cộng (I+II)', typed Tỷ lệ (%) with one wrong value.")
    sh = rep.sheet("Tây Nguyên", [6, 30, 14, 14, 10, 26])
    rep.data_sheets = [sh]
    unit, dcm = "tỷ đồng", 3
    fmt = fmt_for(3)
    agency_header(sh, "BỘ CÔNG THƯƠNG", "CỤC CÔNG THƯƠNG ĐỊA PHƯƠNG", 2, 5)
    sh.row()
    rep.h = {"title_row": line(sh, "TỔNG HỢP KINH PHÍ KHUYẾN CÔNG CÁC TỈNH TÂY NGUYÊN NĂM 2024", 0, 5,
                               "title (year 2024, region)", bold=True, size=14)}
    rep.h["unit_row"] = line(sh, "ĐVT: Tỷ đồng", 4, 5, "unit line", italic=True, align="right")
    money = Money(505, unit, dcm)
    values = budget_values(money, TAY_NGUYEN, None, qg=(900, 3500), dp=(2000, 9000))
    rep.h["wrong_ratio"] = {("Gia Lai", "kcdp"): Decimal("95.2")}
    notes = {("Đắk Nông", "kcqg"): "Gồm 02 đề án điểm", ("Kon Tum", "kcdp"): "Kinh phí năm 2023 chuyển sang"}
    h = section_table(rep, sh, sections=[("kcqg", "Khuyến công quốc gia"), ("kcdp", "Khuyến công địa phương")],
                      areas=[(p, p) for p in TAY_NGUYEN], year=2024,
                      measures=[("plan", "Kế hoạch", "year"), ("executed", "Thực hiện", "year")],
                      unit=unit, decimals=dcm, fmt=fmt, values=values, region="Tây Nguyên",
                      ratio="typed", notes=notes)
    rep.h.update(h)
    # the wrong ratio: what it should be
    sh.row()
    line(sh, "Ghi chú: Kinh phí thực hiện là số đã giải ngân; tỷ lệ (%) = Thực hiện/Kế hoạch.", 0, 5,
         "note below the table", align="left", italic=True)
    footer(sh, "Hà Nội, ngày 25 tháng 02 năm 2025", "NGƯỜI TỔNG HỢP", "TRƯỞNG PHÒNG",
           "Đỗ Minh Tuấn", "Vũ Thị Ngọc", 2, 5)
    rep.context = {"unit": unit, "year": 2024, "period": "year", "area": None, "region": "Tây Nguyên"}
    rep.expect_base.append({"expect": "flagged", "cell": "see ignored_columns[Tỷ lệ].wrong",
                            "why": "the typed Tỷ lệ (%) of Gia Lai's KCĐP (95,2) is not Thực hiện/Kế hoạch; "
                                   "an importer that checks ratios says so (the figures are still right)"})
    return rep


def r_muc_nguon_dbscl_6_thang_2024(nn="06", ext="ods"):
    rep = Report(nn, "muc-nguon-dbscl-6-thang-2024", ext, "fund_section_rows",
                 "Đồng bằng sông Cửu Long, 6 months of 2024, nghìn đồng with Vietnamese-locale number "
                 "formats; 'Kế hoạch năm 2024' (year) and 'Thực hiện 6 tháng' (months:6); some numbers "
                 "typed as text ('1.250.500'), '-' and empty cells, a zero; typed 'Cộng' rows, one of "
                 "them wrong (a typing slip in the original)."
                 + (" CSV (semicolon, numbers as shown with Vietnamese separators) made by LibreOffice "
                    "from the same sheet." if ext == "csv" else ""))
    if ext == "csv":
        rep.csv_sep, rep.csv_as_shown = ";", True
    sh = rep.sheet("6 thang", [6, 30, 18, 18, 28])
    rep.data_sheets = [sh]
    unit, dcm = "nghìn đồng", 0
    fmt = fmt_for(0, vi=True)
    agency_header(sh, "BỘ CÔNG THƯƠNG", "TRUNG TÂM KHUYẾN CÔNG VÀ TƯ VẤN PHÁT TRIỂN CÔNG NGHIỆP III", 2, 4)
    sh.row()
    rep.h = {"title_row": line(sh, "BÁO CÁO TÌNH HÌNH THỰC HIỆN KINH PHÍ KHUYẾN CÔNG 6 THÁNG ĐẦU NĂM 2024",
                               0, 4, "title (6 months of 2024)", bold=True, size=14)}
    line(sh, "Các tỉnh, thành phố vùng Đồng bằng sông Cửu Long", 0, 4, "subtitle: the region covered",
         italic=True)
    rep.h["unit_row"] = line(sh, "Đơn vị tính: nghìn đồng", 3, 4, "unit line", italic=True, align="right")
    money = Money(606, unit, dcm)
    base = budget_values(money, DBSCL, None, qg=(700, 3000), dp=(1500, 9000))
    special = {("Bến Tre", "kcqg", "executed"): "-", ("Hậu Giang", "kcqg", "executed"): None,
               ("Bạc Liêu", "kcqg", "executed"): 0}

    def values(a, f, m):
        if (a, f, m) in special:
            return special[(a, f, m)]
        v = base(a, f, m)
        if m == "executed":
            v = int(round(v * 0.45 / 1000)) * 1000
        if (a, f, m) in {("Long An", "kcdp", "plan"), ("Cần Thơ", "kcqg", "executed"),
                         ("Cà Mau", "kcdp", "executed")}:
            return ("text", v)
        return v
    notes = {("Hậu Giang", "kcqg"): "Chưa báo cáo", ("Bạc Liêu", "kcqg"): "Đề án chưa triển khai",
             ("Long An", "kcdp"): "Kế hoạch điều chỉnh tháng 5/2024"}
    h = section_table(rep, sh, sections=[("kcqg", "Khuyến công quốc gia"), ("kcdp", "Khuyến công địa phương")],
                      areas=[(p, "TP. Cần Thơ" if p == "Cần Thơ" else p) for p in DBSCL], year=2024,
                      measures=[("plan", "Kế hoạch năm 2024", "year"),
                                ("executed", "Thực hiện 6 tháng", "months:6")],
                      unit=unit, decimals=dcm, fmt=fmt, values=values, region="Đồng bằng sông Cửu Long",
                      notes=notes, cong_typed=True, cong_delta={("kcdp", "executed"): Decimal(10000)},
                      grand_label="Tổng cộng")
    rep.h.update(h)
    sh.row()
    line(sh, "Ghi chú: “-” là không phát sinh; ô trống là chưa có báo cáo.", 0, 4,
         "note below the table", align="left", italic=True)
    footer(sh, "TP. Hồ Chí Minh, ngày 10 tháng 7 năm 2024", "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC",
           "Trương Thị Mỹ Linh", "Lý Văn Phúc", 2, 4)
    rep.context = {"unit": unit, "year": 2024, "period": "months:6", "area": None,
                   "region": "Đồng bằng sông Cửu Long"}
    rep.expect_base.append({"expect": "flagged", "total": "Cộng II / Thực hiện 6 tháng",
                            "why": "the typed Cộng of the KCĐP execution is 10.000 nghìn đồng more than the "
                                   "sum of its rows (a slip in the source); the rows are the figures, the "
                                   "total is not stored, but the mismatch must be shown"})
    return rep


# ================================================================ layout 3: contents as rows

def content_table(rep, sh, *, area, year, sections, measures, unit, decimals, fmt, values,
                  ratio=None, notes=None, stt=True, details=None, grand_label="Tổng cộng (I+II)",
                  header_unit=None, note_col=True, content_header="Nội dung"):
    """Contents as rows under fund sections for one area.

    sections: [(fund, heading, [contents])]; values(fund, content, measure) -> dong…
    details: {(fund, content): [(label, {measure: dong})]} đề án lines under a content.
    """
    h = {"rows": {}, "cells": {}, "sec": {}}
    ci = 0
    if stt:
        col_info(sh, 0, header="STT", ignored=True, why="numbering (I, II; 1, 2…)")
        ci = 1
    name_col = ci
    col_info(sh, name_col, header=content_header, role="content",
             why="section headings (I., II.) give the fund; numbered rows the content")
    ci += 1
    mcols = []
    for m, mh, per in measures:
        mtext = mh + (f" ({header_unit})" if header_unit else "")
        col_info(sh, ci, header=mtext, role="value", measure=m, period=per, fund="from the section")
        mcols.append((m, mtext, per, ci))
        ci += 1
    ratio_col = None
    if ratio:
        ratio_col = ci
        col_info(sh, ci, header="Tỷ lệ (%)", ignored=True, why="derived ratio, not stored", check=True,
                 of=f"{measures[1][1]} / {measures[0][1]} × 100", num=sh.cols[ci - 1], den=sh.cols[ci - 2])
        ci += 1
    ncol = None
    if note_col:
        ncol = ci
        col_info(sh, ci, header="Ghi chú", role="note",
                 why="text of the row's Ghi chú: the note of the row's figures")
        ci += 1
    last = ci - 1
    hr = sh.row("table header")
    h["header_row"] = hr
    if stt:
        H(sh, hr, 0, "STT")
    H(sh, hr, name_col, content_header)
    for m, mtext, per, cc in mcols:
        H(sh, hr, cc, mtext)
    if ratio_col is not None:
        H(sh, hr, ratio_col, "Tỷ lệ (%)")
    if ncol is not None:
        H(sh, hr, ncol, "Ghi chú")

    def ratio_cell(r, num, den, bold=False):
        if ratio_col is None:
            return
        if ratio == "formula" and part_value(den):
            sh.put(r, ratio_col, None, fmt="0.0", border=True, bold=bold, formula=("ratio", num, den))
        else:
            sh.put(r, ratio_col, None, border=True)

    sec_cells = []
    for si, (fund, heading, contents) in enumerate(sections):
        sr = sh.row()
        h["sec"][fund] = sr
        if stt:
            sh.put(sr, 0, ROMAN[si], bold=True, align="center", border=True)
            sh.put(sr, name_col, heading, bold=True, border=True, wrap=True)
        else:
            sh.put(sr, name_col, f"{ROMAN[si]}. {heading}", bold=True, border=True, wrap=True)
        if ncol is not None:
            sh.put(sr, ncol, None, border=True)
        parts_by_m = {m: [] for m, *_ in measures}
        for k, content in enumerate(contents, 1):
            r = sh.row()
            h["rows"][(fund, content)] = r
            written = CONTENT_LONG.get(content, content)
            if stt:
                sh.put(r, 0, k, align="center", border=True)
                sh.put(r, name_col, written, border=True, wrap=True)
            else:
                written = f"{k}. {written}"
                sh.put(r, name_col, written, border=True, wrap=True)
            note = (notes or {}).get((fund, content))
            if ncol is not None:
                sh.put(r, ncol, note, border=True, wrap=True, size=11)
            dl = (details or {}).get((fund, content))
            detail_cells = {m: [] for m, *_ in measures}
            if dl:
                for j, (label, vals) in enumerate(dl):
                    dr = sh.row("đề án detail line: finer than the data model (no project dimension); "
                                "summed in the content row above")
                    sh.put(dr, name_col, label, italic=True, border=True, wrap=True, size=11)
                    if ncol is not None:
                        sh.put(dr, ncol, None, border=True)
                    for m, mtext, per, cc in mcols:
                        v = vals.get(m)
                        detail_cells[m].append(
                            sh.put(dr, cc, in_unit(v, unit) if v is not None else None, fmt=fmt,
                                   italic=True, border=True, size=11))
            for m, mtext, per, cc in mcols:
                dims = dict(area=area, fund=fund, content=content, year=year, period=per, measure=m,
                            content_text=written)
                v = values(fund, content, m)
                if dl:
                    c = value_cell(rep, sh, r, cc, v, unit=unit, decimals=decimals, fmt=fmt, dims=dims,
                                   note=note)
                    c.formula = ("sum", detail_cells[m])
                    t = Total(sh, f"{written} ({mtext})", "row",
                              whose=f"{area} – {fund} – this content (its đề án lines)",
                              why="a content row that sums its đề án lines: the row is the figure")
                    t.add(c, detail_cells[m])
                    rep.totals.append(t)
                else:
                    c = value_cell(rep, sh, r, cc, v, unit=unit, decimals=decimals, fmt=fmt, dims=dims,
                                   note=note)
                h["cells"][(fund, content, m)] = c
                parts_by_m[m].append(c)
            ratio_cell(r, h["cells"][(fund, content, measures[1][0])],
                       h["cells"][(fund, content, measures[0][0])])
        t = Total(sh, f"{ROMAN[si]}. {heading}", "row", whose=f"{area} – {fund}, all contents")
        scells = {}
        for m, mtext, per, cc in mcols:
            c = sh.put(sr, cc, None, fmt=fmt, bold=True, border=True, formula=("sum", parts_by_m[m]))
            t.add(c, parts_by_m[m])
            scells[m] = c
        ratio_cell(sr, scells[measures[1][0]], scells[measures[0][0]], bold=True)
        rep.totals.append(t)
        sec_cells.append(scells)
        sr.why = None
    if grand_label:
        r = sh.row()
        h["grand_row"] = r
        if stt:
            sh.put(r, 0, None, border=True)
        sh.put(r, name_col, grand_label, bold=True, align="center", border=True)
        if ncol is not None:
            sh.put(r, ncol, None, border=True)
        t = Total(sh, grand_label, "row", whose=f"{area} – all funds, all contents")
        g = {}
        for m, mtext, per, cc in mcols:
            parts = [s[m] for s in sec_cells]
            c = sh.put(r, cc, None, fmt=fmt, bold=True, border=True, formula=("add", parts))
            t.add(c, parts)
            g[m] = c
        ratio_cell(r, g[measures[1][0]], g[measures[0][0]], bold=True)
        rep.totals.append(t)
    h["last"], h["name_col"], h["mcols"] = last, name_col, mcols
    return h


def content_values(money, sections, qg=(150, 1500), dp=(100, 2500), special=None, exec_share=(0.6, 1.0)):
    table = {}
    for fund, _, contents in sections:
        for c in contents:
            rng = qg if fund == "kcqg" else dp
            plan = money.amount(*rng)
            table[(fund, c, "plan")] = plan
            table[(fund, c, "executed")] = money.share(plan, *exec_share)
    table.update(special or {})
    return lambda f, c, m: table.get((f, c, m))


def r_noi_dung_quang_nam_2024(nn="08", ext="xlsx"):
    rep = Report(nn, "noi-dung-quang-nam-2024", ext, "content_rows",
                 "One province (Quảng Nam) 2024: programme contents as numbered rows under "
                 "'I. Kinh phí khuyến công quốc gia' / 'II. Kinh phí khuyến công địa phương' "
                 "(section rows are formula sums), Tỷ lệ (%) formulas, per-row Ghi chú, area in the title.")
    sh = rep.sheet("Biểu 02", [6, 52, 13, 13, 10, 26])
    rep.data_sheets = [sh]
    unit, dcm = "triệu đồng", 1
    fmt = fmt_for(1)
    agency_header(sh, "UBND TỈNH QUẢNG NAM", "SỞ CÔNG THƯƠNG", 2, 5)
    sh.row()
    rep.h = {"title_row": line(sh, "BÁO CÁO KẾT QUẢ THỰC HIỆN KINH PHÍ KHUYẾN CÔNG NĂM 2024", 0, 5,
                               "title (year 2024)", bold=True, size=14)}
    line(sh, "TRÊN ĐỊA BÀN TỈNH QUẢNG NAM", 0, 5, "title, second line: the area (Quảng Nam)", bold=True)
    line(sh, "(Kèm theo Báo cáo số 18/BC-SCT ngày 15/01/2025 của Sở Công Thương)", 0, 5,
         "reference to the covering report", italic=True)
    rep.h["unit_row"] = line(sh, "Đơn vị tính: triệu đồng", 4, 5, "unit line", italic=True, align="right")
    sections = [("kcqg", "Kinh phí khuyến công quốc gia", [C_MOHINH, C_MAYMOC, C_HOICHO]),
                ("kcdp", "Kinh phí khuyến công địa phương",
                 [C_MAYMOC, C_DAOTAO, C_HOICHO, C_BINHCHON, C_TUVAN, C_THONGTIN, C_NANGLUC])]
    money = Money(808, unit, dcm)
    values = content_values(money, sections, qg=(400, 1500), dp=(150, 2800))
    notes = {("kcqg", C_MOHINH): "01 mô hình tại huyện Duy Xuyên",
             ("kcdp", C_MAYMOC): "14 cơ sở CNNT",
             ("kcdp", C_BINHCHON): "Bình chọn cấp tỉnh năm 2024",
             ("kcdp", C_NANGLUC): "Tập huấn, tham quan học tập kinh nghiệm"}
    h = content_table(rep, sh, area="Quảng Nam", year=2024, sections=sections,
                      measures=[("plan", "Kế hoạch", "year"), ("executed", "Thực hiện", "year")],
                      unit=unit, decimals=dcm, fmt=fmt, values=values, ratio="formula", notes=notes)
    rep.h.update(h)
    sh.row()
    line(sh, "(*) Kinh phí thực hiện là số đã giải ngân đến 31/12/2024.", 0, 5, "note below the table",
         align="left", italic=True)
    footer(sh, "Quảng Nam, ngày 15 tháng 01 năm 2025", "NGƯỜI LẬP BIỂU", "KT. GIÁM ĐỐC",
           "Nguyễn Thị Bích", "Huỳnh Văn Tài", 2, 5, right_sub="PHÓ GIÁM ĐỐC")
    rep.context = {"unit": unit, "year": 2024, "period": "year", "area": "Quảng Nam",
                   "area_from": "title, second line"}
    return rep


def r_noi_dung_kon_tum_7_thang_2024(nn="09", ext="ods"):
    rep = Report(nn, "noi-dung-kon-tum-7-thang-2024", ext, "content_rows",
                 "One province (Kon Tum, named only in the agency header and the place line), 7 months "
                 "of 2024, in đồng; no STT column: 'I.'/'1.' numbering inside the text; plan for the year, "
                 "execution for 7 months; đề án detail lines under one content (the content row is "
                 "their sum and is the figure).")
    sh = rep.sheet("Sheet1", [58, 18, 18, 26])
    rep.data_sheets = [sh]
    unit, dcm = "đồng", 0
    fmt = fmt_for(0)
    agency_header(sh, "UBND TỈNH KON TUM", "SỞ CÔNG THƯƠNG", 1, 3)
    sh.row()
    rep.h = {"title_row": line(sh, "BÁO CÁO TÌNH HÌNH THỰC HIỆN KINH PHÍ KHUYẾN CÔNG 7 THÁNG ĐẦU NĂM 2024",
                               0, 3, "title (7 months of 2024)", bold=True, size=13, wrap=True)}
    rep.h["unit_row"] = line(sh, "Đvt: đồng", 2, 3, "unit line", italic=True, align="right")
    sections = [("kcqg", "Kinh phí khuyến công quốc gia", [C_MAYMOC]),
                ("kcdp", "Kinh phí khuyến công địa phương", [C_MOHINH, C_MAYMOC, C_DAOTAO, C_TUVAN, C_THONGTIN])]
    money = Money(909, "triệu đồng", 0)
    details = {("kcdp", C_MAYMOC): [
        ("- Cơ sở chế biến gỗ Minh Phát (TP. Kon Tum): máy chà nhám, máy cưa CNC",
         {"plan": 350_000_000, "executed": 348_500_000}),
        ("- HTX Nông nghiệp Đắk Hà: dây chuyền sơ chế cà phê", {"plan": 420_000_000, "executed": 0}),
        ("- Cơ sở sản xuất bún Phương Nam (huyện Đắk Tô): máy ép bún", {"plan": 180_000_000,
                                                                          "executed": 176_250_000}),
    ]}
    special = {("kcdp", C_MAYMOC, "plan"): 950_000_000, ("kcdp", C_MAYMOC, "executed"): 524_750_000,
               ("kcdp", C_TUVAN, "executed"): 0}
    values = content_values(money, sections, qg=(600, 1200), dp=(120, 900), special=special,
                            exec_share=(0.3, 0.7))
    notes = {("kcqg", C_MAYMOC): "Đề án KCQG: Công ty TNHH Tây Nguyên Food",
             ("kcdp", C_TUVAN): "Chưa thực hiện"}
    h = content_table(rep, sh, area="Kon Tum", year=2024, sections=sections,
                      measures=[("plan", "Kế hoạch năm 2024", "year"),
                                ("executed", "Thực hiện 7 tháng", "months:7")],
                      unit=unit, decimals=dcm, fmt=fmt, values=values, notes=notes, stt=False,
                      details=details)
    rep.h.update(h)
    sh.row()
    footer(sh, "Kon Tum, ngày 05 tháng 8 năm 2024", "NGƯỜI LẬP", "GIÁM ĐỐC", "A Thị Hương",
           "Y Đôn", 1, 3)
    rep.context = {"unit": unit, "year": 2024, "period": "months:7", "area": "Kon Tum",
                   "area_from": "agency header 'UBND TỈNH KON TUM' (and the place line)"}
    return rep


# ================================================================ layout 4: one sheet per province / per year

def content_dims(area):
    def row_dims(key, written):
        d = {"area": area, "content": key}
        if written != key:
            d["content_text"] = written
        return d
    return row_dims


def r_trang_theo_tinh_2024(nn="10", ext="xlsx"):
    rep = Report(nn, "trang-theo-tinh-2024", ext, "sheet_per_province",
                 "One sheet per province (sheet names 'Quảng Nam', 'Quảng Ngãi', 'Kon Tum'; the area is "
                 "only the sheet name), contents as rows and KCQG/KCĐP as column groups (Kế hoạch | "
                 "Thực hiện), empty cells where a fund has no such content; a first sheet of instructions.")
    guide = rep.sheet("Hướng dẫn", [90])
    rep.ignored_sheets.append((guide, "instructions, no table"))
    for t in ["HƯỚNG DẪN ĐIỀN BIỂU MẪU", "1. Mỗi tỉnh điền số liệu vào một trang (tên trang là tên tỉnh).",
              "2. Đơn vị tính: triệu đồng, làm tròn đến một chữ số thập phân.",
              "3. Nội dung không có kinh phí thì để trống.", "4. Hạn gửi: trước ngày 20/01/2025."]:
        guide.put(guide.row("instructions sheet"), 0, t, bold=t.startswith("HƯỚNG"))
    unit, dcm = "triệu đồng", 1
    fmt = fmt_for(1)
    contents = [C_MOHINH, C_MAYMOC, C_DAOTAO, C_HOICHO, C_BINHCHON, C_TUVAN, C_THONGTIN]
    qg_has = {"Quảng Nam": {C_MOHINH, C_MAYMOC, C_HOICHO}, "Quảng Ngãi": {C_MAYMOC, C_BINHCHON},
              "Kon Tum": {C_MAYMOC}}
    rep.h = {"sheets": {}}
    for i, prov in enumerate(["Quảng Nam", "Quảng Ngãi", "Kon Tum"]):
        sh = rep.sheet(prov, [6, 44, 13, 13, 13, 13])
        rep.data_sheets.append(sh)
        title = line(sh, "KINH PHÍ KHUYẾN CÔNG NĂM 2024", 0, 5, "title (year 2024; the area is the sheet name)",
                     bold=True, size=13)
        unit_row = line(sh, "Đơn vị tính: triệu đồng", 4, 5, "unit line", italic=True, align="right")
        money = Money(1000 + i, unit, dcm)
        table = {}
        for c in contents:
            for f in ("kcqg", "kcdp"):
                if f == "kcqg" and c not in qg_has[prov]:
                    continue
                plan = money.amount(200, 1400) if f == "kcqg" else money.amount(80, 1800)
                table[(c, f, "plan")] = plan
                table[(c, f, "executed")] = money.share(plan)
        h = fund_groups_table(rep, sh, areas=[(c, CONTENT_SHORT[c]) for c in contents], year=2024,
                              funds=FUNDS, measures=[("plan", "Kế hoạch", "year"), ("executed", "Thực hiện", "year")],
                              unit=unit, decimals=dcm, fmt=fmt, values=lambda c, f, m: table.get((c, f, m)),
                              area_header="Nội dung", row_dims=content_dims(prov), area_role="content",
                              whose=f"{prov} – all contents")
        for n in rep.no_value:
            if n["sheet"] is sh:
                n["why"] = "empty cell: the fund has no such content (no value)"
        h["title_row"], h["unit_row"] = title, unit_row
        rep.h["sheets"][prov] = h
    rep.context = {"unit": unit, "year": 2024, "period": "year", "area": "the sheet's name"}
    return rep


def r_trang_theo_tinh_2026(nn="11", ext="ods"):
    rep = Report(nn, "trang-theo-tinh-2026", ext, "sheet_per_province",
                 "2026 plans of three provinces after the merger, one sheet each ('Gia Lai', 'Đắk Lắk', "
                 "'Khánh Hòa'): the fund is a column ('Nguồn kinh phí': KCQG / KCĐP), one value column "
                 "'Kế hoạch năm 2026 (đồng)', a Tổng cộng row.")
    unit = "đồng"
    fmt = fmt_for(0)
    rep.h = {"sheets": {}}
    plans = {"Gia Lai": [(C_MOHINH, "kcqg"), (C_MAYMOC, "kcqg"), (C_MAYMOC, "kcdp"), (C_DAOTAO, "kcdp"),
                         (C_HOICHO, "kcdp"), (C_THONGTIN, "kcdp")],
             "Đắk Lắk": [(C_MAYMOC, "kcqg"), (C_MAYMOC, "kcdp"), (C_BINHCHON, "kcdp"), (C_TUVAN, "kcdp"),
                         (C_MOITRUONG, "kcdp")],
             "Khánh Hòa": [(C_MOHINH, "kcqg"), (C_MAYMOC, "kcdp"), (C_HOICHO, "kcdp"), (C_TRUNGBAY, "kcdp"),
                           (C_NANGLUC, "kcdp")]}
    fund_text = {"kcqg": "KCQG", "kcdp": "KCĐP"}
    for i, (prov, items) in enumerate(plans.items()):
        sh = rep.sheet(prov, [6, 50, 14, 20, 24])
        rep.data_sheets.append(sh)
        money = Money(1100 + i, "triệu đồng", 0)
        title = line(sh, f"KẾ HOẠCH KINH PHÍ KHUYẾN CÔNG NĂM 2026 - {written_name(prov, 'full').upper()}",
                     0, 4, "title (plan for 2026, the area)", bold=True, size=13)
        hr = sh.row("table header")
        for ci, t in enumerate(["STT", "Nội dung", "Nguồn kinh phí", "Kế hoạch năm 2026 (đồng)", "Ghi chú"]):
            H(sh, hr, ci, t)
        col_info(sh, 0, header="STT", ignored=True, why="row number")
        col_info(sh, 1, header="Nội dung", role="content")
        col_info(sh, 2, header="Nguồn kinh phí", role="fund", why="KCQG = kcqg, KCĐP = kcdp")
        col_info(sh, 3, header="Kế hoạch năm 2026 (đồng)", role="value", measure="plan", period="year")
        col_info(sh, 4, header="Ghi chú", role="note", why="the note of the row's figure")
        parts = []
        for k, (c, f) in enumerate(items, 1):
            r = sh.row()
            sh.put(r, 0, k, align="center", border=True)
            sh.put(r, 1, CONTENT_LONG[c], border=True, wrap=True)
            sh.put(r, 2, fund_text[f], align="center", border=True)
            note = "Đề án khuyến công quốc gia do Bộ Công Thương giao" if f == "kcqg" and k == 1 else None
            sh.put(r, 4, note, border=True, wrap=True, size=11)
            v = money.amount(150, 2500) if f == "kcdp" else money.amount(500, 2000)
            parts.append(value_cell(rep, sh, r, 3, v, unit=unit, decimals=0, fmt=fmt, note=note,
                                    dims=dict(area=prov, fund=f, content=c, year=2026, period="year",
                                              measure="plan", content_text=CONTENT_LONG[c])))
        r = sh.row()
        for ci in (0, 2, 4):
            sh.put(r, ci, None, border=True)
        sh.put(r, 1, "Tổng cộng", bold=True, align="center", border=True)
        t = Total(sh, "Tổng cộng", "row", whose=f"{prov} – all funds, all contents")
        t.add(sh.put(r, 3, None, fmt=fmt, bold=True, border=True, formula=("sum", parts)), parts)
        rep.totals.append(t)
        rep.h["sheets"][prov] = {"title_row": title, "header_row": hr, "total_row": r}
    rep.context = {"unit": unit, "year": 2026, "period": "year", "area": "the sheet's name (and the title)",
                   "unit_where": "in the value column's header"}
    return rep


def r_trang_theo_nam(nn="12", ext="xlsx"):
    rep = Report(nn, "trang-theo-nam", ext, "sheet_per_year",
                 "One sheet per year ('2023' without a title: the year is only the sheet name; "
                 "'Năm 2024' with a title), the six Bắc Trung Bộ provinces with KCQG/KCĐP column groups.")
    unit, dcm = "triệu đồng", 1
    fmt = fmt_for(1)
    rep.h = {"sheets": {}}
    for i, (name, year) in enumerate([("2023", 2023), ("Năm 2024", 2024)]):
        sh = rep.sheet(name, [6, 22, 13, 13, 13, 13])
        rep.data_sheets.append(sh)
        title = None
        if year == 2024:
            title = line(sh, "KINH PHÍ KHUYẾN CÔNG CÁC TỈNH BẮC TRUNG BỘ NĂM 2024", 0, 5,
                         "title (year 2024)", bold=True, size=13)
        unit_row = line(sh, "Đơn vị tính: triệu đồng", 4, 5, "unit line", italic=True, align="right")
        money = Money(1200 + i, unit, dcm)
        values = budget_values(money, BAC_TRUNG_BO, None)
        h = fund_groups_table(rep, sh, areas=[(p, p) for p in BAC_TRUNG_BO], year=year, funds=FUNDS,
                              measures=[("plan", "Kế hoạch", "year"), ("executed", "Thực hiện", "year")],
                              unit=unit, decimals=dcm, fmt=fmt, values=values, whose="Bắc Trung Bộ",
                              total_label="Cộng")
        h["title_row"], h["unit_row"] = title, unit_row
        rep.h["sheets"][name] = h
    rep.context = {"unit": unit, "year": "the sheet's name (2023, Năm 2024)", "period": "year",
                   "area": None, "region": "Bắc Trung Bộ"}
    return rep


def r_trang_theo_nam_lam_dong(nn="13", ext="ods"):
    rep = Report(nn, "trang-theo-nam-lam-dong", ext, "sheet_per_year",
                 "Lâm Đồng (before the merger), one sheet per year ('2022', 'Năm 2023', 'Năm 2024'), "
                 "contents as rows, KCQG / KCĐP / Tổng cộng as columns with one measure (Thực hiện).")
    unit, dcm = "triệu đồng", 1
    fmt = fmt_for(1)
    rep.h = {"sheets": {}}
    contents = [C_MOHINH, C_MAYMOC, C_DAOTAO, C_HOICHO, C_BINHCHON, C_THONGTIN]
    for i, (name, year) in enumerate([("2022", 2022), ("Năm 2023", 2023), ("Năm 2024", 2024)]):
        sh = rep.sheet(name, [6, 44, 14, 14, 14])
        rep.data_sheets.append(sh)
        t = "KẾT QUẢ THỰC HIỆN KINH PHÍ KHUYẾN CÔNG TỈNH LÂM ĐỒNG" + (f" NĂM {year}" if year != 2022 else "")
        title = line(sh, t, 0, 4, "title (the area; the year except on sheet '2022')", bold=True, size=13)
        unit_row = line(sh, "ĐVT: triệu đồng", 3, 4, "unit line", italic=True, align="right")
        money = Money(1300 + i, unit, dcm)
        table = {}
        for c in contents:
            table[(c, "kcdp", "executed")] = money.amount(100, 1600)
            if c in (C_MOHINH, C_MAYMOC):
                table[(c, "kcqg", "executed")] = money.amount(300, 1500)
            else:
                table[(c, "kcqg", "executed")] = "-"
        h = fund_groups_table(rep, sh, areas=[(c, CONTENT_LONG[c]) for c in contents], year=year,
                              funds=FUNDS, measures=[("executed", "Thực hiện", "year")], unit=unit,
                              decimals=dcm, fmt=fmt, values=lambda c, f, m: table.get((c, f, m)),
                              fund_total="Tổng cộng", area_header="Nội dung",
                              row_dims=content_dims("Lâm Đồng"), area_role="content",
                              whose="Lâm Đồng – all contents")
        h["title_row"], h["unit_row"] = title, unit_row
        rep.h["sheets"][name] = h
    rep.context = {"unit": unit, "year": "the sheet's name", "period": "year", "area": "Lâm Đồng",
                   "area_from": "title", "measure": "executed"}
    return rep


# ================================================================ layout 5: the long layout

LONG_HEADERS = ["Chỉ tiêu", "Địa bàn", "Nguồn kinh phí", "Nội dung", "Năm", "Kỳ", "Loại số liệu",
                "Giá trị", "Đơn vị"]
FUND_TEXT = {"all": "Tất cả nguồn", "kcqg": "Khuyến công quốc gia", "kcdp": "Khuyến công địa phương"}
MEASURE_TEXT = {"plan": "Kế hoạch", "executed": "Thực hiện", "estimate": "Ước thực hiện"}


def period_text(period, year):
    if period == "year":
        return f"Năm {year}"
    kind, _, arg = period.partition(":")
    if kind == "months":
        return f"{arg} tháng đầu năm {year}"
    y, m, d = arg.split("-")
    return f"Đến {d}/{m}/{y}"


def long_table(rep, sh, rows, *, note_col=False):
    """rows: dicts area, fund, content, year, period, measure, dong, unit[, note]."""
    headers = LONG_HEADERS + (["Ghi chú"] if note_col else [])
    hr = sh.row("table header")
    for ci, t in enumerate(headers):
        sh.put(hr, ci, t, bold=True)
    roles = ["indicator", "area", "fund", "content", "year", "period", "measure", "value", "unit", "note"]
    for ci, t in enumerate(headers):
        col_info(sh, ci, header=t, role=roles[ci])
    h = {"header_row": hr, "rows": []}
    for d in rows:
        r = sh.row()
        h["rows"].append(r)
        sh.put(r, 0, "Kinh phí khuyến công")
        sh.put(r, 1, d.get("area_text", d["area"]))
        sh.put(r, 2, FUND_TEXT[d["fund"]])
        sh.put(r, 3, "Tất cả nội dung" if d["content"] == "all" else d["content"])
        sh.put(r, 4, d["year"])
        sh.put(r, 5, period_text(d["period"], d["year"]))
        sh.put(r, 6, MEASURE_TEXT[d["measure"]])
        unit = d["unit"]
        sh.put(r, 8, unit)
        if note_col:
            sh.put(r, 9, d.get("note"))
        dims = {k: d[k] for k in ("area", "fund", "content", "year", "period", "measure")}
        if d.get("area_text"):
            dims["area_text"] = d["area_text"]
        if unit != rep.context.get("unit"):
            dims["unit"] = unit
        value_cell(rep, sh, r, 7, d["dong"], unit=unit, decimals=d.get("decimals", 0),
                   fmt=fmt_for(d.get("decimals", 0)), dims=dims, note=d.get("note"))
        for ci in range(len(headers)):
            c = sh.get(r, sh.cols[ci])
            if c is not None:
                c.border = False
    return h


def long_rows_2024():
    money = Money(1400, "đồng", 0)
    rows = []
    for area in ("Quảng Nam", "Kon Tum", "Bình Định"):
        for fund in ("kcqg", "kcdp"):
            plan = money.amount(800, 4000) if fund == "kcqg" else money.amount(2000, 12000)
            rows.append(dict(area=area, fund=fund, content="all", year=2024, period="year", measure="plan",
                             dong=plan, unit="đồng"))
            rows.append(dict(area=area, fund=fund, content="all", year=2024, period="year",
                             measure="executed", dong=money.share(plan), unit="đồng"))
            rows.append(dict(area=area, fund=fund, content="all", year=2024, period="months:7",
                             measure="executed", dong=money.share(plan, 0.3, 0.6), unit="đồng"))
    for area in ("Quảng Nam", "Kon Tum"):
        rows.append(dict(area=area, fund="kcdp", content="all", year=2024, period="to_date:2024-09-30",
                         measure="executed", dong=money.amount(1500, 6000), unit="đồng"))
    for c in (C_MOHINH, C_MAYMOC, C_DAOTAO, C_HOICHO, C_BINHCHON):
        p = money.amount(100, 1500)
        rows.append(dict(area="Quảng Nam", fund="kcdp", content=c, year=2024, period="year",
                         measure="plan", dong=p, unit="đồng"))
        rows.append(dict(area="Quảng Nam", fund="kcdp", content=c, year=2024, period="year",
                         measure="executed", dong=money.share(p), unit="đồng"))
    for area in ("Gia Lai", "Lâm Đồng"):
        rows.append(dict(area=area, fund="all", content="all", year=2024, period="year",
                         measure="estimate", dong=money.amount(3000, 15000), unit="đồng"))
    rows.append(dict(area="Đắk Nông", fund="kcqg", content="all", year=2024, period="year",
                     measure="executed", dong=0, unit="đồng"))
    return rows


def r_dai_xuat_cong(nn, ext, which):
    rep = Report(nn, {"xlsx": "dai-xuat-cong", "ods": "dai-xuat-cong-2025", "csv": "dai-xuat-cong-2023"}[ext],
                 ext, "long", "")
    sh = rep.sheet("So lieu", [22, 18, 24, 44, 7, 22, 14, 18, 12] + ([30] if which == "2025" else []))
    rep.data_sheets = [sh]
    if which == "2024":
        rep.description = ("The portal's long layout (one figure per row), no title; 2024 figures of "
                           "Quảng Nam, Kon Tum, Bình Định… with year, 7-month and to-date periods, "
                           "all-fund estimates, a zero, contents; values in đồng with thousands format.")
        rep.context = {"unit": "đồng", "year": "per row (Năm)", "period": "per row (Kỳ)", "area": None}
        rows = long_rows_2024()
    elif which == "2025":
        rep.description = ("Long layout with a Ghi chú column, figures of 2025 for provinces after the "
                           "merger (9 months, estimates) and of early 2025 before it, mixed units per row "
                           "('triệu đồng' and 'đồng' in the Đơn vị column).")
        rep.context = {"unit": "per row (Đơn vị)", "year": "per row (Năm)", "period": "per row (Kỳ)",
                       "area": None}
        money = Money(1500, "triệu đồng", 1)
        rows = []
        for area in ("Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Hồ Chí Minh"):
            text = {"Huế": "Thành phố Huế", "Hồ Chí Minh": "TP. Hồ Chí Minh", "Đà Nẵng": "TP. Đà Nẵng"}.get(area)
            for fund in ("kcqg", "kcdp"):
                plan = money.amount(1000, 5000) if fund == "kcqg" else money.amount(3000, 25000)
                base = dict(area=area, fund=fund, content="all", year=2025, unit="triệu đồng", decimals=1)
                if text:
                    base["area_text"] = text
                rows.append(dict(base, period="year", measure="plan", dong=plan))
                rows.append(dict(base, period="months:9", measure="executed", dong=money.share(plan, 0.5, 0.8)))
                rows.append(dict(base, period="year", measure="estimate", dong=money.share(plan, 0.9, 1.0),
                                 note="Ước đến 31/12/2025" if fund == "kcdp" else None))
        # early 2025, before the merger: Kon Tum's first half, in đồng
        rows.append(dict(area="Kon Tum", fund="kcdp", content="all", year=2025, period="months:6",
                         measure="executed", dong=1_234_567_000, unit="đồng",
                         note="Tỉnh Kon Tum (cũ), trước hợp nhất"))
        rows.append(dict(area="Bình Định", fund="kcdp", content=C_MAYMOC, year=2025, period="months:6",
                         measure="executed", dong=845_250_000, unit="đồng",
                         note="Tỉnh Bình Định (cũ), trước hợp nhất"))
    else:
        rep.description = ("Long layout as the portal exports it to CSV (UTF-8 with BOM, comma, raw values): "
                           "2023 figures of provinces before the merger, contents with commas in their names.")
        rep.context = {"unit": "đồng", "year": "per row (Năm)", "period": "per row (Kỳ)", "area": None}
        rep.csv_bom = True
        money = Money(1600, "đồng", 0)
        rows = []
        for area in ("Thừa Thiên Huế", "Quảng Trị", "Hà Giang", "Bắc Kạn"):
            for fund in ("kcqg", "kcdp"):
                plan = money.amount(700, 3500) if fund == "kcqg" else money.amount(1500, 9000)
                rows.append(dict(area=area, fund=fund, content="all", year=2023, period="year",
                                 measure="plan", dong=plan, unit="đồng"))
                rows.append(dict(area=area, fund=fund, content="all", year=2023, period="year",
                                 measure="executed", dong=money.share(plan), unit="đồng"))
        for c in (C_MAYMOC, C_DAOTAO, C_TUVAN):
            rows.append(dict(area="Quảng Trị", fund="kcdp", content=c, year=2023, period="year",
                             measure="executed", dong=money.amount(100, 900), unit="đồng"))
    rep.h = long_table(rep, sh, rows, note_col=(which == "2025"))
    return rep


# ================================================================ layout 6: context outside the table

def r_ngu_canh_quy_1_2024(nn="17", ext="xlsx"):
    rep = Report(nn, "ngu-canh-quy-1-2024", ext, "context",
                 "Nghệ An, QUÝ I/2024 (first 3 months): the unit is a column ('Đơn vị tính') and differs "
                 "per row (triệu đồng for money, 'đề án' for a count), plan for the year and execution "
                 "for the quarter, agency header, area in the title.")
    sh = rep.sheet("Quý I", [6, 40, 12, 15, 15, 24])
    rep.data_sheets = [sh]
    agency_header(sh, "UBND TỈNH NGHỆ AN", "SỞ CÔNG THƯƠNG", 2, 5)
    sh.row()
    rep.h = {"title_row": line(sh, "BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH KHUYẾN CÔNG QUÝ I/2024", 0, 5,
                               "title (quarter I of 2024 = first 3 months)", bold=True, size=13)}
    line(sh, "TỈNH NGHỆ AN", 0, 5, "title, second line: the area (Nghệ An)", bold=True)
    hr = sh.row("table header")
    heads = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Thực hiện Quý I/2024", "Ghi chú"]
    for ci, t in enumerate(heads):
        H(sh, hr, ci, t)
    rep.h["header_row"] = hr
    col_info(sh, 0, header="STT", ignored=True, why="row number")
    col_info(sh, 1, header="Chỉ tiêu", role="fund / indicator",
             why="'Kinh phí khuyến công quốc gia' = kcqg, '… địa phương' = kcdp, 'Số đề án' a count")
    col_info(sh, 2, header="Đơn vị tính", role="unit")
    col_info(sh, 3, header="Kế hoạch năm 2024", role="value", measure="plan", period="year")
    col_info(sh, 4, header="Thực hiện Quý I/2024", role="value", measure="executed", period="months:3")
    col_info(sh, 5, header="Ghi chú", role="note")
    fmt = fmt_for(1)
    data = [("kcqg", "Kinh phí khuyến công quốc gia", 2_650_000_000, 412_500_000, None),
            ("kcdp", "Kinh phí khuyến công địa phương", 8_500_000_000, 1_273_400_000,
             "Đã giao dự toán tại Quyết định số 4320/QĐ-UBND")]
    cells = {}
    rows = []
    for k, (fund, label, plan, ex, note) in enumerate(data, 1):
        r = sh.row()
        rows.append(r)
        sh.put(r, 0, k, align="center", border=True)
        sh.put(r, 1, label, border=True)
        sh.put(r, 2, "triệu đồng", align="center", border=True)
        sh.put(r, 5, note, border=True, wrap=True, size=11)
        for ci, m, per, v in ((3, "plan", "year", plan), (4, "executed", "months:3", ex)):
            cells[(fund, m)] = value_cell(rep, sh, r, ci, v, unit="triệu đồng", decimals=1, fmt=fmt,
                                          dims=dict(area="Nghệ An", fund=fund, year=2024, period=per,
                                                    measure=m, unit="triệu đồng"), note=note)
    rep.h["cells"] = cells
    r = sh.row()
    rep.h["total_row"] = r
    sh.put(r, 0, None, border=True)
    sh.put(r, 1, "Tổng kinh phí (1+2)", bold=True, border=True)
    sh.put(r, 2, "triệu đồng", align="center", border=True)
    sh.put(r, 5, None, border=True)
    t = Total(sh, "Tổng kinh phí (1+2)", "row", whose="Nghệ An – all funds")
    for ci, m in ((3, "plan"), (4, "executed")):
        parts = [cells[("kcqg", m)], cells[("kcdp", m)]]
        t.add(sh.put(r, ci, None, fmt=fmt, bold=True, border=True, formula=("add", parts)), parts)
    rep.totals.append(t)
    r = sh.row()
    rep.h["count_row"] = r
    sh.put(r, 0, 3, align="center", border=True)
    sh.put(r, 1, "Số đề án khuyến công được hỗ trợ", border=True)
    sh.put(r, 2, "đề án", align="center", border=True)
    sh.put(r, 5, "Gồm cả đề án KCQG và KCĐP", border=True, size=11)
    for ci, m, per, v in ((3, "plan", "year", 24), (4, "executed", "months:3", 5)):
        c = sh.put(r, ci, v, fmt="#,##0", border=True)
        rep.figures.append(dict(sheet=sh, cell=c, area="Nghệ An", fund="all", content="all", year=2024,
                                period=per, measure=m, value=v, note="Gồm cả đề án KCQG và KCĐP",
                                indicator_override="so-de-an-khuyen-cong", unit="đề án"))
    sh.row()
    line(sh, "Ghi chú: Quý I/2024 tính từ ngày 01/01/2024 đến ngày 31/3/2024.", 0, 5,
         "note below the table", align="left", italic=True)
    footer(sh, "Nghệ An, ngày 05 tháng 4 năm 2024", "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC", "Hồ Thị Thanh",
           "Nguyễn Văn Lợi", 2, 5)
    rep.context = {"unit": "per row (Đơn vị tính column)", "year": 2024, "period": "quarter:1",
                   "period_as_stored": "months:3", "area": "Nghệ An", "area_from": "title, second line"}
    return rep


def r_ngu_canh_den_ngay_2024(nn="18", ext="ods"):
    rep = Report(nn, "ngu-canh-den-ngay-2024", ext, "context",
                 "Thừa Thiên Huế, disbursement up to 15/10/2024 (a to-date period) in tỷ đồng, the area "
                 "and the date in the title, contents as rows with KCQG/KCĐP column groups "
                 "('Kế hoạch giao' | 'Giải ngân đến 15/10/2024').")
    sh = rep.sheet("Giai ngan", [6, 46, 13, 13, 13, 13])
    rep.data_sheets = [sh]
    agency_header(sh, "UBND TỈNH THỪA THIÊN HUẾ", "SỞ CÔNG THƯƠNG", 2, 5)
    sh.row()
    rep.h = {"title_row": line(sh, "TÌNH HÌNH GIẢI NGÂN KINH PHÍ KHUYẾN CÔNG TỈNH THỪA THIÊN HUẾ "
                                   "ĐẾN NGÀY 15/10/2024", 0, 5, "title (the area; to 15/10/2024)",
                               bold=True, size=13, wrap=True)}
    rep.h["unit_row"] = line(sh, "ĐVT: Tỷ đồng", 4, 5, "unit line", italic=True, align="right")
    unit, dcm = "tỷ đồng", 3
    fmt = fmt_for(3)
    contents = [C_MOHINH, C_MAYMOC, C_DAOTAO, C_HOICHO, C_THONGTIN]
    money = Money(1800, unit, dcm)
    table = {}
    for c in contents:
        for f in ("kcqg", "kcdp"):
            if f == "kcqg" and c not in (C_MOHINH, C_MAYMOC):
                continue
            p = money.amount(150, 1800)
            table[(c, f, "plan")] = p
            table[(c, f, "executed")] = money.share(p, 0.4, 0.85)
    h = fund_groups_table(rep, sh, areas=[(c, CONTENT_SHORT[c]) for c in contents], year=2024, funds=FUNDS,
                          measures=[("plan", "Kế hoạch giao", "year"),
                                    ("executed", "Giải ngân đến 15/10/2024", "to_date:2024-10-15")],
                          unit=unit, decimals=dcm, fmt=fmt, values=lambda c, f, m: table.get((c, f, m)),
                          area_header="Nội dung", row_dims=content_dims("Thừa Thiên Huế"),
                          area_role="content", whose="Thừa Thiên Huế – all contents")
    rep.h.update(h)
    sh.row()
    line(sh, "Ghi chú: ô để trống là nội dung không bố trí kinh phí từ nguồn tương ứng.", 0, 5,
         "note below the table", align="left", italic=True)
    footer(sh, "Thừa Thiên Huế, ngày 16 tháng 10 năm 2024", "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC",
           "Tôn Nữ Thu Trang", "Lê Quang Hải", 2, 5)
    rep.context = {"unit": unit, "year": 2024, "period": "to_date:2024-10-15", "area": "Thừa Thiên Huế",
                   "area_from": "title"}
    return rep


def r_ngu_canh_9_thang_2025(nn="19", ext="xlsx"):
    rep = Report(nn, "ngu-canh-9-thang-2025", ext, "context",
                 "Quảng Ngãi after the merger (with the former Kon Tum), 9 months of 2025; the unit is in "
                 "the headers ('Kế hoạch năm 2025 (triệu đồng)'), the area in the agency header and title, "
                 "a note that the figures include former Kon Tum's first half.")
    sh = rep.sheet("Sheet1", [6, 36, 18, 18, 10])
    rep.data_sheets = [sh]
    agency_header(sh, "UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG", 2, 4)
    sh.row()
    rep.h = {"title_row": line(sh, "BÁO CÁO KẾT QUẢ THỰC HIỆN KINH PHÍ KHUYẾN CÔNG 9 THÁNG ĐẦU NĂM 2025",
                               0, 4, "title (9 months of 2025)", bold=True, size=13, wrap=True)}
    line(sh, "TỈNH QUẢNG NGÃI", 0, 4, "title, second line: the area (Quảng Ngãi after the merger)", bold=True)
    hr = sh.row("table header")
    heads = ["STT", "Nguồn kinh phí", "Kế hoạch năm 2025 (triệu đồng)",
             "Thực hiện 9 tháng đầu năm (triệu đồng)", "Tỷ lệ (%)"]
    for ci, t in enumerate(heads):
        H(sh, hr, ci, t)
    rep.h["header_row"] = hr
    col_info(sh, 0, header="STT", ignored=True, why="row number")
    col_info(sh, 1, header="Nguồn kinh phí", role="fund")
    col_info(sh, 2, header=heads[2], role="value", measure="plan", period="year")
    col_info(sh, 3, header=heads[3], role="value", measure="executed", period="months:9")
    col_info(sh, 4, header="Tỷ lệ (%)", ignored=True, why="derived ratio, not stored", check=True,
             of="Thực hiện / Kế hoạch × 100", num=sh.cols[3], den=sh.cols[2])
    fmt = fmt_for(1)
    cells = {}
    for k, (fund, label, plan, ex) in enumerate([
            ("kcqg", "Khuyến công quốc gia", 4_120_000_000, 2_987_500_000),
            ("kcdp", "Khuyến công địa phương", 15_800_000_000, 10_455_300_000)], 1):
        r = sh.row()
        sh.put(r, 0, k, align="center", border=True)
        sh.put(r, 1, label, border=True)
        why = ("period_end 30/09/2025 is after the merger (01/07/2025): the Quảng Ngãi of today, "
               "not the former province")
        for ci, m, per, v in ((2, "plan", "year", plan), (3, "executed", "months:9", ex)):
            cells[(fund, m)] = value_cell(rep, sh, r, ci, v, unit="triệu đồng", decimals=1, fmt=fmt,
                                          dims=dict(area="Quảng Ngãi", fund=fund, year=2025, period=per,
                                                    measure=m, area_why=why))
        sh.put(r, 4, None, fmt="0.0", border=True, formula=("ratio", cells[(fund, "executed")],
                                                             cells[(fund, "plan")]))
    r = sh.row()
    rep.h["total_row"] = r
    sh.put(r, 0, None, border=True)
    sh.put(r, 1, "Tổng cộng", bold=True, align="center", border=True)
    t = Total(sh, "Tổng cộng", "row", whose="Quảng Ngãi – all funds")
    tc = {}
    for ci, m in ((2, "plan"), (3, "executed")):
        parts = [cells[("kcqg", m)], cells[("kcdp", m)]]
        tc[m] = sh.put(r, ci, None, fmt=fmt, bold=True, border=True, formula=("sum", parts))
        t.add(tc[m], parts)
    sh.put(r, 4, None, fmt="0.0", bold=True, border=True, formula=("ratio", tc["executed"], tc["plan"]))
    rep.totals.append(t)
    sh.row()
    line(sh, "Ghi chú: Số liệu của tỉnh Quảng Ngãi sau hợp nhất với tỉnh Kon Tum từ ngày 01/7/2025, "
             "bao gồm số liệu 6 tháng đầu năm của tỉnh Kon Tum (cũ).", 0, 4, "note below the table",
         align="left", italic=True, wrap=True)
    footer(sh, "Quảng Ngãi, ngày 08 tháng 10 năm 2025", "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC",
           "Phạm Thị Kim Yến", "Trương Minh Nhật", 2, 4)
    rep.context = {"unit": "triệu đồng", "unit_where": "in the headers", "year": 2025,
                   "period": "months:9", "area": "Quảng Ngãi",
                   "area_from": "agency header and title; after the merger"}
    return rep


# ================================================================ layout 7: rows that are not data

def r_dong_phu_2024(nn="20", ext="ods"):
    rep = Report(nn, "dong-phu-2024", ext, "non_data_rows",
                 "KCĐP 2024 of nine provinces grouped by region (A., B., C. headings, 'Cộng' subtotals, "
                 "'Tổng số'), the fund only in the title, the unit in the headers, empty spacer rows "
                 "inside the table, a 'Trong đó' row with numbers that is not a figure, a row marked (*) "
                 "as an estimate, notes, place-and-date line and signatures.")
    sh = rep.sheet("KCDP 2024", [6, 34, 16, 16, 30])
    rep.data_sheets = [sh]
    agency_header(sh, "BỘ CÔNG THƯƠNG", "CỤC CÔNG THƯƠNG ĐỊA PHƯƠNG", 2, 4)
    sh.row()
    rep.h = {"title_row": line(sh, "TỔNG HỢP KINH PHÍ KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2024", 0, 4,
                               "title (year 2024; the fund: khuyến công địa phương)", bold=True, size=13)}
    line(sh, "(Số liệu do Sở Công Thương các tỉnh báo cáo)", 0, 4, "subtitle", italic=True)
    sh.row()
    hr = sh.row("table header")
    heads = ["STT", "Tỉnh, thành phố", "Kế hoạch (triệu đồng)", "Thực hiện (triệu đồng)", "Ghi chú"]
    for ci, t in enumerate(heads):
        H(sh, hr, ci, t)
    rep.h["header_row"] = hr
    col_info(sh, 0, header="STT", ignored=True, why="A, B, C for groups; 1, 2… for rows")
    col_info(sh, 1, header="Tỉnh, thành phố", role="area")
    col_info(sh, 2, header=heads[2], role="value", measure="plan", period="year", fund="kcdp (title)")
    col_info(sh, 3, header=heads[3], role="value", measure="executed", period="year", fund="kcdp (title)",
             why="a row marked (*) holds an estimate (see the note)")
    col_info(sh, 4, header="Ghi chú", role="note")
    unit = "triệu đồng"
    fmt = fmt_for(1)
    money = Money(2000, unit, 1)
    groups = [("A", "Vùng Đồng bằng sông Hồng", ["Bắc Ninh", "Hải Dương", "Hưng Yên"]),
              ("B", "Vùng Duyên hải miền Trung", ["Quảng Nam", "Bình Định", "Phú Yên"]),
              ("C", "Vùng Đông Nam Bộ", ["Đồng Nai", "Bình Dương", "Bà Rịa - Vũng Tàu"])]
    notes = {"Hưng Yên": "Bổ sung kinh phí đợt 2 tháng 9/2024", "Bình Dương": "(*) Số liệu ước"}
    cong_cells = []
    rep.h["rows"] = {}
    for gi, (letter, gname, provs) in enumerate(groups):
        if gi:
            sh.row()  # spacer inside the table
        gr = sh.row(f"group heading ({gname}): not an area of the data")
        sh.put(gr, 0, letter, bold=True, align="center", border=True)
        sh.put(gr, 1, gname, bold=True, border=True)
        for ci in (2, 3, 4):
            sh.put(gr, ci, None, border=True)
        cells = {"plan": [], "executed": []}
        for k, p in enumerate(provs, 1):
            r = sh.row()
            rep.h["rows"][p] = r
            sh.put(r, 0, k, align="center", border=True)
            written = p + (" (*)" if p == "Bình Dương" else "")
            sh.put(r, 1, written, border=True)
            note = notes.get(p)
            sh.put(r, 4, note, border=True, size=11)
            plan = money.amount(3000, 18000)
            ex = money.share(plan, 0.7, 1.0)
            for ci, m, v in ((2, "plan", plan), (3, "executed", ex)):
                measure = "estimate" if (p == "Bình Dương" and m == "executed") else m
                dims = dict(area=p, fund="kcdp", year=2024, period="year", measure=measure)
                if written != p:
                    dims["area_text"] = written
                if measure == "estimate":
                    dims["measure_why"] = ("the row is marked (*) and the note says “(*) Số liệu ước thực "
                                           "hiện đến 31/12/2024”: an estimate, not an execution")
                cells[m].append(value_cell(rep, sh, r, ci, v, unit=unit, decimals=1, fmt=fmt, dims=dims,
                                           note=note))
            if p == "Quảng Nam":
                tr = sh.row("'Trong đó' breakdown: the enterprises' own co-funding, not kinh phí khuyến công "
                            "and not a dimension of the data (numbers here are not figures)")
                sh.put(tr, 0, None, border=True)
                sh.put(tr, 1, "Trong đó: vốn đối ứng của cơ sở", italic=True, border=True)
                sh.put(tr, 2, in_unit(money.amount(2000, 5000), unit), fmt=fmt, italic=True, border=True)
                sh.put(tr, 3, in_unit(money.amount(1500, 4000), unit), fmt=fmt, italic=True, border=True)
                sh.put(tr, 4, None, border=True)
        cr = sh.row()
        sh.put(cr, 0, None, border=True)
        sh.put(cr, 1, f"Cộng {letter}", bold=True, align="center", border=True)
        sh.put(cr, 4, None, border=True)
        t = Total(sh, f"Cộng {letter}", "row", whose=None,
                  why=f"subtotal of the listed provinces of {gname} (not the whole region)")
        cc = {}
        for ci, m in ((2, "plan"), (3, "executed")):
            cc[m] = sh.put(cr, ci, None, fmt=fmt, bold=True, border=True, formula=("sum", cells[m]))
            t.add(cc[m], cells[m])
        rep.totals.append(t)
        cong_cells.append(cc)
    sh.row()
    r = sh.row()
    rep.h["grand_row"] = r
    sh.put(r, 0, None, border=True)
    sh.put(r, 1, "Tổng số (A+B+C)", bold=True, align="center", border=True)
    sh.put(r, 4, None, border=True)
    t = Total(sh, "Tổng số (A+B+C)", "row", whose=None, why="sum of the three subtotals")
    for ci, m in ((2, "plan"), (3, "executed")):
        parts = [c[m] for c in cong_cells]
        t.add(sh.put(r, ci, None, fmt=fmt, bold=True, border=True, formula=("add", parts)), parts)
    rep.totals.append(t)
    sh.row()
    line(sh, "Ghi chú:", 0, 4, "notes heading", align="left", bold=True, italic=True)
    line(sh, "1. Số liệu thực hiện là số đã giải ngân đến 31/12/2024.", 0, 4, "note", align="left", italic=True)
    line(sh, "(*) Số liệu ước thực hiện đến 31/12/2024.", 0, 4, "note (gives the meaning of (*))",
         align="left", italic=True)
    sh.row()
    footer(sh, "Hà Nội, ngày 18 tháng 02 năm 2025", "NGƯỜI LẬP BIỂU", "KT. CỤC TRƯỞNG",
           "Bùi Thị Hằng", "Đặng Quốc Khánh", 2, 4, right_sub="PHÓ CỤC TRƯỞNG")
    rep.context = {"unit": unit, "unit_where": "in the headers", "year": 2024, "period": "year",
                   "area": None, "fund": "kcdp", "fund_from": "title"}
    return rep


# ================================================================ layout 8: number formats

NTB = ["Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận"]


def r_dinh_dang_so_2024(nn="21", ext="xlsx"):
    rep = Report(nn, "dinh-dang-so-2024", ext, "number_formats",
                 "Number formats: values with a thousands format, one without a format, numbers typed as "
                 "text with Vietnamese separators ('1.250,5', '2.000', '850'), '-' and an empty cell for no "
                 "value, a zero; the formula total (SUM) skips the numbers typed as text, so its column "
                 "totals are wrong." + (" CSV (comma, raw values; text numbers stay quoted text) made by "
                                        "LibreOffice from the same sheet." if ext == "csv" else ""))
    sh = rep.sheet("Nam Trung Bo", [6, 20, 13, 13, 13, 13, 26])
    rep.data_sheets = [sh]
    unit, dcm = "triệu đồng", 1
    fmt = fmt_for(1)
    rep.h = {"title_row": line(sh, "KINH PHÍ KHUYẾN CÔNG CÁC TỈNH DUYÊN HẢI NAM TRUNG BỘ NĂM 2024", 0, 6,
                               "title (year 2024)", bold=True, size=13)}
    rep.h["unit_row"] = line(sh, "Đơn vị tính: triệu đồng", 5, 6, "unit line", italic=True, align="right")
    money = Money(2100, unit, dcm)
    base = budget_values(money, NTB, None, qg=(800, 3000), dp=(1500, 9000))
    special = {("Bình Định", "kcqg", "plan"): "general",
               ("Bình Định", "kcqg", "executed"): ("text", 1_250_500_000),
               ("Phú Yên", "kcdp", "plan"): ("text", 2_000_000_000),
               ("Phú Yên", "kcqg", "executed"): "-",
               ("Khánh Hòa", "kcdp", "executed"): 0,
               ("Ninh Thuận", "kcqg", "executed"): None,
               ("Bình Thuận", "kcdp", "plan"): ("text", 850_000_000)}

    def values(a, f, m):
        s = special.get((a, f, m), "base")
        if s == "general":
            return ("general", base(a, f, m))
        return base(a, f, m) if s == "base" else s
    notes = {"Phú Yên": "KCQG: chưa giải ngân", "Ninh Thuận": "Chưa có số liệu thực hiện KCQG"}
    h = fund_groups_table(rep, sh, areas=[(p, p) for p in NTB], year=2024, funds=FUNDS,
                          measures=[("plan", "Kế hoạch", "year"), ("executed", "Thực hiện", "year")],
                          unit=unit, decimals=dcm, fmt=fmt, values=values, notes=notes,
                          whose="Duyên hải Nam Trung Bộ")
    rep.h.update(h)
    h["total"].why = ("formula =SUM(…): LibreOffice and Excel skip numbers typed as text, so the columns "
                      "holding '1.250,5', '2.000' and '850' total less than their rows")
    sh.row()
    line(sh, "Ghi chú: “-” là không phát sinh.", 0, 6, "note below the table", align="left", italic=True)
    rep.context = {"unit": unit, "year": 2024, "period": "year", "area": None,
                   "region": "Duyên hải Nam Trung Bộ"}
    rep.expect_base.append({"expect": "flagged", "total": "Tổng cộng (columns D, E)",
                            "why": "the total row's SUM skips the text-typed numbers; an importer that reads "
                                   "them as numbers (it must) finds the totals short by exactly those values"})
    return rep


# ================================================================ mutations

def _freeze_formulas_using(rep, cells):
    """Formulas that read any of ``cells`` become typed values (as pasted-as-values)."""
    ids = {id(c) for c in cells}
    evaluate(rep)
    for sh in rep.sheets:
        for c in sh.cells.values():
            if not c.formula:
                continue
            refs = c.formula[1] if c.formula[0] in ("sum", "add") else [c.formula[1], c.formula[2]]
            if any(p is not None and id(p) in ids for p in refs):
                c.value = c.value if not isinstance(c.value, str) else None
                c.formula = None


UNIT_DECIMALS = {"tỷ đồng": 3, "triệu đồng": 1, "nghìn đồng": 0, "đồng": 0}


def _unit_step(rep, unit):
    return Decimal("0.001") if unit == "tỷ đồng" else Decimal(1)


def _sheet_of(rep, cell):
    for sh in rep.sheets:
        if (cell.row, cell.col) in sh.cells and sh.cells[(cell.row, cell.col)] is cell:
            return sh
    raise KeyError


def _where(rep, sh, **kw):
    d = {}
    if len(rep.sheets) > 1:
        d["sheet"] = sh.name
    d.update(kw)
    return d


def mut(kind, expect, why):
    def deco(fn):
        def run(rep):
            rep.mutation.update({"type": kind, "expect": expect, "why": why})
            fn(rep)
        run.kind = kind
        return run
    return deco


def total_off_by_one(get_cell, label):
    @mut("total_off_by_one", "flagged",
         f"the “{label}” cell was typed over with a value one unit (the last printed digit) above the "
         "sum of its rows; the rows are the figures and stay importable, but the file contradicts "
         "itself, so the importer must show the difference before anything is written")
    def fn(rep):
        c = get_cell(rep)
        sh = _sheet_of(rep, c)
        evaluate(rep)
        s = cur_value(c)
        step = _unit_step(rep, rep.context.get("unit"))
        c.formula = None
        c.value = s + step
        rep.mutation.update(
            where=_where(rep, sh, cell=sh.addr(c), row=sh.rnum(c.row), column=sh.cletter(c.col)),
            must_name={"row": sh.rnum(c.row), "column": sh.cletter(c.col),
                       "stated": vn(s + step, UNIT_DECIMALS[rep.context["unit"]]),
                       "sum_of_rows": vn(s, UNIT_DECIMALS[rep.context["unit"]])},
            detail={"stated": str(s + step), "sum": str(s), "step": str(step), "label": label},
            keep_figures=True)
    return fn


def duplicated_row(get_row, sheet_name=None, label=""):
    @mut("duplicated_row", "refused",
         f"the row of {label} appears twice (copied below itself): the same figures (area, fund, content, "
         "year, period, measure) twice; even with equal values the importer must refuse and name both rows")
    def fn(rep):
        sh = next(s for s in rep.sheets if s.name == sheet_name) if sheet_name else rep.sheets[-1] \
            if len(rep.sheets) == 1 else rep.data_sheets[0]
        r = get_row(rep)
        new = sh.insert_row_after(r)
        mapping = {}
        for c in sh.row_cells(r):
            n = copy.copy(c)
            n.row = new
            sh.cells[(new, c.col)] = n
            mapping[id(c)] = n
        for n in list(mapping.values()):
            if n.formula:
                k = n.formula[0]
                if k in ("sum", "add"):
                    n.formula = (k, [mapping.get(id(p), p) if p is not None else None for p in n.formula[1]])
                else:
                    n.formula = (k, mapping.get(id(n.formula[1]), n.formula[1]),
                                 mapping.get(id(n.formula[2]), n.formula[2]))
        copies = set(id(x) for x in mapping.values())
        for c in sh.cells.values():
            if c.formula and c.formula[0] == "sum" and id(c) not in copies and c.row is not r:
                extra = [mapping[id(p)] for p in c.formula[1] if p is not None and id(p) in mapping]
                if extra:
                    c.formula = ("sum", list(c.formula[1]) + extra)
        for t in rep.totals:
            if t.sh is not sh:
                continue
            new_items = []
            for tc, parts in t.items:
                if id(tc) in mapping:
                    new_items.append((mapping[id(tc)], [mapping.get(id(p), p) for p in parts]))
                extra = [mapping[id(p)] for p in parts if id(p) in mapping]
                if extra and id(tc) not in mapping:
                    parts.extend(extra)
            t.items.extend(new_items)
        rep.mutation.update(where=_where(rep, sh, rows=[sh.rnum(r), sh.rnum(new)]),
                            must_name={"rows": [sh.rnum(r), sh.rnum(new)], "label": label})
    return fn


def negative_value(get_cell, label):
    @mut("negative_value", "refused",
         f"{label} is negative: a funding figure cannot be below zero (the database refuses it too); "
         "the importer must refuse and name the cell and its value, not drop the sign or skip the row")
    def fn(rep):
        c = get_cell(rep)
        sh = _sheet_of(rep, c)
        v = part_value(c)
        c.value = -v
        c.fmt = c.fmt or fmt_for(1)
        c.align = None
        rep.mutation.update(where=_where(rep, sh, cell=sh.addr(c), row=sh.rnum(c.row),
                                         column=sh.cletter(c.col)),
                            must_name={"cell": sh.addr(c), "value": str(-v)},
                            detail={"value": str(-v)})
    return fn


def text_in_number_cell(get_cell, make_text, label, why):
    @mut("text_in_number_cell", "refused", f"{label}: {why}")
    def fn(rep):
        c = get_cell(rep)
        sh = _sheet_of(rep, c)
        text = make_text(part_value(c))
        c.value, c.fmt, c.align = text, None, "right"
        rep.mutation.update(where=_where(rep, sh, cell=sh.addr(c), row=sh.rnum(c.row),
                                         column=sh.cletter(c.col)),
                            must_name={"cell": sh.addr(c), "value": text}, detail={"text": text})
    return fn


def header_renamed_unknown(get_cell, new, why):
    @mut("header_renamed_unknown", "refused", why)
    def fn(rep):
        c = get_cell(rep)
        sh = _sheet_of(rep, c)
        old = c.value
        c.value = new
        rep.mutation.update(where=_where(rep, sh, cell=sh.addr(c), row=sh.rnum(c.row),
                                         column=sh.cletter(c.col)),
                            must_name={"column": sh.cletter(c.col), "header": new},
                            detail={"old": old, "new": new})
    return fn


def unit_line_changed(get_cell, new, expect, why):
    @mut("unit_line_changed", expect, why)
    def fn(rep):
        c = get_cell(rep)
        sh = _sheet_of(rep, c)
        old = c.value
        c.value = new
        rep.mutation.update(where=_where(rep, sh, cell=sh.addr(c), row=sh.rnum(c.row)),
                            must_name={"row": sh.rnum(c.row), "unit": new},
                            detail={"old": old, "new": new})
    return fn


def unit_line_removed(get_row, why):
    @mut("unit_line_removed", "refused", why)
    def fn(rep):
        r = get_row(rep)
        sh = next(s for s in rep.sheets if r in s.rows)
        old = next(c.value for c in sh.row_cells(r) if c.value)
        num = sh.rnum(r)
        sh.delete_row(r)
        rep.mutation.update(where=_where(rep, sh, row=num, note="the row that held the unit is gone"),
                            must_name={"missing": "đơn vị tính", "columns": "the value columns"},
                            detail={"old": old})
    return fn


def unit_removed_from_headers(get_cells, text, why):
    @mut("unit_line_removed", "refused", why)
    def fn(rep):
        cells = get_cells(rep)
        sh = _sheet_of(rep, cells[0])
        for c in cells:
            c.value = c.value.replace(f" ({text})", "")
        rep.mutation.update(where=_where(rep, sh, row=sh.rnum(cells[0].row),
                                         columns=[sh.cletter(c.col) for c in cells]),
                            must_name={"missing": "đơn vị tính",
                                       "columns": [sh.cletter(c.col) for c in cells]},
                            detail={"old": f"({text})"})
    return fn


def column_removed(get_col, expect, why, sheet_index=0):
    @mut("column_removed", expect, why)
    def fn(rep):
        sh = rep.data_sheets[sheet_index] if rep.data_sheets else rep.sheets[0]
        col = get_col(rep)
        header = (col.info or {}).get("header")
        before = len(sh.cols)
        letter = sh.cletter(col)
        gone = [c for (r, cc), c in sh.cells.items() if cc is col]
        _freeze_formulas_using(rep, gone)
        ids = {id(c) for c in gone}
        rep.figures = [f for f in rep.figures if id(f["cell"]) not in ids]
        rep.no_value = [n for n in rep.no_value if id(n["cell"]) not in ids]
        for t in rep.totals:
            t.items = [(tc, [p for p in parts if id(p) not in ids]) for tc, parts in t.items
                       if id(tc) not in ids]
        rep.totals = [t for t in rep.totals if t.items]
        sh.delete_col(col)
        rep.mutation.update(where=_where(rep, sh, column=letter, note="the column that was here is gone"),
                            must_name={"missing_column": header},
                            detail={"header": header, "columns_before": before, "columns_after": len(sh.cols),
                                    "unique_header": True})
        if expect == "flagged":
            rep.mutation["keep_figures"] = True
    return fn


def year_conflict_column(after_col_index, year, title_year, header_rows_key="header_rows"):
    @mut("year_conflict", "refused",
         f"the title says {title_year} but a 'Năm' column says {year} on every row: the importer cannot "
         "know which year the figures are for and must refuse, naming the title row and the column")
    def fn(rep):
        sh = rep.data_sheets[0]
        col = sh.insert_col_at(after_col_index + 1, width=8)
        hrows = rep.h[header_rows_key]
        H(sh, hrows[0], col, "Năm")
        for hr in hrows[1:]:
            H(sh, hr, col, None)
        if len(hrows) > 1:
            sh.merge(hrows[0], col, hrows[-1], col)
        for r in rep.h["data_rows"]:
            sh.put(r, col, year, align="center", border=True)
        if rep.h.get("total_row"):
            sh.put(rep.h["total_row"], col, None, border=True)
        for cc in sh.row_cells(rep.h["title_row"]):
            pass
        rep.mutation.update(where=_where(rep, sh, column=sh.cletter(col), title_row=sh.rnum(rep.h["title_row"])),
                            must_name={"title_row": sh.rnum(rep.h["title_row"]), "column": sh.cletter(col),
                                       "years": [title_year, year]},
                            detail={"title_year": str(title_year), "column_year": str(year)})
    return fn


def year_conflict_text(get_cell, new, title_year, other_year, why, kind="header"):
    @mut("year_conflict", "refused", why)
    def fn(rep):
        c = get_cell(rep)
        sh = _sheet_of(rep, c)
        c.value = new
        d = {"title_year": str(title_year), "conflict_text": new}
        if kind == "sheet":
            d["sheet_name"] = sh.name
        rep.mutation.update(where=_where(rep, sh, cell=sh.addr(c), row=sh.rnum(c.row)),
                            must_name={"row": sh.rnum(c.row), "years": [title_year, other_year],
                                       **({"sheet": sh.name} if kind == "sheet" else {})},
                            detail=d)
    return fn


def extra_numeric_column(index, make_value, why):
    @mut("extra_numeric_column_unnamed", "refused", why)
    def fn(rep):
        sh = rep.data_sheets[0]
        col = sh.insert_col_at(index, width=12)
        hdr = rep.h.get("header_rows") or [rep.h["header_row"]]
        for hr in hdr:
            sh.put(hr, col, None, border=True)
        rows = rep.h.get("data_rows") or [f["cell"].row for f in rep.figures if f["sheet"] is sh]
        seen = []
        for r in rows:
            if r not in seen:
                seen.append(r)
        for k, r in enumerate(seen):
            sh.put(r, col, make_value(k), fmt=fmt_for(1), border=True)
        rep.mutation.update(where=_where(rep, sh, column=sh.cletter(col)),
                            must_name={"column": sh.cletter(col)},
                            detail={"rows": fmt_rows(sh.rnum(r) for r in seen)})
    return fn


def mutated_yaml(rep, base):
    evaluate(rep)
    m = rep.mutation
    y = {"file": rep.file, "base": base.file, "layout": rep.layout, "format": rep.ext,
         "mutation": m["type"], "expect": m["expect"], "where": m["where"],
         "must_name": m.get("must_name"), "why": m["why"], "detail": m.get("detail", {}),
         "sheet": base_yaml_sheet(rep), "context": rep.context}
    if rep.ext == "csv":
        y["csv"] = {"encoding": "utf-8-sig" if rep.csv_bom else "utf-8", "delimiter": rep.csv_sep,
                    "numbers": "as shown, Vietnamese separators" if rep.csv_as_shown else "raw values"}
    if m.get("keep_figures"):
        y["figures_if_accepted"] = [figure_yaml(rep, f) for f in rep.figures]
    y["totals"] = [totals_yaml(rep, t) for t in rep.totals]
    y["ignored_rows"] = [d for d in classify_rows_loose(rep)]
    if rep.options:
        y["options"] = rep.options
    return y


def base_yaml_sheet(rep):
    names = [s.name for s in rep.data_sheets or rep.sheets]
    return names[0] if len(names) == 1 else names


def classify_rows_loose(rep):
    """Header, heading and title rows (the checker reads header bands from them)."""
    out = []
    for sh in rep.sheets:
        for r in sh.rows:
            if r.why and any(k in r.why for k in ("header", "heading", "title")):
                if any(c.value not in (None, "") for c in sh.row_cells(r)):
                    d = {"row": sh.rnum(r), "why": r.why}
                    if len(rep.sheets) > 1:
                        d = {"sheet": sh.name, **d}
                    out.append(d)
    return out


def _c(key):
    return lambda rep: rep.h["cells"][key]


def _hdr(row_i, col_i):
    return lambda rep: rep.data_sheets[0].get(rep.h["header_rows"][row_i], rep.data_sheets[0].cols[col_i])


def _sheet_cells(sheet, key):
    return lambda rep: rep.h["sheets"][sheet]["cells"][key]


def _long_value(i):
    return lambda rep: rep.data_sheets[0].get(rep.h["rows"][i], rep.data_sheets[0].cols[7])


def _fig_cell(pred):
    return lambda rep: next(f["cell"] for f in rep.figures if pred(f))


def _total_cell(col_i, row_key="total_row", sheet=None):
    def get(rep):
        h = rep.h["sheets"][sheet] if sheet else rep.h
        sh = next(s for s in rep.sheets if s.name == sheet) if sheet else rep.data_sheets[0]
        return sh.get(h[row_key], sh.cols[col_i])
    return get


# ================================================================ added layouts (24-27)

def r_tong_truoc_vung_tay_nguyen_2024(nn="24", ext="xlsx"):
    rep = Report(nn, "tong-truoc-vung-tay-nguyen-2024", ext, "fund_column_groups",
                 "Tây Nguyên 2024, the all-sources group first ('Tổng cộng | Khuyến công quốc gia | "
                 "Khuyến công địa phương', each Kế hoạch | Thực hiện); its total row says whose total "
                 "it is ('Tổng cộng vùng Tây Nguyên'): the region's figures, checked against its rows.")
    sh = rep.sheet("Tây Nguyên", [6, 22, 13, 13, 13, 13, 13, 13])
    rep.data_sheets = [sh]
    unit, dcm = "triệu đồng", 1
    fmt = fmt_for(1)
    agency_header(sh, "BỘ CÔNG THƯƠNG", "CỤC CÔNG THƯƠNG ĐỊA PHƯƠNG", 4, 7)
    sh.row()
    rep.h = {"title_row": line(sh, "TỔNG HỢP KINH PHÍ KHUYẾN CÔNG CÁC TỈNH TÂY NGUYÊN NĂM 2024", 0, 7,
                               "title (year 2024, whole year)", bold=True, size=14)}
    rep.h["unit_row"] = line(sh, "Đơn vị tính: triệu đồng", 5, 7, "unit line", italic=True, align="right")
    money = Money(2401, unit, dcm)
    areas = [(p, written_name(p)) for p in TAY_NGUYEN]
    values = budget_values(money, TAY_NGUYEN, None)
    measures = [("plan", "Kế hoạch", "year"), ("executed", "Thực hiện", "year")]
    h = fund_groups_table(rep, sh, areas=areas, year=2024, funds=FUNDS, measures=measures, unit=unit,
                          decimals=dcm, fmt=fmt, values=values, fund_total="Tổng cộng",
                          total_first=True, total_label="Tổng cộng vùng Tây Nguyên",
                          whose="Tây Nguyên", region_total="Tây Nguyên")
    rep.h.update(h)
    footer(sh, "Hà Nội, ngày 25 tháng 01 năm 2025", "NGƯỜI LẬP BIỂU", "CỤC TRƯỞNG",
           "Lê Thị Hoa", "Phạm Văn Bình", 4, 7)
    rep.context = {"unit": unit, "year": 2024, "period": "year", "area": None,
                   "region": "Tây Nguyên", "region_from": "the total row's label"}
    return rep


def r_uoc_quy_2_2025(nn="25", ext="ods"):
    rep = Report(nn, "uoc-quy-2-2025", ext, "fund_column_groups",
                 "Estimates only ('Ước thực hiện' under each fund, no plan), the quarter and year only in "
                 "the sheet name 'Quý II-2025' (the title names neither), the unit in the headers; "
                 "a plain 'Tổng cộng' row (checked, not stored: it does not say whose total it is).")
    sh = rep.sheet("Quý II-2025", [6, 22, 16, 16])
    rep.data_sheets = [sh]
    unit, dcm = "triệu đồng", 0
    fmt = fmt_for(0)
    rep.h = {"title_row": line(sh, "ƯỚC THỰC HIỆN KINH PHÍ KHUYẾN CÔNG CÁC TỈNH BẮC TRUNG BỘ", 0, 3,
                               "title (no year: the sheet name says Quý II-2025)", bold=True, size=14)}
    sh.row()
    money = Money(2502, unit, dcm)
    areas = [(p, written_name(p)) for p in BAC_TRUNG_BO]
    values = budget_values(money, BAC_TRUNG_BO, None)
    measures = [("estimate", "Ước thực hiện", "quarter:2")]
    h = fund_groups_table(rep, sh, areas=areas, year=2025, funds=FUNDS, measures=measures, unit=unit,
                          decimals=dcm, fmt=fmt, values=values, header_unit=unit,
                          whose="the six provinces listed (the file does not say whose)")
    rep.h.update(h)
    rep.context = {"unit": unit, "year": 2025, "period": "quarter:2", "area": None,
                   "period_from": "sheet name"}
    return rep


def r_kinh_phi_da_cap_2024(nn="26", ext="xlsx"):
    rep = Report(nn, "kinh-phi-da-cap-2024", ext, "fund_column_groups",
                 "KCĐP 2024 with an execution column headed 'Kinh phí đã cấp' (money granted), words the "
                 "importer does not know: refused until the officer maps column D to 'Thực hiện' "
                 "(options: map_columns), then read like a recognised column.")
    sh = rep.sheet("Biểu 03", [6, 22, 16, 16])
    rep.data_sheets = [sh]
    unit, dcm = "triệu đồng", 1
    fmt = fmt_for(1)
    rep.h = {"title_row": line(sh, "KINH PHÍ KHUYẾN CÔNG ĐỊA PHƯƠNG CÁC TỈNH TÂY NGUYÊN NĂM 2024", 0, 3,
                               "title (year 2024)", bold=True, size=14)}
    rep.h["unit_row"] = line(sh, "Đơn vị tính: triệu đồng", 2, 3, "unit line", italic=True, align="right")
    money = Money(2603, unit, dcm)
    areas = [(p, written_name(p)) for p in TAY_NGUYEN]
    values = budget_values(money, TAY_NGUYEN, None)
    measures = [("plan", "Kế hoạch", "year"), ("executed", "Kinh phí đã cấp", "year")]
    h = fund_groups_table(rep, sh, areas=areas, year=2024, funds=FUNDS[1:], measures=measures,
                          unit=unit, decimals=dcm, fmt=fmt, values=values,
                          whose="the five provinces listed (the file does not say whose)")
    rep.h.update(h)
    rep.context = {"unit": unit, "year": 2024, "period": "year", "area": None}
    rep.options = {"map_columns": "D=Thực hiện"}
    return rep


def r_tinh_khong_ten_2024(nn="27", ext="xlsx"):
    rep = Report(nn, "tinh-khong-ten-2024", ext, "content_rows",
                 "One province's contents 2024 with no area anywhere (no agency header, a title without "
                 "the province, sheet 'Biểu 02'): the officer sets the area on the form (options: area).")
    sh = rep.sheet("Biểu 02", [6, 52, 13, 13, 26])
    rep.data_sheets = [sh]
    unit, dcm = "triệu đồng", 1
    fmt = fmt_for(1)
    rep.h = {"title_row": line(sh, "BÁO CÁO KẾT QUẢ THỰC HIỆN KINH PHÍ KHUYẾN CÔNG NĂM 2024", 0, 4,
                               "title (year 2024; no area)", bold=True, size=14)}
    rep.h["unit_row"] = line(sh, "Đơn vị tính: triệu đồng", 3, 4, "unit line", italic=True, align="right")
    sections = [("kcqg", "Kinh phí khuyến công quốc gia", [C_MOHINH, C_MAYMOC]),
                ("kcdp", "Kinh phí khuyến công địa phương", [C_DAOTAO, C_HOICHO, C_TUVAN])]
    money = Money(2704, unit, dcm)
    values = content_values(money, sections, qg=(400, 1500), dp=(150, 2800))
    h = content_table(rep, sh, area="Bình Định", year=2024, sections=sections,
                      measures=[("plan", "Kế hoạch", "year"), ("executed", "Thực hiện", "year")],
                      unit=unit, decimals=dcm, fmt=fmt, values=values, notes={})
    rep.h.update(h)
    rep.context = {"unit": unit, "year": 2024, "period": "year", "area": "Bình Định",
                   "area_from": "the import form (options)"}
    rep.options = {"area": "Bình Định"}
    return rep


def region_total_off_by_one(get_cell, label):
    """A total off by one on a total that names its region: flagged, and
    the region's figures are then not stored (the rows still are)."""
    inner = total_off_by_one(get_cell, label)

    def fn(rep):
        inner(rep)
        region = rep.context["region"]
        rep.figures = [f for f in rep.figures if f["area"] != region]
        rep.mutation["why"] += (f"; the total names its region ({region}), whose figures are "
                                "therefore not stored")
    fn.kind = inner.kind
    return fn


MAGNITUDE_WHY = ("the unit line now says {new} while the numbers stayed: every figure becomes {factor} "
                 "times {dir}; nothing else in the file states the unit, so a correct importer cannot "
                 "refuse on a contradiction but must flag the magnitudes (a province's yearly khuyến công "
                 "budget is 1–30 tỷ đồng; here {example}) and name the unit line before writing")

MUTATIONS = [
    ("01", 1, total_off_by_one(_total_cell(5), "Tổng cộng / Khuyến công địa phương / Thực hiện")),
    ("01", 2, duplicated_row(lambda rep: rep.h["rows"]["Quảng Nam"], label="Quảng Nam")),
    ("01", 3, header_renamed_unknown(_hdr(1, 5), "Cột 6",
                                     "the KCĐP 'Thực hiện' header now reads 'Cột 6': a column of numbers "
                                     "under a header that names no measure; the importer must refuse, "
                                     "naming the column and its header, not guess from the neighbours")),
    ("02", 1, unit_line_removed(lambda rep: rep.h["unit_row"],
                                "the 'Đvt: đồng' line is gone and no header states a unit: the numbers "
                                "(1.850.000.000…) could be đồng only by guessing; the importer must refuse "
                                "and say that no unit (đơn vị tính) was found")),
    ("02", 2, negative_value(_c(("Yên Bái", "kcdp", "estimate")), "Yên Bái's KCĐP estimate")),
    ("02", 3, text_in_number_cell(_c(("Lào Cai", "kcqg", "plan")),
                                  lambda v: vn(v)[:-1] + "O", "Lào Cai's KCQG plan",
                                  "the last zero is the letter O: not a number; the importer must refuse "
                                  "naming the cell and the text, not read it as empty or zero")),
    ("03", 1, column_removed(lambda rep: rep.data_sheets[0].cols[rep.h["area_col"]], "refused",
                             "the 'Tỉnh, thành phố' column is gone: rows of numbers with no area; the "
                             "importer must refuse, saying the area column is missing")),
    ("03", 2, extra_numeric_column(9, lambda k: Decimal(1000 + 137 * k) / 10,
                                   "a column of numbers with no header after the table (a scratch "
                                   "column): the importer cannot tell what they are and must refuse, "
                                   "naming the column, not skip it silently")),
    ("03", 3, year_conflict_column(1, 2024, 2025)),
    ("05", 1, unit_line_changed(lambda rep: rep.data_sheets[0].get(rep.h["unit_row"], rep.data_sheets[0].cols[4]),
                                "ĐVT: triệu đồng", "flagged",
                                MAGNITUDE_WHY.format(new="'triệu đồng'", factor="1.000", dir="smaller",
                                                     example="a KCĐP plan of 6,5 triệu đồng, with three "
                                                             "decimals of triệu, i.e. to the nghìn đồng"))),
    ("05", 2, total_off_by_one(lambda rep: rep.data_sheets[0].get(rep.h["cong"]["kcqg"], rep.data_sheets[0].cols[3]),
                               "Cộng I / Thực hiện")),
    ("06", 1, duplicated_row(lambda rep: rep.h["rows"][("Vĩnh Long", "kcdp")], label="Vĩnh Long (KCĐP)")),
    ("06", 2, negative_value(_c(("An Giang", "kcqg", "executed")), "An Giang's KCQG 6-month execution")),
    ("08", 1, unit_line_changed(lambda rep: rep.data_sheets[0].get(rep.h["unit_row"], rep.data_sheets[0].cols[4]),
                                "Đơn vị tính: nghìn đồng", "flagged",
                                MAGNITUDE_WHY.format(new="'nghìn đồng'", factor="1.000", dir="smaller",
                                                     example="the whole KCQG plan of Quảng Nam would be "
                                                             "about 2,9 triệu đồng"))),
    ("08", 2, header_renamed_unknown(lambda rep: rep.data_sheets[0].get(rep.h["header_row"], rep.data_sheets[0].cols[2]),
                                     "Số liệu A",
                                     "the 'Kế hoạch' header now reads 'Số liệu A': a value column that "
                                     "names no measure; the importer must refuse, naming the column")),
    ("08", 3, text_in_number_cell(_c(("kcdp", C_DAOTAO, "executed")),
                                  lambda v: f"{v:,.1f}" if v >= 1000 else f"{v:.1f}",
                                  "the KCĐP 'Đào tạo nghề' execution",
                                  "typed as text with English separators (“845.5”-style): in a Vietnamese "
                                  "file '.' groups thousands, so the text is ambiguous; the importer must "
                                  "refuse naming the cell, not guess")),
    ("09", 1, extra_numeric_column(4, lambda k: Decimal(150_000_000 + 12_345_000 * k),
                                   "an unnamed column of numbers right of 'Ghi chú': the importer must "
                                   "refuse, naming the column")),
    ("09", 2, year_conflict_text(lambda rep: rep.data_sheets[0].get(rep.h["header_row"], rep.data_sheets[0].cols[1]),
                                 "Kế hoạch năm 2023", 2024, 2023,
                                 "the title says 7 tháng đầu năm 2024 but the plan column says 'Kế hoạch năm "
                                 "2023': the importer must refuse, naming the title row and the header")),
    ("10", 1, header_renamed_unknown(
        lambda rep: rep.sheets[2].get(rep.h["sheets"]["Quảng Ngãi"]["header_rows"][0], rep.sheets[2].cols[2]),
        "Nguồn khác",
        "on sheet 'Quảng Ngãi' the KCQG group header reads 'Nguồn khác' (another source): the fund of "
        "columns C–D is unknown; the importer must refuse, naming the sheet and the columns")),
    ("10", 2, duplicated_row(lambda rep: rep.h["sheets"]["Kon Tum"]["rows"][C_MAYMOC], sheet_name="Kon Tum",
                             label="'Hỗ trợ máy móc thiết bị' on sheet Kon Tum")),
    ("12", 1, year_conflict_text(lambda rep: rep.sheets[1].get(rep.h["sheets"]["Năm 2024"]["title_row"],
                                                               rep.sheets[1].cols[0]),
                                 "KINH PHÍ KHUYẾN CÔNG CÁC TỈNH BẮC TRUNG BỘ NĂM 2023", 2024, 2023,
                                 "the sheet is named 'Năm 2024' but its title says NĂM 2023 (while the sheet "
                                 "'2023' exists too): the importer must refuse, naming the sheet and the "
                                 "title row", kind="sheet")),
    ("12", 2, total_off_by_one(_total_cell(2, sheet="2023"), "Cộng / Khuyến công quốc gia / Kế hoạch (sheet 2023)")),
    ("14", 1, column_removed(lambda rep: rep.data_sheets[0].cols[6], "refused",
                             "the 'Loại số liệu' column is gone: each value could be a plan, an execution "
                             "or an estimate; the importer must refuse, saying the column is missing")),
    ("14", 2, duplicated_row(lambda rep: rep.h["rows"][0], label="Quảng Nam / KCQG / Kế hoạch 2024")),
    ("14", 3, negative_value(_long_value(4), "Quảng Nam's KCĐP execution of 2024 (row 6)")),
    ("15", 1, column_removed(lambda rep: rep.data_sheets[0].cols[8], "refused",
                             "the 'Đơn vị' column is gone: rows mix triệu đồng and đồng, and no other place "
                             "states the unit; the importer must refuse, saying the unit is missing")),
    ("15", 2, text_in_number_cell(_long_value(2), lambda v: "khoảng 2,5 tỷ", "row 4's value",
                                  "a phrase ('khoảng 2,5 tỷ': about 2.5 billion) instead of a number; the "
                                  "importer must refuse naming the cell")),
    ("17", 1, negative_value(_c(("kcdp", "executed")), "Nghệ An's KCĐP execution in quarter I")),
    ("17", 2, extra_numeric_column(5, lambda k: Decimal(300 + 25 * k),
                                   "an unnamed column of numbers between the values and 'Ghi chú': the "
                                   "importer must refuse, naming the column")),
    ("20", 1, total_off_by_one(lambda rep: rep.data_sheets[0].get(
        next(t for t in rep.totals if t.label == "Cộng B").items[0][0].row, rep.data_sheets[0].cols[2]),
        "Cộng B / Kế hoạch")),
    ("20", 2, unit_removed_from_headers(
        lambda rep: [rep.data_sheets[0].get(rep.h["header_row"], rep.data_sheets[0].cols[i]) for i in (2, 3)],
        "triệu đồng",
        "'(triệu đồng)' is gone from both value headers and there is no unit line: the importer must refuse, "
        "saying no unit (đơn vị tính) was found")),
    ("21", 1, text_in_number_cell(_c(("Khánh Hòa", "kcqg", "plan")),
                                  lambda v: vn(v, 1).replace("0", "O", 1), "Khánh Hòa's KCQG plan",
                                  "a zero typed as the letter O: not a number; the importer must refuse naming "
                                  "the cell (unlike '1.250,5' and '2.000' elsewhere in the file, which are "
                                  "numbers typed as text and must be read)")),
    ("21", 2, unit_line_changed(lambda rep: rep.data_sheets[0].get(rep.h["unit_row"], rep.data_sheets[0].cols[5]),
                                "Đơn vị tính: tỷ đồng", "flagged",
                                MAGNITUDE_WHY.format(new="'tỷ đồng'", factor="1.000", dir="larger",
                                                     example="Bình Định's KCĐP plan would be several nghìn "
                                                             "tỷ đồng"))),
    ("24", 1, region_total_off_by_one(_total_cell(4), "Tổng cộng vùng Tây Nguyên / Khuyến công quốc gia / "
                                                      "Kế hoạch")),
    ("24", 2, unit_line_changed(lambda rep: rep.data_sheets[0].get(rep.h["unit_row"], rep.data_sheets[0].cols[5]),
                                "Đơn vị tính: đồng", "flagged",
                                MAGNITUDE_WHY.format(new="'đồng'", factor="1.000.000", dir="smaller",
                                                     example="Gia Lai's KCĐP plan would be a few nghìn "
                                                             "đồng"))),
    ("25", 1, header_renamed_unknown(_hdr(1, 2), "Số liệu quý",
                                     "the KCQG 'Ước thực hiện' header now reads 'Số liệu quý': a column of "
                                     "numbers that names no measure; the importer must refuse, naming it")),
    ("26", 1, column_removed(lambda rep: rep.data_sheets[0].cols[rep.h["area_col"]], "refused",
                             "the 'Tỉnh, thành phố' column is gone: rows of numbers with no area; the "
                             "importer must refuse, saying the area column is missing")),
]


# ================================================================ main

def base_reports():
    return [
        r_cot_nhom_nguon_2024(),
        r_cot_nhom_uoc_ty_le_2024(),
        r_cot_nhom_9_thang_2025(),
        r_cot_nhom_nguon_2024("04", "csv"),
        r_muc_nguon_tay_nguyen_2024(),
        r_muc_nguon_dbscl_6_thang_2024(),
        r_muc_nguon_dbscl_6_thang_2024("07", "csv"),
        r_noi_dung_quang_nam_2024(),
        r_noi_dung_kon_tum_7_thang_2024(),
        r_trang_theo_tinh_2024(),
        r_trang_theo_tinh_2026(),
        r_trang_theo_nam(),
        r_trang_theo_nam_lam_dong(),
        r_dai_xuat_cong("14", "xlsx", "2024"),
        r_dai_xuat_cong("15", "ods", "2025"),
        r_dai_xuat_cong("16", "csv", "2023"),
        r_ngu_canh_quy_1_2024(),
        r_ngu_canh_den_ngay_2024(),
        r_ngu_canh_9_thang_2025(),
        r_dong_phu_2024(),
        r_dinh_dang_so_2024(),
        r_dinh_dang_so_2024("22", "ods"),
        r_dinh_dang_so_2024("23", "csv"),
        r_tong_truoc_vung_tay_nguyen_2024(),
        r_uoc_quy_2_2025(),
        r_kinh_phi_da_cap_2024(),
        r_tinh_khong_ten_2024(),
    ]




def main():
    keep = "--keep-tmp" in sys.argv
    for p in OUT.iterdir():
        if re.match(r"\d\d-.*\.(xlsx|ods|csv|yaml)$", p.name):
            p.unlink()
    bases = base_reports()
    reports = list(bases)
    by_nn = {b.nn: b for b in bases}
    for nn, k, fn in MUTATIONS:
        m = copy.deepcopy(by_nn[nn])
        m.mutation = {"k": k}
        fn(m)
        reports.append(m)
    tmp = Path(tempfile.mkdtemp(prefix="kc-reports-"))
    try:
        for rep in reports:
            evaluate(rep)
        build_files(reports, tmp)
        for rep in reports:
            data = mutated_yaml(rep, by_nn[rep.nn]) if rep.mutation else base_yaml(rep)
            dump_yaml(data, OUT / f"{rep.name}.yaml")
    finally:
        if keep:
            print("scratch files kept in", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    write_readme_table(bases, reports)
    print(f"{len(bases)} base files, {len(reports) - len(bases)} mutated copies written to {OUT}")


def write_readme_table(bases, reports):
    """The table of files in README.md, between its markers."""
    lines = ["| file | layout | format | figures | totals | what it tests | mutated copies |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for b in bases:
        muts = [r for r in reports if r.mutation and r.nn == b.nn]
        ms = ", ".join(f"mut-{r.mutation['k']}: {r.mutation['type']} ({r.mutation['expect']})" for r in muts)
        desc = b.description.replace("|", "/")
        lines.append(f"| `{b.file}` | {b.layout} | {b.ext} | {len(b.figures)} | {len(b.totals)} | "
                     f"{desc} | {ms or '–'} |")
    n_fig = sum(len(b.figures) for b in bases)
    lines.append("")
    lines.append(f"{len(bases)} base files ({n_fig} figures), {len(reports) - len(bases)} mutated copies "
                 f"of {len({r.nn for r in reports if r.mutation})} base files.")
    readme = OUT / "README.md"
    text = readme.read_text(encoding="utf-8")
    a, b = "<!-- files:begin -->", "<!-- files:end -->"
    i, j = text.index(a) + len(a), text.index(b)
    readme.write_text(text[:i] + "\n" + "\n".join(lines) + "\n" + text[j:], encoding="utf-8")


if __name__ == "__main__":
    main()
