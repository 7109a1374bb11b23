from django.urls import path

from . import beacon, feeds, views

app_name = "news"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("tin-tuc/", views.ArticleListView.as_view(), name="list"),
    path("tin-tuc/<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("chuyen-muc/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("chuyen-muc/<slug:slug>/rss/", feeds.CategoryFeed(), name="category_feed"),
    path("the/<slug:slug>/", views.TagView.as_view(), name="tag"),
    # Where a reader's browser tells that an article was opened (POST only).
    path("doc/<int:pk>/", beacon.read_beacon, name="read"),
    path("tim-kiem/", views.SearchView.as_view(), name="search"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    # Among the figures' pages (/so-lieu/), as before data blocks were news'.
    path("so-lieu/bang/<int:pk>.csv", views.block_csv, name="block_csv"),
]
