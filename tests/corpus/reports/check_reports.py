#!/usr/bin/env python3
"""Check the report corpus against its YAML, independently of any importer.

For every <nn>-<slug>[.mut-<k>].yaml beside this script, the file it names is
opened (XLSX with openpyxl, cached values and formulas; ODS by reading
content.xml; CSV with the csv module) and:

- every expected figure's cell holds a number (or a number typed as text, as
  the YAML says) whose value × the unit is the figure's value, and the cell
  sits at a plausible place: its row, sheet name or title names the area (or
  content), the header band above its column (or the row) names its measure
  and, where the fund is not 'all', the fund;
- base files only: every numeric cell is accounted for (a figure, a total, an
  ignored row or column, a dimension column), every non-empty row that holds no
  figure is listed in ignored_rows and no listed row holds a figure;
- every total equals the sum of its parts exactly when equals_sum says so
  (parts: numbers, or Vietnamese numbers typed as text; '-' and empty are 0),
  and is a formula when formula says so (XLSX, ODS);
- every ratio column marked check recomputes (num / den × 100) to its printed
  decimals, except the cells listed as wrong;
- mutated files: the mutation is really there (the cell, row, column or line
  the YAML names shows it).

Usage: python check_reports.py [-v]
"""
from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import yaml
from openpyxl.utils import column_index_from_string, get_column_letter

HERE = Path(__file__).resolve().parent
UNITS = {"đồng": Decimal(1), "nghìn đồng": Decimal(1000), "triệu đồng": Decimal(10**6),
         "tỷ đồng": Decimal(10**9), "đề án": Decimal(1)}
VERBOSE = "-v" in sys.argv

NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
      "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"}


def q(ns, tag):
    return "{%s}%s" % (NS[ns], tag)


# ---------------------------------------------------------------- a cell

class V:
    """A cell as read: kind 'num' | 'text' | 'error' | 'empty'; num; text; formula flag."""

    def __init__(self, kind, num=None, text=None, formula=False):
        self.kind, self.num, self.text, self.formula = kind, num, text, formula

    def __repr__(self):
        return f"V({self.kind}, {self.num}, {self.text!r})"


EMPTY = V("empty")


def parse_vn(text):
    t = str(text).strip()
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", t) or re.fullmatch(r"-?\d+(,\d+)?", t):
        return Decimal(t.replace(".", "").replace(",", "."))
    return None


def dnum(x) -> Decimal:
    return Decimal(repr(x)) if isinstance(x, float) else Decimal(x)


def fold(s) -> str:
    s = unicodedata.normalize("NFD", str(s or "")).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in s if unicodedata.category(ch) != "Mn").lower()


# ---------------------------------------------------------------- readers

def read_xlsx(path):
    vals = openpyxl.load_workbook(path, data_only=True)
    forms = openpyxl.load_workbook(path, data_only=False)
    book = {}
    for ws in vals.worksheets:
        wf = forms[ws.title]
        grid = {}
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None:
                    continue
                f = isinstance(wf.cell(row=c.row, column=c.column).value, str) and \
                    str(wf.cell(row=c.row, column=c.column).value).startswith("=")
                if isinstance(v, bool):
                    grid[(c.row, c.column)] = V("text", text=str(v))
                elif isinstance(v, (int, float)):
                    grid[(c.row, c.column)] = V("num", num=dnum(v), formula=f)
                elif isinstance(v, str) and v.startswith("#") and f:
                    grid[(c.row, c.column)] = V("error", text=v, formula=f)
                else:
                    grid[(c.row, c.column)] = V("text", text=str(v), formula=f)
        book[ws.title] = grid
    return book


def read_ods(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("content.xml"))
    book = {}
    for table in root.iter(q("table", "table")):
        grid = {}
        r = 0
        for row in table.iter(q("table", "table-row")):
            rrep = int(row.get(q("table", "number-rows-repeated"), "1"))
            cells = []
            c = 0
            for cell in row:
                if cell.tag not in (q("table", "table-cell"), q("table", "covered-table-cell")):
                    continue
                crep = int(cell.get(q("table", "number-columns-repeated"), "1"))
                vt = cell.get(q("office", "value-type"))
                cvt = cell.get(q("calcext", "value-type"))
                text = "\n".join("".join(p.itertext()) for p in cell.findall(q("text", "p")))
                formula = cell.get(q("table", "formula")) is not None
                if cvt == "error":
                    v = V("error", text=text, formula=formula)
                elif vt in ("float", "percentage", "currency"):
                    v = V("num", num=Decimal(cell.get(q("office", "value"))), formula=formula)
                elif vt == "string" or text:
                    v = V("text", text=text, formula=formula)
                else:
                    v = None
                if v is not None:
                    for k in range(crep):
                        cells.append((c + k, v))
                c += crep
            if cells:
                for k in range(min(rrep, 1000)):
                    for cc, v in cells:
                        grid[(r + k + 1, cc + 1)] = v
            r += rrep
        book[table.get(q("table", "name"))] = grid
    return book


def read_csv(path, meta):
    enc = meta.get("encoding", "utf-8")
    raw = path.read_bytes()
    if enc == "utf-8-sig":
        assert raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    text = raw.decode(enc)
    grid = {}
    raw_numbers = meta.get("numbers") == "raw values"
    for i, row in enumerate(csv.reader(io.StringIO(text), delimiter=meta["delimiter"]), 1):
        for j, s in enumerate(row, 1):
            if s == "":
                continue
            if raw_numbers and re.fullmatch(r"-?\d+(\.\d+)?", s):
                grid[(i, j)] = V("num", num=Decimal(s), text=s)
            elif not raw_numbers and parse_vn(s) is not None:
                grid[(i, j)] = V("num", num=parse_vn(s), text=s)
            else:
                grid[(i, j)] = V("text", text=s)
    return {"csv": grid}


# ---------------------------------------------------------------- helpers

def rc(addr):
    m = re.fullmatch(r"([A-Z]+)(\d+)", addr)
    return int(m.group(2)), column_index_from_string(m.group(1))


def parse_rows(spec):
    out = []
    for part in str(spec).replace("rows", "").split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def number_of(v: V, as_text=False):
    """The number a cell holds: a number, or a Vietnamese number typed as text."""
    if v.kind == "num":
        return v.num
    if v.kind == "text":
        return parse_vn(v.text)
    return None


def part_value(v: V) -> Decimal:
    n = number_of(v)
    return n if n is not None else Decimal(0)


def close(a: Decimal, b: Decimal) -> bool:
    """Equal but for the binary noise of a spreadsheet's cached sum (in the file's unit)."""
    return abs(a - b) <= Decimal("0.0000001")


class Checker:
    def __init__(self):
        self.errors = []
        self.counts = {"files": 0, "base": 0, "mutated": 0, "figures": 0, "totals": 0,
                       "total_cells": 0, "ratio_cells": 0, "numeric_cells": 0, "mutations": 0,
                       "ignored_rows": 0}

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    # ------------------------------------------------------------ per file
    def check(self, ypath: Path):
        y = yaml.safe_load(ypath.read_text(encoding="utf-8"))
        path = HERE / y["file"]
        self.counts["files"] += 1
        ext = path.suffix[1:]
        if ext == "xlsx":
            book = read_xlsx(path)
        elif ext == "ods":
            book = read_ods(path)
        else:
            book = read_csv(path, y["csv"])
        self.file = y["file"]
        self.y = y
        self.book = book
        if "base" in y:
            self.counts["mutated"] += 1
            self.check_mutation(y)
        else:
            self.counts["base"] += 1
        self.check_figures(y)
        self.check_totals(y)
        self.check_ratios(y)
        if "base" not in y:
            self.check_completeness(y)

    def sheet_of(self, item):
        if self.file.endswith(".csv"):
            return "csv"
        name = item.get("sheet") if isinstance(item, dict) else None
        if name is None:
            s = self.y.get("sheet")
            name = s if isinstance(s, str) else None
        if name is None:
            name = next(iter(self.book))
        if name not in self.book:
            self.err(self.file, f"no sheet {name!r}")
            return next(iter(self.book))
        return name

    def grid(self, sheet):
        return self.book[sheet]

    def cell(self, sheet, r, c) -> V:
        return self.book[sheet].get((r, c), EMPTY)

    def header_band(self, sheet, keys=("header", "heading", "title")):
        """Rows listed as headers, headings or titles for a sheet."""
        band = set()
        for ir in self.y.get("ignored_rows") or []:
            if self.sheet_of(ir) != sheet:
                continue
            w = ir["why"]
            if any(k in w for k in keys) and "agency header" not in w:
                band.add(ir["row"])
        return band

    def context_text(self, sheet, r, c, keys=("header", "heading", "title")):
        """Texts that can name a figure's dimensions: its row, the header band above its
        column (nearest text to the left, as merged headers are), the sheet name."""
        g = self.grid(sheet)
        row_texts = [v.text for (rr, cc), v in g.items() if rr == r and v.kind == "text"]
        above = []
        for hr in sorted(self.header_band(sheet, keys)):
            if hr >= r:
                continue
            for cc in range(c, 0, -1):
                v = g.get((hr, cc))
                if v is not None and v.kind == "text":
                    above.append(v.text)
                    break
        return row_texts, above, [sheet]

    # ------------------------------------------------------------ figures
    def check_figures(self, y):
        ctx = y.get("context") or {}
        for f in y.get("figures") or []:
            self.counts["figures"] += 1
            sheet = self.sheet_of(f)
            r, c = rc(f["cell"])
            v = self.cell(sheet, r, c)
            where = f"{self.file}!{sheet}!{f['cell']}"
            unit = f.get("unit") or ctx.get("unit")
            if unit not in UNITS:
                self.err(where, f"unknown unit {unit!r}")
                continue
            if f.get("text"):
                if v.kind == "num" and self.file.endswith(".csv") and v.text == f["text"]:
                    pass
                elif v.kind != "text" or v.text != f["text"]:
                    self.err(where, f"expected text {f['text']!r}, found {v}")
                    continue
            n = number_of(v) if not (v.kind == "num" and v.text and f.get("text")) else parse_vn(v.text)
            if n is None:
                self.err(where, f"no number in the cell: {v}")
                continue
            if (n * UNITS[unit]).quantize(Decimal("0.01")) != Decimal(f["value"]):
                self.err(where, f"{n} × {unit} ≠ {f['value']}")
            # plausible place
            row_texts, above, names = self.context_text(sheet, r, c)
            titles = [self.cell(sheet, ir["row"], cc).text for ir in (y.get("ignored_rows") or [])
                      if self.sheet_of(ir) == sheet for cc in range(1, 12)
                      if self.cell(sheet, ir["row"], cc).kind == "text"]
            # What the officer sets on the import form (the YAML's options)
            # counts as stated: the area, and the measure of a mapped column.
            options = y.get("options") or {}
            stated = [options["area"]] if options.get("area") else []
            everything = fold(" | ".join(row_texts + above + names + titles + stated))
            rowf = fold(" | ".join(row_texts + names))
            if f["content"] != "all":
                keys = [f["content"], f.get("content_text", "")]
                if not any(k and fold(k) in rowf for k in keys):
                    self.err(where, f"content {f['content']!r} not named in the row")
            else:
                keys = [f["area"], f.get("area_text", "")]
                if not any(k and fold(k) in rowf for k in keys) and \
                        not any(k and fold(k) in everything for k in keys):
                    self.err(where, f"area {f['area']!r} not named in the row, sheet name or titles")
            if f["content"] != "all" and not (fold(f["area"]) in everything):
                self.err(where, f"area {f['area']!r} not named in the row, sheet name or titles")
            mk = {"plan": ["ke hoach"], "executed": ["thuc hien", "giai ngan"],
                  "estimate": ["uoc"]}[f["measure"]]
            _, above_hdr, _ = self.context_text(sheet, r, c, keys=("table header",))
            mapped = [m.split("=", 1)[1] for m in (options.get("map_columns") or "").split(";")
                      if m.strip() and re.match(rf"\s*{re.escape(re.sub(r'[0-9]', '', f['cell']))}\s*=", m)]
            head = fold(" | ".join(above_hdr + row_texts + mapped))
            if not any(k in head for k in mk) and not (f["measure"] == "estimate" and "(*)" in head):
                self.err(where, f"measure {f['measure']} not named above the cell or in the row")
            if f["fund"] != "all" and f.get("indicator") == "kinh-phi-khuyen-cong":
                fk = {"kcqg": ["quoc gia", "kcqg"], "kcdp": ["dia phuong", "kcdp"]}[f["fund"]]
                # section headings above (layout 2/3) count too
                sec = []
                g = self.grid(sheet)
                for rr in range(r - 1, 0, -1):
                    t = " ".join(fold(v.text) for (a, b), v in g.items() if a == rr and v.kind == "text")
                    if any(k in t for k in ("quoc gia", "dia phuong")):
                        sec.append(t)
                        break
                if not any(k in fold(" | ".join(above + row_texts + titles + sec)) for k in fk):
                    self.err(where, f"fund {f['fund']} not named above the cell, in the row or title")

    # ------------------------------------------------------------ totals
    def check_totals(self, y):
        for t in y.get("totals") or []:
            self.counts["totals"] += 1
            sheet = self.sheet_of(t)
            where = f"{self.file}!{sheet} total {t['label']!r}"
            observed_ok = True
            pairs = []
            if "row" in t:
                rows = parse_rows(t["of"])
                for col in t["columns"]:
                    ci = column_index_from_string(col)
                    pairs.append(((t["row"], ci), [(r, ci) for r in rows]))
            else:
                cols = [column_index_from_string(x) for x in t["of"].replace("columns", "").strip().split("+")]
                ci = column_index_from_string(t["column"])
                for r in parse_rows(t["rows"]):
                    pairs.append(((r, ci), [(r, c) for c in cols]))
            for (tr, tc), parts in pairs:
                self.counts["total_cells"] += 1
                tv = self.cell(sheet, tr, tc)
                tn = number_of(tv)
                if tn is None:
                    self.err(where, f"{get_column_letter(tc)}{tr} holds no number: {tv}")
                    observed_ok = False
                    continue
                s = sum((part_value(self.cell(sheet, r, c)) for r, c in parts), Decimal(0))
                if not close(tn, s):
                    observed_ok = False
                    listed = {w["cell"] for w in t.get("wrong") or []}
                    if f"{get_column_letter(tc)}{tr}" not in listed:
                        self.err(where, f"{get_column_letter(tc)}{tr} = {tn} ≠ sum {s}, not listed as wrong")
                if t.get("formula") and not self.file.endswith(".csv") and not tv.formula:
                    self.err(where, f"{get_column_letter(tc)}{tr} is not a formula")
            if observed_ok != t["equals_sum"]:
                self.err(where, f"equals_sum is {t['equals_sum']} but the file says {observed_ok}")

    # ------------------------------------------------------------ ratios
    def check_ratios(self, y):
        for ic in y.get("ignored_columns") or []:
            if "check" not in ic or "num" not in ic:
                continue
            sheet = self.sheet_of(ic)
            ci = column_index_from_string(ic["column"])
            ni, di = column_index_from_string(ic["num"]), column_index_from_string(ic["den"])
            wrong = set(ic.get("wrong") or [])
            skip = {ir["row"] for ir in self.y.get("ignored_rows") or []
                    if self.sheet_of(ir) == sheet and "total" not in ir["why"]}
            for (r, c), v in self.grid(sheet).items():
                if c != ci or v.kind != "num" or r in skip:
                    continue
                num, den = number_of(self.cell(sheet, r, ni)), number_of(self.cell(sheet, r, di))
                if num is None or not den:
                    continue
                self.counts["ratio_cells"] += 1
                exp = (num / den * 100).quantize(Decimal("0.1"))
                got = v.num.quantize(Decimal("0.1"))
                addr = f"{ic['column']}{r}"
                if (exp == got) == (addr in wrong):
                    self.err(f"{self.file}!{sheet}!{addr}",
                             f"ratio {got} vs computed {exp}; listed wrong: {addr in wrong}")

    # ------------------------------------------------------------ completeness (base files)
    def check_completeness(self, y):
        ignored_sheets = {s["sheet"] for s in y.get("ignored_sheets") or []}
        figs, totals, nov = {}, set(), set()
        for f in y.get("figures") or []:
            figs[(self.sheet_of(f), *rc(f["cell"]))] = f
        for n in y.get("no_value") or []:
            nov.add((self.sheet_of(n), *rc(n["cell"])))
        for t in y.get("totals") or []:
            sheet = self.sheet_of(t)
            if "row" in t:
                for col in t["columns"]:
                    totals.add((sheet, t["row"], column_index_from_string(col)))
            else:
                for r in parse_rows(t["rows"]):
                    totals.add((sheet, r, column_index_from_string(t["column"])))
        ign_rows = {}
        for ir in y.get("ignored_rows") or []:
            ign_rows[(self.sheet_of(ir), ir["row"])] = ir["why"]
        ign_cols = set()
        for ic in (y.get("ignored_columns") or []) + [c for c in (y.get("columns") or [])
                                                        if c.get("role") in ("year", "note", "unit")]:
            ign_cols.add((self.sheet_of(ic), column_index_from_string(ic["column"])))
        for sheet, g in self.book.items():
            if sheet in ignored_sheets:
                continue
            rows_with_content = {}
            for (r, c), v in g.items():
                if v.kind == "empty" or (v.kind == "text" and not v.text.strip()):
                    continue
                rows_with_content.setdefault(r, []).append(c)
                if v.kind == "num" or (v.kind == "text" and parse_vn(v.text) is not None):
                    self.counts["numeric_cells"] += 1
                    key = (sheet, r, c)
                    if key in figs or key in totals or key in nov or (sheet, r) in ign_rows \
                            or (sheet, c) in ign_cols:
                        continue
                    self.err(f"{self.file}!{sheet}!{get_column_letter(c)}{r}",
                             f"numeric cell {v} not accounted for")
            data_rows = {(s, r) for (s, r, c) in figs} | {(s, r) for (s, r, c) in nov}
            for r in rows_with_content:
                if (sheet, r) in data_rows:
                    if (sheet, r) in ign_rows:
                        self.err(f"{self.file}!{sheet}", f"row {r} holds figures but is listed as ignored")
                    continue
                if (sheet, r) not in ign_rows:
                    self.err(f"{self.file}!{sheet}", f"non-empty row {r} is neither data nor ignored")
                else:
                    self.counts["ignored_rows"] += 1
        for (sheet, r), why in ign_rows.items():
            if sheet in self.book and not any(rr == r for (rr, cc) in self.book[sheet]):
                self.err(f"{self.file}!{sheet}", f"ignored row {r} is empty in the file")

    # ------------------------------------------------------------ mutations
    def check_mutation(self, y):
        self.counts["mutations"] += 1
        m, w = y["mutation"], y.get("where") or {}
        sheet = self.sheet_of(w)
        where = f"{self.file} ({m})"
        if y.get("expect") not in ("refused", "flagged"):
            self.err(where, f"expect must be refused or flagged, not {y.get('expect')!r}")
        d = y.get("detail") or {}
        g = self.grid(sheet)

        def cell_at(addr):
            return self.cell(sheet, *rc(addr))
        if m == "total_off_by_one":
            v = cell_at(w["cell"])
            if number_of(v) is None or not close(number_of(v) - Decimal(d["sum"]), Decimal(d["step"])):
                self.err(where, f"{w['cell']} = {v}, expected {d['sum']} + {d['step']}")
        elif m == "negative_value":
            n = number_of(cell_at(w["cell"]))
            if n is None or n >= 0:
                self.err(where, f"{w['cell']} is not negative: {cell_at(w['cell'])}")
        elif m == "text_in_number_cell":
            v = cell_at(w["cell"])
            if v.kind != "text" or v.text != d["text"] or parse_vn(v.text) is not None:
                self.err(where, f"{w['cell']} should hold the unreadable text {d['text']!r}: {v}")
        elif m == "duplicated_row":
            a, b = w["rows"]
            ra = {c: (v.kind, v.num, v.text) for (r, c), v in g.items() if r == a and not v.formula}
            rb = {c: (v.kind, v.num, v.text) for (r, c), v in g.items() if r == b and not v.formula}
            if ra != rb or not ra:
                self.err(where, f"rows {a} and {b} differ")
        elif m == "header_renamed_unknown":
            v = cell_at(w["cell"])
            if v.kind != "text" or v.text != d["new"]:
                self.err(where, f"{w['cell']} should read {d['new']!r}: {v}")
        elif m == "column_removed":
            maxc = max(c for (r, c) in g)
            if maxc != d["columns_after"]:
                self.err(where, f"the sheet has {maxc} columns, expected {d['columns_after']}")
            texts = [v.text for v in g.values() if v.kind == "text"]
            if d.get("header") in texts:
                self.err(where, f"the header {d['header']!r} is still there")
        elif m in ("unit_line_changed", "unit_line_removed"):
            texts = " | ".join(v.text for v in g.values() if v.kind == "text")
            gone = d.get("old")
            if gone and gone in texts:
                self.err(where, f"{gone!r} is still in the sheet")
            if d.get("new") and d["new"] not in texts:
                self.err(where, f"{d['new']!r} is not in the sheet")
        elif m == "year_conflict":
            texts = [v.text for v in g.values() if v.kind == "text"]
            if "conflict_text" in d:
                v = cell_at(w["cell"])
                if v.kind != "text" or v.text != d["conflict_text"]:
                    self.err(where, f"{w['cell']} should read {d['conflict_text']!r}: {v}")
                others = [t for t in texts if t != d["conflict_text"]] + [sheet]
                if not any(d["title_year"] in t for t in others):
                    self.err(where, f"nothing else says {d['title_year']}")
            else:
                if not any(d["title_year"] in t for t in texts):
                    self.err(where, f"no text says {d['title_year']}")
                col = column_index_from_string(w["column"])
                nums = [number_of(v) for (r, c), v in g.items() if c == col and number_of(v) is not None]
                if not any(n == Decimal(d["column_year"]) for n in nums):
                    self.err(where, f"column {w['column']} does not say {d['column_year']}")
        elif m == "extra_numeric_column_unnamed":
            col = column_index_from_string(w["column"])
            vals = [v for (r, c), v in g.items() if c == col]
            band = self.header_band(sheet)
            if not any(v.kind == "num" for v in vals):
                self.err(where, "the extra column holds no number")
            if any(self.cell(sheet, r, col).kind == "text" for r in band):
                self.err(where, "the extra column has a header")
        else:
            self.err(where, f"unknown mutation {m}")


def main():
    ch = Checker()
    files = sorted(p for p in HERE.glob("[0-9][0-9]-*.yaml"))
    for p in files:
        before = len(ch.errors)
        try:
            ch.check(p)
        except Exception as e:  # a broken file is an error of the corpus
            ch.err(p.name, f"{type(e).__name__}: {e}")
        if VERBOSE:
            print(("ok   " if len(ch.errors) == before else "FAIL ") + p.name)
    for e in ch.errors:
        print("ERROR", e)
    c = ch.counts
    print(f"{c['files']} files checked ({c['base']} base, {c['mutated']} mutated); "
          f"{c['figures']} figures, {c['totals']} totals ({c['total_cells']} total cells), "
          f"{c['ratio_cells']} ratio cells, {c['numeric_cells']} numeric cells accounted for, "
          f"{c['ignored_rows']} ignored rows confirmed, {c['mutations']} mutations verified")
    print(f"{c['files'] - len({e.split(':')[0].split('!')[0].split(' ')[0] for e in ch.errors})} passed, "
          f"{len({e.split(':')[0].split('!')[0].split(' ')[0] for e in ch.errors})} failed")
    return 1 if ch.errors else 0


if __name__ == "__main__":
    sys.exit(main())
