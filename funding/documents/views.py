"""The documents library's public pages at ``/van-ban/``: the list (filters
and search), a document's page and its files. Every one reads documents
through ``SourceDocument.objects.published()``."""

from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from khuyencong.params import QueryParametersMixin

from .files import FileKind
from .models import DocumentFile, SourceDocument
from .params import DocumentQuery

PAGE_SIZE = 20
#: How many citing articles a document's page lists.
ARTICLES_SHOWN = 20
CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument"
    ".wordprocessingml.document",
    FileKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class DocumentListView(QueryParametersMixin, ListView):
    template_name = "funding/documents/list.html"
    context_object_name = "documents"
    paginate_by = PAGE_SIZE
    query_form_class = DocumentQuery

    def get_queryset(self):
        documents = SourceDocument.objects.published()
        params = self.params
        if params["q"]:
            documents = documents.search(params["q"])
        if params["loai"]:
            documents = documents.filter(kind=params["loai"])
        if params["co_quan"]:
            documents = documents.filter(issuer=params["co_quan"])
        if params["nam"]:
            documents = documents.filter(issued_on__year=params["nam"])
        # Undated documents last on both databases; the key makes pages stable.
        newest_first = F("issued_on").desc(nulls_last=True)
        return (
            documents.order_by(newest_first, "-published_at", "-pk")
            .defer("search_text", "note")
            .prefetch_related("files")
        )

    def get_context_data(self, **kwargs):
        published = SourceDocument.objects.published()
        return super().get_context_data(
            params=self.params,
            filtered=any(v for k, v in self.params.items() if k != "page"),
            kinds=SourceDocument.Kind.choices,
            agencies=published.exclude(issuer="")
            .order_by("issuer")
            .values_list("issuer", flat=True)
            .distinct(),
            years=[d.year for d in published.dates("issued_on", "year", "DESC")],
            **kwargs,
        )


class DocumentDetailView(DetailView):
    template_name = "funding/documents/detail.html"
    context_object_name = "document"

    def get_queryset(self):
        return SourceDocument.objects.published().prefetch_related("files")

    def get_context_data(self, **kwargs):
        document = self.object
        articles = document.articles.published().order_by("-published_at", "-id")
        return super().get_context_data(
            articles=articles.only("title", "slug", "published_at")[:ARTICLES_SHOWN],
            has_figures=document.figures.exists(),
            **kwargs,
        )


def document_file(request, slug: str, pk: int):
    """A file of a published document: a PDF opens in the browser, a DOCX
    or XLSX downloads."""
    file = get_object_or_404(
        DocumentFile.objects.select_related("document"),
        pk=pk,
        document__slug=slug,
        document__in=SourceDocument.objects.published(),
    )
    try:
        handle = file.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(
        handle,
        as_attachment=file.kind != FileKind.PDF,
        filename=file.filename,
        content_type=CONTENT_TYPES.get(file.kind, "application/octet-stream"),
    )
