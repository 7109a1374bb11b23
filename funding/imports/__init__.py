"""The spreadsheet pipeline: importing figures from XLSX, ODS and CSV, and
the spreadsheets the portal hands out. This module holds its entry points.

Reading is ``reading`` (with a streaming reader per format in ``readers``);
the words of a spreadsheet and the reference data they name are ``words``;
validating every row and comparing it with what is stored (the plan a
preview shows) is ``plan``; writing a plan, or undoing it, under the import
lock is ``writes``. Nothing is written unless every row is valid, and then
in one transaction; a confirmation writes only what its preview compared
with. django-import-export's glue is ``resources``, ``spool`` (the plan
kept between preview and confirmation) and ``forms``; the template
workbook and the long layout are ``spreadsheets``.

May import ``funding.core`` only (an import-linter contract); knows
neither the pages nor the checker.
"""

from .plan import (
    MAX_ERRORS,
    ImportPlan,
    PlannedFigure,
    RowError,
    plan_file,
    plan_import,
)
from .stored import (
    KEY_FIELDS,
    PREVIEW_ROWS,
    compare_with_stored,
    figure_label,
    stored_state,
)
from .undo import UndoSummary, undo_import, undo_summary
from .words import KNOWN
from .writes import (
    DATABASE_ERROR,
    IMPORT_LOCK_KEY,
    UNEXPECTED_ERROR,
    WRITE_CONFLICT_ERROR,
    StalePlanError,
    apply_import,
    check_still_current,
    is_write_conflict,
    lock_import_writes,
)

__all__ = [
    "DATABASE_ERROR",
    "IMPORT_LOCK_KEY",
    "KEY_FIELDS",
    "KNOWN",
    "MAX_ERRORS",
    "PREVIEW_ROWS",
    "UNEXPECTED_ERROR",
    "WRITE_CONFLICT_ERROR",
    "ImportPlan",
    "PlannedFigure",
    "RowError",
    "StalePlanError",
    "UndoSummary",
    "apply_import",
    "check_still_current",
    "is_write_conflict",
    "compare_with_stored",
    "figure_label",
    "lock_import_writes",
    "plan_file",
    "plan_import",
    "stored_state",
    "undo_import",
    "undo_summary",
]
