from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from funding.models import DocumentFile, SourceDocument

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
#: Made by LibreOffice (Calc) from a two-row CSV: its PDF export, its XLSX.
PDF = (FIXTURES / "bang-ke.pdf").read_bytes()
XLSX = (FIXTURES / "bang-ke.xlsx").read_bytes()


@pytest.fixture
def make_document(db):
    counter = {"n": 0}

    def make(files=("pdf",), **fields):
        counter["n"] += 1
        n = counter["n"]
        defaults = {
            "title": f"Văn bản thử số {n}",
            "number": f"{n}/QĐ-THU",
            "kind": SourceDocument.Kind.DECISION,
            "issuer": "Sở Công Thương tỉnh Thử",
            "issued_on": date(2026, 1, 1) + timedelta(days=n),
            "is_published": True,
            "published_at": timezone.now() - timedelta(hours=n),
        }
        defaults.update(fields)
        document = SourceDocument.objects.create(**defaults)
        for kind in files:
            content = PDF if kind == "pdf" else XLSX
            file = DocumentFile(document=document)
            file.file.save(f"tep-{n}.{kind}", ContentFile(content), save=True)
        return document

    return make
