"""Reading and writing an upload, apart from django-import-export: what
the task worker (``funding.imports.tasks``) runs for a job and what the
resource (``funding.imports.resources``) runs when called directly.

Both of those import this module; it imports neither of them.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, DataError, IntegrityError
from django.utils.translation import gettext as _

from ..core.models import Area, SourceDocument
from .plan import ImportPlan, plan_file
from .reading import ReadError
from .writes import (
    DATABASE_ERROR,
    UNEXPECTED_ERROR,
    WRITE_CONFLICT_ERROR,
    StalePlanError,
    apply_import,
    is_write_conflict,
)

logger = logging.getLogger(__name__)


def plan_upload(
    data: bytes,
    *,
    file_name: str,
    source: SourceDocument,
    sheet: str | None,
    header_row: int | None,
    year: int | None = None,
    area: int | None = None,
    confirmed: bool = False,
    ignore_columns: str = "",
    map_columns: str = "",
    progress=None,
) -> ImportPlan:
    """Read and validate an upload (``ReadError`` when it cannot be read);
    ``area`` is the primary key of the area chosen on the form."""
    chosen = None
    if area is not None:
        chosen = Area.objects.filter(pk=area).first()
        if chosen is None:
            raise ReadError(_("Địa bàn đã chọn không còn; hãy chọn lại."))
    return plan_file(
        data,
        file_name=file_name,
        source=source,
        sheet=sheet,
        header_row=header_row,
        progress=progress,
        year=year,
        area=chosen,
        confirmed=confirmed,
        ignore_columns=frozenset(filter(None, ignore_columns.split(","))),
        map_columns=map_columns,
    )


def apply_or_explain(plan: ImportPlan, user, progress=None):
    """Write a previewed plan: (the record, "") or, when it was overtaken
    since or the database refused the write, (None, why) and nothing
    written."""
    try:
        record = apply_import(plan=plan, user=user, progress=progress or _quiet)
    except StalePlanError as exc:
        return None, str(exc)
    except IntegrityError as exc:
        if not is_write_conflict(exc):
            # A value the preview let through: ours to fix, not a conflict.
            logger.exception("Import of %r refused by a check", plan.file_name)
            return None, str(UNEXPECTED_ERROR)
        logger.warning("Import of %r refused by the database", plan.file_name)
        return None, str(WRITE_CONFLICT_ERROR)
    except DataError:
        logger.exception(
            "Import of %r holds a value the database refused", plan.file_name
        )
        return None, str(UNEXPECTED_ERROR)
    except DatabaseError:
        logger.exception("Import of %r failed in the database", plan.file_name)
        return None, str(DATABASE_ERROR)
    except Exception:
        logger.exception("Import of %r failed unexpectedly", plan.file_name)
        return None, str(UNEXPECTED_ERROR)
    return record, ""


def _quiet(done, total):
    pass
