"""A queryset's SQL compiled once and run again with new values.

Django compiles a queryset to SQL on every evaluation: for a page reading
one row with four tables joined (the article's), building the queryset and
compiling it costs more CPU than the round trip. ``PreparedQuery`` builds
and compiles it once per thread and database, with stand-in values that
nothing stores, finds where they went among the query's parameters, and
then runs the same SQL with the real values, making the rows into models
as the ORM does (its converters, its ``from_db`` and related populators:
the same instances, deferred fields and joined rows).

Checked when compiled: compiled again with other stand-ins, the SQL must be
the same and the parameters differ exactly where the stand-ins went, or the
query is refused (``ImproperlyConfigured``), never run wrong.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from itertools import chain

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router
from django.db.models import QuerySet
from django.db.models.query import ModelIterable, get_related_populators
from django.utils import timezone


class _Compiled:
    """One thread's compiled query on one connection."""

    def __init__(self, queryset: QuerySet, connection, places: dict):
        compiler = queryset.query.get_compiler(connection=connection)
        self.sql, params = compiler.as_sql()
        self.params, self.places = list(params), places
        self.connection, self.compiler = connection, compiler
        klass_info, select = compiler.klass_info, compiler.select
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        self.model, self.start, self.end = klass_info["model"], start, end
        self.init_list = [column[0].target.attname for column in select[start:end]]
        self.populators = get_related_populators(klass_info, select, connection.alias)
        self.converters = compiler.get_converters(
            [column[0] for column in select[: compiler.col_count]]
        )

    def rows(self, values: dict) -> list:
        params = self.params[:]
        for name, positions in self.places.items():
            value = _adapted(self.connection, values[name])
            for position in positions:
                params[position] = value
        with self.connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        return list(rows)

    def models(self, values: dict) -> list:
        alias, found = self.connection.alias, []
        for row in self.rows(values):
            obj = self.model.from_db(alias, self.init_list, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, obj)
            found.append(obj)
        return found


def _adapted(connection, value):
    # What the ORM does to an aware datetime compared with a DateTimeField
    # (a naive one it would read in the current time zone, with a warning).
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            raise ImproperlyConfigured("A prepared query's datetime must be aware")
        return connection.ops.adapt_datetimefield_value(value)
    return value


def _refuse_other_shapes(queryset: QuerySet) -> None:
    """Only what ``_Compiled.models`` makes as the ORM does: model instances
    with their joined rows; no annotations, values() or prefetches."""
    query = queryset.query
    if (
        queryset._iterable_class is not ModelIterable
        or queryset._prefetch_related_lookups
        or query.annotation_select
        or query.extra_select
    ):
        raise ImproperlyConfigured("A prepared query gives model instances only")


class PreparedQuery:
    """``build(**values)``: the queryset (its models, joins and columns
    fixed; only the values given change its parameters). ``stand_ins``
    and ``others``: two sets of values for each name, of the real values'
    types, that no row holds."""

    def __init__(self, build: Callable[..., QuerySet], stand_ins: dict, others: dict):
        self.build, self.stand_ins, self.others = build, stand_ins, others
        self._local = threading.local()
        self._model = None

    def models(self, **values) -> list:
        """The instances ``build(**values)`` gives, in its order."""
        if self._model is None:
            self._model = self.build(**self.stand_ins).model
        connection = connections[router.db_for_read(self._model)]
        # Per database: a replica's readers and the primary's alternate.
        kept = self._local.__dict__.setdefault("compiled", {})
        compiled = kept.get(connection.alias)
        if compiled is None or compiled.connection is not connection:
            compiled = kept[connection.alias] = self._compile(connection)
        return compiled.models(values)

    def _compile(self, connection) -> _Compiled:
        _refuse_other_shapes(self.build(**self.stand_ins))
        first, second = (
            self.build(**values).query.get_compiler(connection=connection).as_sql()
            for values in (self.stand_ins, self.others)
        )
        if first[0] != second[0] or len(first[1]) != len(second[1]):
            raise ImproperlyConfigured("The values change the query's SQL")
        places = {}
        for name, stand_in in self.stand_ins.items():
            adapted = _adapted(connection, stand_in)
            places[name] = [i for i, p in enumerate(first[1]) if p == adapted]
        changed = {
            i
            for i, (a, b) in enumerate(zip(first[1], second[1], strict=True))
            if a != b
        }
        if not all(places.values()) or changed != set(chain(*places.values())):
            raise ImproperlyConfigured("The values' places among the parameters")
        return _Compiled(self.build(**self.stand_ins), connection, places)
