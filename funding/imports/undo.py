"""Undoing an import, set-based: what it created is deleted and what it
changed is put back as it was before it (value, rounding, source, note and
the import that wrote it before, from the figure's history), in a few
statements whatever the size, in one transaction under the import lock.

An undo that would lose a later change (an edit or another import of one
of its figures since) is refused, and says which.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from khuyencong import pagecache

from ..core import page_keys
from ..core.formatting import format_number
from ..core.models import Figure, ImportChange, ImportRecord
from ..core.signals import figures_changed
from .writes import _changed_by, _no_progress, _record_history, lock_import_writes


@dataclass
class UndoSummary:
    """What undoing ``record`` would do, or why it cannot."""

    record: ImportRecord
    deleted: int = 0
    restored: int = 0
    gone: int = 0
    refusal: str = ""
    examples: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.deleted + self.restored


def _tables() -> dict[str, str]:
    quote = connection.ops.quote_name
    return {
        "figure": quote(Figure._meta.db_table),
        "history": quote(Figure.history.model._meta.db_table),
        "change": quote(ImportChange._meta.db_table),
    }


#: Per figure, the first history row the import wrote (``own_row``): what
#: came before it is what an undo puts back; anything after it, a later
#: change an undo would lose. Grouped once, not looked up per figure.
OWN_ROWS = (
    "own AS (SELECT id, MIN(history_id) AS own_row FROM {history} "
    "WHERE last_import_id = %s GROUP BY id)"
)


def _moved_ids(record) -> list[int]:
    """The import's changes whose figure changed since: a history row after
    the import's own, or a value other than the one it wrote."""
    sql = (
        "WITH " + OWN_ROWS + " SELECT c.id FROM {change} c "
        "JOIN {figure} f ON f.id = c.figure_id LEFT JOIN own ON own.id = c.figure_id "
        "WHERE c.record_id = %s AND (f.value <> c.new_value OR EXISTS "
        "(SELECT 1 FROM {history} h WHERE h.id = c.figure_id AND h.history_id > own.own_row)) "
        "ORDER BY c.id"
    ).format(**_tables())
    with connection.cursor() as cursor:
        cursor.execute(sql, [record.pk, record.pk])
        return [row[0] for row in cursor.fetchall()]


def refused_text(record: ImportRecord, reason) -> str:
    """Why an import was not undone, for a message: it starts with words,
    not the file name, which the admin's message list would capitalise."""
    return _("Lần nhập %(record)s: %(reason)s") % {"record": record, "reason": reason}


def undo_summary(record: ImportRecord) -> UndoSummary:
    """Count what an undo of ``record`` would change, and refuse (with the
    reason and up to three examples) when it would lose later changes."""
    summary = UndoSummary(record=record)
    if record.undone_at:
        summary.refusal = _("Lần nhập này đã được hoàn tác.")
        return summary
    counts = ImportChange.objects.filter(record=record).aggregate(
        deleted=models.Count(
            "pk", filter=models.Q(old_value__isnull=True, figure__isnull=False)
        ),
        restored=models.Count(
            "pk", filter=models.Q(old_value__isnull=False, figure__isnull=False)
        ),
        gone=models.Count("pk", filter=models.Q(figure__isnull=True)),
    )
    summary.deleted, summary.restored, summary.gone = (
        counts["deleted"],
        counts["restored"],
        counts["gone"],
    )
    moved = _moved_ids(record)
    count = len(moved)
    if count:
        examples = ImportChange.objects.filter(pk__in=moved[:3]).select_related(
            "figure__indicator", "figure__area"
        )
        for change in examples:
            summary.examples.append(
                _("%(figure)s: lần nhập ghi %(written)s, nay %(now)s")
                % {
                    "figure": change.figure,
                    "written": format_number(change.new_value),
                    "now": format_number(change.figure.value),
                }
            )
        summary.refusal = _(
            "Không thể hoàn tác: %(count)s số liệu đã được sửa sau lần nhập này "
            "(sửa tay hoặc lần nhập sau); hoàn tác sẽ làm mất các thay đổi đó."
        ) % {"count": count}
    return summary


@transaction.atomic
def undo_import(*, record: ImportRecord, user, progress=_no_progress) -> int:
    """Put every figure an import touched back as it was, and record that;
    returns how many figures it put back or deleted.

    Refused (ValueError with the reason) if the import was undone already
    or a later edit or import changed its figures since. Holds the import
    lock, so no confirmation runs between the check and the writes.
    """
    lock_import_writes()
    record = ImportRecord.objects.select_for_update().get(pk=record.pk)
    touched = Figure.objects.filter(
        pk__in=ImportChange.objects.filter(record=record).values("figure_id")
    )
    _lock_touched(record)
    progress(1, 4)
    summary = undo_summary(record)
    if summary.refusal:
        raise ValueError(" ".join([summary.refusal, *summary.examples]))
    reason = _("Hoàn tác lần nhập %(name)s") % {"name": record.file_name}
    # Before anything is deleted: what shows these figures is told.
    figures_changed.send(sender=Figure, figures=touched)
    created = touched.filter(
        pk__in=ImportChange.objects.filter(
            record=record, old_value__isnull=True
        ).values("figure_id")
    )
    shown = page_keys.change_keys(
        page_keys.pairs_of(touched),
        added_or_removed=page_keys.alone_in_their_pairs(created),
    )
    progress(2, 4)
    _restore_changed(record, user=user, reason=reason)
    progress(3, 4)
    _delete_created(record, user=user, reason=reason)
    pagecache.changed(keys=shown)
    record.undone_at = timezone.now()
    record.undone_by = user
    record.save(update_fields=["undone_at", "undone_by"])
    progress(4, 4)
    return summary.total


def _lock_touched(record) -> None:
    """Lock the import's figures against other writers (an edit in the
    admin) until the transaction ends, without fetching them; SQLite has
    one writer, the import lock's holder."""
    if connection.vendor != "postgresql":
        return
    sql = (
        "SELECT count(*) FROM (SELECT f.id FROM {figure} f JOIN {change} c "
        "ON c.figure_id = f.id WHERE c.record_id = %s FOR UPDATE OF f) locked"
    ).format(**_tables())
    with connection.cursor() as cursor:
        cursor.execute(sql, [record.pk])


def _restore_changed(record, *, user, reason) -> None:
    """The figures the import changed get every field back from the history
    row before the import's own (the logged old value when there is none),
    in one UPDATE … FROM."""
    sql = (
        "WITH " + OWN_ROWS + ", "
        "prev AS (SELECT h.id, MAX(h.history_id) AS prev_row FROM {history} h "
        "JOIN own ON own.id = h.id WHERE h.history_id < own.own_row GROUP BY h.id), "
        "restored AS (SELECT c.figure_id, c.old_value, hv.value, hv.rounding, "
        "hv.source_id, hv.note, hv.last_import_id FROM {change} c "
        "LEFT JOIN prev ON prev.id = c.figure_id "
        "LEFT JOIN {history} hv ON hv.history_id = prev.prev_row "
        "WHERE c.record_id = %s AND c.old_value IS NOT NULL AND c.figure_id IS NOT NULL) "
        "UPDATE {figure} SET value = COALESCE(restored.value, restored.old_value), "
        "rounding = COALESCE(restored.rounding, {figure}.rounding), "
        "source_id = COALESCE(restored.source_id, {figure}.source_id), "
        "note = COALESCE(restored.note, {figure}.note), "
        "last_import_id = restored.last_import_id, updated_at = %s "
        "FROM restored WHERE {figure}.id = restored.figure_id"
    ).format(**_tables())
    with connection.cursor() as cursor:
        cursor.execute(sql, [record.pk, record.pk, timezone.now()])
    condition, params = _changed_by(record, created=False)
    _record_history(
        figures=condition, params=params, user=user, reason=reason, history_type="~"
    )


def _delete_created(record, *, user, reason) -> None:
    """Delete the figures the import created, with a history row each; what
    refers to them goes as a figure's delete would take it (each relation's
    ``on_delete``), in a statement per relation."""
    condition, params = _changed_by(record, created=True)
    _record_history(
        figures=condition, params=params, user=user, reason=reason, history_type="-"
    )
    ids = ImportChange.objects.filter(record=record, old_value__isnull=True).values(
        "figure_id"
    )
    nulled = []
    for relation in Figure._meta.related_objects:
        rows = relation.related_model._base_manager.filter(
            **{f"{relation.field.name}__in": ids}
        )
        if relation.on_delete is models.SET_NULL:
            nulled.append((rows, relation.field.name))
        else:  # CASCADE; PROTECT and RESTRICT raise as a figure's delete would
            rows.delete()
    Figure.objects.filter(pk__in=ids)._raw_delete(Figure.objects.db)
    # After the delete, so the import's own log still names what it deletes
    # (foreign keys are checked at commit).
    for rows, name in nulled:
        rows.update(**{name: None})
