from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Tin tức")

    def ready(self):
        self.connect_page_cache()
        self.connect_figures()
        self.connect_site_version()

    def connect_site_version(self):
        """What each process keeps of the chrome, the most-read list and
        the related articles' cards is read again after a change to what
        they show (``site.shared``)."""
        from .models import Article, Category, LibraryImage, SiteLink, SiteSettings
        from .site import shared

        shared.connect(Article, Category, LibraryImage, SiteLink, SiteSettings)

    def connect_page_cache(self):
        """Each change re-renders only the pages showing it (``page_keys``)."""
        from django.db.models.signals import pre_delete, pre_save

        from funding.api import Figure
        from khuyencong.pagecache import (
            connect,
            register_next_change,
            register_page_keys,
        )

        from . import page_keys
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

        # Connected first: the page cache's receiver reads the mark.
        pre_delete.connect(
            page_keys.remember_deletion,
            sender=Article,
            dispatch_uid="news-pagecache-article-deleted",
        )
        connect(Article, keys=page_keys.article_keys)
        pre_save.connect(
            page_keys.remember_before,
            sender=Article,
            dispatch_uid="news-pagecache-article-before",
        )
        connect(ArticleImage, Correction, keys=page_keys.part_keys)
        connect(DataBlock, keys=page_keys.block_keys)
        # A category is in every page's menu.
        connect(Category)
        connect(Figure, keys=page_keys.figure_keys)
        pre_save.connect(
            page_keys.remember_users,
            sender=Figure,
            dispatch_uid="news-pagecache-figure-users-before",
        )
        for view_name, function in page_keys.PAGES.items():
            register_page_keys(view_name, function)
        # The portal's chrome and the image library show on every page.
        connect(LibraryImage, SiteLink, SiteSettings, Tag)
        # A scheduled article goes public at its time, with no save.
        register_next_change(Article.objects.next_publication)

    def connect_figures(self):
        """What a changed figure does to the articles quoting it."""
        from funding.api import figures_changed, register_figure_users

        from .bindings import recheck_bindings
        from .figure_check import articles_using
        from .services import flag_articles_for_review
        from .snapshots import connect as connect_snapshots
        from .snapshots import figures_changed as stale_snapshots

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
