from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from funding.api import load_demo_figures
from news.demo.content import SEED_SLUG, load_demo_content
from news.demo.documents import load_demo_documents_for_articles
from news.demo.images import give_demo_images
from news.snapshots import invalidate_all

DEMO_PASSWORD = "khuyencong-demo-2022"
DEMO_USERS = [
    # username, role (None: superuser)
    ("admin", None),
    ("bientap", "Biên tập viên"),
    ("thuky", "Thư ký tòa soạn"),
    ("solieu", "Cán bộ số liệu"),
]


class Command(BaseCommand):
    help = (
        "Load the demo content (categories, the seed article, synthetic figures "
        "for every province 2020-2025). Idempotent. "
        "With DEBUG on, also creates demo users and prints their credentials."
    )

    def handle(self, *args, **options):
        created = load_demo_content()
        self.stdout.write(
            f"Demo content: {created['categories']} categories and "
            f"{created['articles']} articles created, {created['figures']} figures "
            f"stored, {created['blocks']} data blocks attached (existing ones left "
            "as they are)."
        )
        covers = give_demo_images(body_image_slug=SEED_SLUG)
        self.stdout.write(f"Demo images: {covers} drawn covers added to the library.")
        synthetic = load_demo_figures()
        if synthetic:
            # Written in bulk (no signal): a stored page may show a sum of them.
            invalidate_all()
        self.stdout.write(
            f"Demo figures (synthetic, marked as demo): {synthetic} created."
        )
        documents = load_demo_documents_for_articles()
        self.stdout.write(f"Demo documents (synthetic, marked as demo): {documents}.")
        if settings.DEBUG:
            self.create_demo_users()

    @transaction.atomic
    def create_demo_users(self):
        User = get_user_model()
        for username, role in DEMO_USERS:
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"Demo user '{username}' exists; left unchanged.")
                continue
            if role is None:
                User.objects.create_superuser(username, "", DEMO_PASSWORD)
            else:
                user = User.objects.create_user(
                    username, "", DEMO_PASSWORD, is_staff=True
                )
                user.groups.add(Group.objects.get(name=role))
            self.stdout.write(
                self.style.WARNING(
                    f"Created demo user '{username}' ({role or 'superuser'}) "
                    f"with password '{DEMO_PASSWORD}' (DEBUG only; change it)."
                )
            )
