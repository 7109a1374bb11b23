"""The demo documents (``funding``'s) related to demo articles."""

from django.db import transaction

from funding.api import load_demo_documents

from ..models import Article

#: How many demo documents each of the newest published articles cites.
PER_ARTICLE = 2


@transaction.atomic
def load_demo_documents_for_articles() -> int:
    """Create the demo documents and relate a couple to each of the three
    newest published articles that cite none yet; return how many
    documents exist of the demo."""
    documents = load_demo_documents()
    articles = Article.objects.published().filter(documents__isnull=True)
    for index, article in enumerate(articles.order_by("-published_at")[:3]):
        start = (index * PER_ARTICLE) % len(documents)
        article.documents.add(*documents[start : start + PER_ARTICLE])
    return len(documents)
