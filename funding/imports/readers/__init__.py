"""The readers behind ``funding.imports.reading``: one module per file format, and
``base`` with what they share (the limits, enforced while a file is read).

Why hand-written readers rather than python-calamine (issue 13, item 7),
measured 2026-12-04 with python-calamine 0.9.1 on the fixtures of
tests/fixtures and a 100,000-row XLSX (bench/import_figures.py's file; the
machine shared by several jobs, load ~7 on 2 cores): calamine reads the
sheet in 3.2-3.6 s, these readers in 10.5-12.4 s, of a whole admin import
(preview + confirmation, PostgreSQL) of 34-48 s in those conditions
(main's code: 47.6 s in the same run). Faster reading would not buy
what calamine loses; it does not keep what the import relies on:

- a formula without a cached value comes back as "" (an empty cell), so a
  total LibreOffice never computed would silently be "no value"; these
  readers report its cell (``Rows.formula_cells``);
- a cell formatted as a percentage comes back as a fraction (25% → 0.25),
  which would import as 0,25 tỷ instead of being refused as a ratio;
- the sheet is parsed whole in memory before the first row is seen, so the
  ``IMPORT_MAX_*`` limits (a 910-byte ODS claiming 50 million rows, a cell
  at column AAAAAA) could no longer stop a file while it is read.

So they stay. The XLSX reader uses openpyxl's helpers for number formats
and Excel dates, and matches openpyxl's ``iter_rows(values_only=True)``
values (tests/funding/imports/test_imports.py): ``readers.xlsx_parts``
refuses to load with another openpyxl minor version than the one tested
(``OPENPYXL_TESTED``), so an upgrade is re-tested, not assumed.
"""
