from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from khuyencong.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup (and its media archive) into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            restore(Path(file))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored {file}")
