from pathlib import Path

from django.core.management.base import BaseCommand

from khuyencong.backups import backup


class Command(BaseCommand):
    help = "Back up the database and MEDIA_ROOT into a timestamped pair of files."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default="backups")

    def handle(self, *args, dir, **options):
        dump, media = backup(Path(dir))
        self.stdout.write(f"{dump}\n{media}")
