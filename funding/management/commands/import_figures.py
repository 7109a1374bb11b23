import hashlib
import logging
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, DataError, IntegrityError, transaction

from funding.imports import (
    DATABASE_ERROR,
    KNOWN,
    UNEXPECTED_ERROR,
    WRITE_CONFLICT_ERROR,
    StalePlanError,
    apply_import,
    is_write_conflict,
    plan_import,
)
from funding.imports.forms import column_letters_of
from funding.imports.reading import ReadError, read_table
from funding.imports.report_options import report_context
from funding.imports.words import area_match_key
from funding.models import Area, SourceDocument

logger = logging.getLogger(__name__)


def _letters(options) -> frozenset[str]:
    try:
        return column_letters_of(options["ignore_columns"])
    except ValidationError as exc:
        raise CommandError(" ".join(exc.messages)) from exc


def _context(options) -> dict:
    """What the officer says about a report, before anything is read."""
    letters, area = _letters(options), _area(options["area"])
    try:
        return report_context(
            year=options["year"],
            area=area,
            ignore_columns=letters,
            map_columns=";".join(options["map_column"]),
        )
    except ReadError as exc:
        raise CommandError(str(exc)) from exc


def _area(name: str | None) -> Area | None:
    """The area named on the command line, by code, slug or a name."""
    if not name:
        return None
    key = area_match_key(name)
    found = [
        a
        for a in Area.objects.order_by("valid_from")
        if name in (a.code, a.slug)
        or key
        in {area_match_key(n) for n in (a.name, a.short_name, *a.aliases.splitlines())}
    ]
    if len({a.pk for a in found}) != 1:
        raise CommandError(
            f"--area {name}: không tìm thấy đúng một địa bàn; hãy ghi mã địa bàn"
            + (f" ({', '.join(a.code for a in found)})." if found else ".")
        )
    return found[0]


class Command(BaseCommand):
    help = (
        "Import funding figures from an XLSX or CSV file with the same validation "
        "and writing code as the admin. Exits non-zero when errors stop the import."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--sheet",
            help="sheet name (XLSX, ODS; default: the sheet holding the data)",
        )
        parser.add_argument("--header-row", type=int, help="row number of the header")
        parser.add_argument("--dry-run", action="store_true", help="validate only")
        parser.add_argument(
            "--confirm",
            action="store_true",
            help="import although the file has warnings (totals that do not add up, "
            "implausible values), after reading them",
        )
        parser.add_argument(
            "--year", type=int, help="the report's year (must agree with the file)"
        )
        parser.add_argument(
            "--area",
            help="the report's area (code or name) when the file names none; must "
            "agree with the file",
        )
        parser.add_argument(
            "--map-column",
            action="append",
            default=[],
            help="read a column the importer does not understand, e.g. "
            "'H=Thực hiện/KCQG' (repeatable)",
        )
        parser.add_argument(
            "--ignore-columns",
            default="",
            help="columns of a report not to read, confirmed not wanted (e.g. J,K)",
        )
        parser.add_argument(
            "--source",
            help="title of the source document (default: the file name)",
        )
        parser.add_argument(
            "--user", required=False, help="username recorded as importer"
        )

    def handle(self, *args, **options):
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Không có tệp {path}.")
        title = options["source"] or f"Tệp nhập: {path.name}"
        self.stdout.write(f"Đọc {path.name} …")
        data = path.read_bytes()
        context = _context(options)
        try:
            # Read before anything touches the database; nothing is written,
            # not even the source document, unless the whole file is applied.
            table = read_table(
                data,
                path.name,
                KNOWN,
                sheet=options["sheet"],
                header_row=options["header_row"],
                context=context,
            )
            source = SourceDocument.objects.filter(title=title).first()
            plan = plan_import(
                table,
                file_name=path.name,
                sha256=hashlib.sha256(data).hexdigest(),
                source=source or SourceDocument(title=title),
                progress=self._progress,
                confirmed=options["confirm"],
            )
        except ReadError as exc:
            raise CommandError(str(exc)) from exc
        except Exception as exc:
            logger.exception("Reading the import file %s failed", path)
            raise CommandError(str(UNEXPECTED_ERROR)) from exc
        self.stdout.write("")
        for error in plan.errors:
            self.stderr.write(str(error))
        self.stdout.write(
            f"{len(plan.figures)} số liệu: {plan.count('new')} mới, "
            f"{plan.count('changed')} thay đổi, {plan.count('unchanged')} không đổi; "
            f"{len(plan.errors)} lỗi."
        )
        if plan.stopped_at:
            self.stderr.write(
                f"Dừng kiểm tra ở dòng {plan.stopped_at} sau {len(plan.errors)} lỗi."
            )
        self._stop_unless_clean(plan, dry_run=options["dry_run"])
        if options["dry_run"]:
            self.stdout.write("Chạy thử (--dry-run): không ghi gì.")
            return
        user = self._user(options["user"])
        record = self._write(plan, source or SourceDocument(title=title), user, path)
        self.stdout.write(self.style.SUCCESS(f"Đã nhập: lần nhập số {record.pk}."))

    def _write(self, plan, source, user, path):
        """Apply the plan; a refused write is a CommandError saying why."""
        try:
            return self._apply(plan, source, user)
        except StalePlanError as exc:
            raise CommandError(str(exc)) from exc
        except IntegrityError as exc:
            if not is_write_conflict(exc):
                # A value the checks let through: ours to fix, not a conflict.
                logger.exception("Writing the import of %s was refused", path)
                raise CommandError(str(UNEXPECTED_ERROR)) from exc
            raise CommandError(str(WRITE_CONFLICT_ERROR)) from exc
        except DataError as exc:
            logger.exception("Writing the import of %s was refused", path)
            raise CommandError(str(UNEXPECTED_ERROR)) from exc
        except DatabaseError as exc:
            logger.exception("Writing the import of %s failed", path)
            raise CommandError(str(DATABASE_ERROR)) from exc

    def _stop_unless_clean(self, plan, *, dry_run: bool) -> None:
        """List what the file did not use; stop at errors, and (to write) at
        warnings unless confirmed."""
        for line in plan.unused:
            self.stdout.write(line)
        for warning in plan.warnings:
            self.stderr.write(f"Cảnh báo: {warning}")
        if plan.errors:
            raise CommandError("Có lỗi: không ghi gì vào cơ sở dữ liệu.")
        if plan.warnings and not plan.confirmed and not dry_run:
            raise CommandError(
                "Có cảnh báo: không ghi gì. Xem lại rồi chạy lại với --confirm để vẫn nhập."
            )

    @transaction.atomic
    def _apply(self, plan, source, user):
        if source.pk is None:
            source.save()
            for planned in plan.figures:
                planned.source_id = source.pk
        return apply_import(plan=plan, user=user)

    def _progress(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        self.stdout.write(
            f"\rKiểm tra [{'#' * filled}{'.' * (width - filled)}] {done}/{total} dòng",
            ending="",
        )
        self.stdout.flush()

    def _user(self, username):
        User = get_user_model()
        if username:
            try:
                return User.objects.get(username=username)
            except User.DoesNotExist as exc:
                raise CommandError(f"Không có người dùng {username}.") from exc
        user = User.objects.filter(is_superuser=True).order_by("pk").first()
        if user is None:
            raise CommandError("Hãy chỉ định --user (không có tài khoản quản trị nào).")
        return user
