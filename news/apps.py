from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Tin tức")

    def ready(self):
        from funding.api import figures_changed, register_figure_users
        from khuyencong.pagecache import connect, register_next_change

        from .bindings import recheck_bindings
        from .figure_check import articles_using
        from .models import (
            Article,
            ArticleImage,
            Category,
            Correction,
            DataBlock,
            LibraryImage,
            SiteLink,
            SiteSettings,
            Tag,
        )
        from .services import flag_articles_for_review
        from .snapshots import connect as connect_snapshots
        from .snapshots import figures_changed as stale_snapshots

        connect(
            Article,
            ArticleImage,
            Category,
            Correction,
            DataBlock,
            LibraryImage,
            SiteLink,
            SiteSettings,
            Tag,
        )
        # A scheduled article goes public at its time, with no save.
        register_next_change(Article.objects.next_publication)
        # A changed figure puts the published articles showing it up for
        # review; a figure's page lists them.
        figures_changed.connect(
            flag_articles_for_review, dispatch_uid="news-flag-articles-for-review"
        )
        # ... and its quotes are read again (a scheduled article held back
        # if its data now contradicts it), the bindings reading it to be
        # confirmed again.
        figures_changed.connect(
            recheck_bindings, dispatch_uid="news-recheck-figure-bindings"
        )
        register_figure_users(articles_using)
        # What an article's page shows is computed when it changes.
        connect_snapshots()
        figures_changed.connect(stale_snapshots, dispatch_uid="news-stale-snapshots")
