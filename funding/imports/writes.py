"""Writing an import plan, and undoing it: one transaction each, under the
lock that lets one confirmation or undo run at a time, with bulk writes and
each figure's history; the import is recorded so it can be undone.
"""

from __future__ import annotations

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from khuyencong import pagecache

from ..core import page_keys
from ..core.formatting import format_number
from ..core.models import Figure, ImportChange, ImportRecord
from ..core.signals import figures_changed
from .plan import ImportPlan, PlannedFigure
from .stored import KEY_FIELDS, figure_label, stored_state
from .words import Lookups

NEW_COLUMNS = (
    "created_at",
    "updated_at",
    *KEY_FIELDS,
    "value",
    "rounding",
    "source_id",
    "note",
    "last_import_id",
)


def _copy_text(text: str) -> str:
    """A text as COPY's text format writes it (the row's "Ghi chú")."""
    if not text:
        return ""
    return (
        text.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )


def _insert_new(new: list[PlannedFigure], record: ImportRecord) -> None:
    """Insert new figures: COPY on PostgreSQL, ``bulk_create`` elsewhere."""
    now = timezone.now()
    if connection.vendor == "postgresql":
        columns = ", ".join(
            Figure._meta.get_field(name.removesuffix("_id")).column
            for name in NEW_COLUMNS
        )
        # The raw psycopg cursor bypasses Django's translation of database
        # errors: restore it, so a unique violation is an IntegrityError.
        with (
            connection.wrap_database_errors,
            connection.cursor() as cursor,
            cursor.cursor.copy(
                f"COPY {Figure._meta.db_table} ({columns}) FROM STDIN"
            ) as copy,
        ):
            # COPY's text format written directly: psycopg's write_row adapts
            # each value on its own and was most of the time of this step.
            # Every value is a number, a date or one of our codes: nothing
            # to escape.
            stamp = now.isoformat()
            tail = f"\t{record.pk}\n"
            for start in range(0, len(new), 10000):
                copy.write(
                    "".join(
                        f"{stamp}\t{stamp}\t{k[0]}\t{k[1]}\t{k[2]}\t{k[3]}\t{k[4]}"
                        f"\t{k[5]}\t{k[6].isoformat()}\t{k[7]}\t{p.value}"
                        f"\t{p.rounding}\t{p.source_id}\t{_copy_text(p.note)}{tail}"
                        for p in new[start : start + 10000]
                        for k in (p.key,)
                    )
                )
        return
    figures = []
    for p in new:
        figure = p.figure
        figure.last_import = record
        figures.append(figure)
    Figure.objects.bulk_create(figures, batch_size=5000)


HISTORY_META = {
    "history_id",
    "history_date",
    "history_change_reason",
    "history_type",
    "history_user_id",
}


def _record_history(*, figures: str, params: list, user, reason, history_type) -> None:
    """History rows for the figures an import writes or an undo puts back,
    in one INSERT … SELECT; ``figures`` is a SQL condition on the figure
    table (with ``params``).

    Building a historical object per figure in Python is what made bulk
    imports slow; the database copies the rows itself. The columns are read
    from django-simple-history's own model, so they follow its schema.
    """
    history = Figure.history.model
    columns = [
        f.column for f in history._meta.concrete_fields if f.column not in HISTORY_META
    ]
    figure_table = Figure._meta.db_table
    select = ", ".join(f"{figure_table}.{c}" for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {history._meta.db_table} "
            f"({', '.join(columns)}, history_date, history_change_reason, history_type, history_user_id) "
            f"SELECT {select}, %s, %s, %s, %s FROM {figure_table} WHERE {figures}",
            [timezone.now(), str(reason), history_type, user.pk, *params],
        )


def _written_by(record, *, only_unlogged: bool = False) -> tuple[str, list]:
    """The figures ``record`` wrote last, as a condition for
    ``_record_history``; ``only_unlogged``: not those it logged already."""
    figure_table = Figure._meta.db_table
    condition = f"{figure_table}.last_import_id = %s"
    params = [record.pk]
    if only_unlogged:
        condition += (
            f" AND {figure_table}.id NOT IN (SELECT figure_id FROM "
            f"{ImportChange._meta.db_table} WHERE record_id = %s AND figure_id IS NOT NULL)"
        )
        params.append(record.pk)
    return condition, params


def _changed_by(record, *, created: bool) -> tuple[str, list]:
    """The figures ``record`` created (``created``) or changed, as a
    condition for ``_record_history``."""
    old = "IS NULL" if created else "IS NOT NULL"
    return (
        f"{Figure._meta.db_table}.id IN (SELECT figure_id FROM "
        f"{ImportChange._meta.db_table} WHERE record_id = %s AND old_value {old})",
        [record.pk],
    )


#: Shown when reading or writing an import fails in a way no rule foresaw;
#: the traceback goes to the log.
UNEXPECTED_ERROR = gettext_lazy(
    "Có lỗi không lường trước khi xử lý tệp; không ghi gì. Lỗi đã được ghi lại "
    "cho quản trị viên; hãy kiểm tra tệp hoặc báo cho quản trị viên."
)


#: The database refused a write (another writer stored one of the figures,
#: or removed an area or a source, after the checks); all was rolled back.
WRITE_CONFLICT_ERROR = gettext_lazy(
    "Dữ liệu vừa bị thay đổi trong lúc ghi (có người ghi cùng số liệu hoặc xoá "
    "dữ liệu tham chiếu); không ghi gì. Hãy xem trước lại."
)
#: The database failed (busy, restarted); all was rolled back.
DATABASE_ERROR = gettext_lazy(
    "Cơ sở dữ liệu đang bận hoặc gặp lỗi; không ghi gì. Hãy thử lại sau ít phút."
)


#: What only another writer can cause: a figure stored under the same key,
#: a referenced row deleted (PostgreSQL's codes; SQLite's words). Any other
#: refusal is a value the preview should have refused.
_CONFLICT_STATES = {"23505", "23503"}
_CONFLICT_WORDS = ("UNIQUE constraint failed", "FOREIGN KEY constraint failed")


def is_write_conflict(exc: IntegrityError) -> bool:
    """Whether the database refused a write because of another writer."""
    state = getattr(exc.__cause__, "sqlstate", None)
    if state is not None:
        return state in _CONFLICT_STATES
    return str(exc).startswith(_CONFLICT_WORDS)


class StalePlanError(ValueError):
    """The figures an import would write changed since its preview; the
    message says how many, with examples, in Vietnamese."""


#: The key of PostgreSQL's advisory lock held by import confirmations and
#: undos ("kcim"); any constant no other code uses.
IMPORT_LOCK_KEY = 0x6B63696D


def lock_import_writes() -> None:
    """Hold, until the transaction ends, the lock that lets one import
    confirmation or undo run at a time, so each reads what the previous one
    committed.

    PostgreSQL: a transaction-level advisory lock. SQLite lets one writer at
    a time but starts transactions as readers; a write (of no row) makes
    this one the writer now, before it reads anything.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])
        else:
            cursor.execute(
                f"UPDATE {ImportRecord._meta.db_table} SET id = id WHERE 0 = 1"
            )


def _lock_figures(pks: list[int]) -> None:
    """Lock stored figures against other writers (an edit in the admin)
    until the transaction ends; a no-op on SQLite, which has one writer."""
    for start in range(0, len(pks), 10000):
        list(
            Figure.objects.select_for_update()
            .filter(pk__in=pks[start : start + 10000])
            .order_by("pk")
            .values_list("pk", flat=True)
        )


def check_still_current(plan: ImportPlan) -> None:
    """Refuse (StalePlanError) a plan whose figures are no longer stored as
    its preview found them: absent, or with the same id, value and rounding.

    Called with the import lock held and the rows to change locked, so
    nothing changes between this check and the writes.
    """
    stored = stored_state(plan.figures)
    moved = [p for p in plan.figures if stored.get(p.key) != p.before]
    if not moved:
        return
    by_id = Lookups().by_id()
    examples = []
    for planned in moved[:3]:
        now = stored.get(planned.key)
        examples.append(
            _("dòng %(row)s, %(figure)s: lúc xem trước %(before)s, nay %(now)s")
            % {
                "row": planned.row,
                "figure": figure_label(planned, by_id),
                "before": _stored_text(planned.before),
                "now": _stored_text(now),
            }
        )
    raise StalePlanError(
        _(
            "%(count)s số liệu đã thay đổi từ lúc xem trước (ví dụ: %(examples)s); "
            "không ghi gì. Hãy xem trước lại."
        )
        % {"count": len(moved), "examples": "; ".join(examples)}
    )


def _stored_text(state: tuple | None) -> str:
    if state is None:
        return _("chưa có")
    return format_number(state[1], 2)


def _no_progress(done: int, total: int) -> None:
    """What ``progress`` is when nobody watches."""


@transaction.atomic
def apply_import(*, plan: ImportPlan, user, progress=_no_progress) -> ImportRecord:
    """Write a valid plan in one transaction and record it.

    Under the import lock, and with the stored figures it changes locked,
    the plan is first held to what its preview compared with
    (``check_still_current``): a plan overtaken by another import or an
    edit writes nothing. New figures are bulk-created and changed ones
    bulk-updated; their history rows and the import's change log are
    written by the database from the rows themselves. Unchanged rows write
    nothing. ``progress(done, total)`` is told after each step.
    """
    if plan.errors:
        raise ValueError("an import with errors cannot be applied")
    lock_import_writes()
    new = [p for p in plan.figures if p.status == "new"]
    changed = [p for p in plan.figures if p.status == "changed"]
    _lock_figures([p.pk for p in changed])
    progress(1, 4)
    check_still_current(plan)
    record = ImportRecord.objects.create(
        file_name=plan.file_name,
        sha256=plan.sha256,
        sheet=plan.sheet,
        user=user,
        created_count=len(new),
        changed_count=len(changed),
        unchanged_count=plan.count("unchanged"),
    )
    reason = _("Nhập từ tệp %(name)s") % {"name": plan.file_name}
    progress(2, 4)
    if new:
        _write_new(new, record=record, user=user, reason=reason)
    # Only the new figures are marked with this import yet.
    first = page_keys.alone_in_their_pairs(Figure.objects.filter(last_import=record))
    progress(3, 4)
    if changed:
        _write_changed(changed, record=record, user=user, reason=reason)
    imported = Figure.objects.filter(last_import=record)
    figures_changed.send(sender=Figure, figures=imported)
    # Bulk writes send no signals: the public pages showing figures change.
    pagecache.changed(
        keys=page_keys.change_keys(page_keys.pairs_of(imported), added_or_removed=first)
    )
    progress(4, 4)
    return record


def _write_new(new: list[PlannedFigure], *, record, user, reason) -> None:
    """Insert the new figures, their history and the import's log of them."""
    _insert_new(new, record)
    condition, params = _written_by(record)
    _record_history(
        figures=condition, params=params, user=user, reason=reason, history_type="+"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {ImportChange._meta.db_table} (record_id, figure_id, old_value, new_value) "
            f"SELECT %s, id, NULL, value FROM {Figure._meta.db_table} WHERE last_import_id = %s",
            [record.pk, record.pk],
        )


def _write_changed(changed: list[PlannedFigure], *, record, user, reason) -> None:
    """Update the changed figures, then their history and the import's log."""
    now = timezone.now()
    figures = []
    for planned in changed:
        # Only the written fields matter to bulk_update: a partial
        # instance with the stored id stands for the row.
        figure = planned.figure
        figure.last_import, figure.updated_at = record, now
        figures.append(figure)
    Figure.objects.bulk_update(
        figures,
        ["value", "rounding", "source", "note", "last_import", "updated_at"],
        batch_size=2000,
    )
    condition, params = _written_by(record, only_unlogged=True)
    _record_history(
        figures=condition, params=params, user=user, reason=reason, history_type="~"
    )
    ImportChange.objects.bulk_create(
        [
            ImportChange(
                record=record,
                figure=p.figure,
                old_value=p.old_value,
                new_value=p.figure.value,
            )
            for p in changed
        ],
        batch_size=5000,
    )
