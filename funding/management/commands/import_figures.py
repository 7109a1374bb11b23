from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from funding.imports import apply_import, plan_file
from funding.models import SourceDocument
from funding.reading import ReadError


class Command(BaseCommand):
    help = (
        "Import funding figures from an XLSX or CSV file with the same validation "
        "and writing code as the admin. Exits non-zero when errors stop the import."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--sheet", help="sheet name (XLSX; default: the first)")
        parser.add_argument("--header-row", type=int, help="row number of the header")
        parser.add_argument("--dry-run", action="store_true", help="validate only")
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
        try:
            source, _ = SourceDocument.objects.get_or_create(title=title)
            plan = plan_file(
                path.read_bytes(),
                file_name=path.name,
                source=source,
                sheet=options["sheet"],
                header_row=options["header_row"],
                progress=self._progress,
            )
        except ReadError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write("")
        for error in plan.errors:
            self.stderr.write(str(error))
        self.stdout.write(
            f"{len(plan.figures)} số liệu: {plan.count('new')} mới, "
            f"{plan.count('changed')} thay đổi, {plan.count('unchanged')} không đổi; "
            f"{len(plan.errors)} lỗi."
        )
        if plan.errors:
            raise CommandError("Có lỗi: không ghi gì vào cơ sở dữ liệu.")
        if options["dry_run"]:
            self.stdout.write("Chạy thử (--dry-run): không ghi gì.")
            return
        user = self._user(options["user"])
        record = apply_import(plan=plan, user=user)
        self.stdout.write(self.style.SUCCESS(f"Đã nhập: lần nhập số {record.pk}."))

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
