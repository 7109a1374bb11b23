from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Tin tức")

    def ready(self):
        from khuyencong.pagecache import connect, register_next_change

        from .models import Article, ArticleImage, Category, Correction

        connect(Article, ArticleImage, Category, Correction)
        # A scheduled article goes public at its time, with no save.
        register_next_change(Article.objects.next_publication)
