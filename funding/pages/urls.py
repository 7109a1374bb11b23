from django.urls import path

from . import open_data, ranking, series, tilemap, views

app_name = "funding"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("khu-vuc/<slug:slug>/", views.RegionView.as_view(), name="region"),
    path("tinh/<slug:slug>/", views.ProvinceView.as_view(), name="province"),
    path("chi-tiet/<int:pk>/", views.FigureView.as_view(), name="figure"),
    path("nguon/<int:pk>/", views.SourceView.as_view(), name="source"),
    path("du-lieu/", open_data.OpenDataView.as_view(), name="open_data"),
    path("du-lieu.csv", open_data.open_data_csv, name="open_data_csv"),
    path("xep-hang/", ranking.RankingView.as_view(), name="ranking"),
    path("ban-do/", tilemap.TileMapView.as_view(), name="tilemap"),
    path("qua-cac-nam/<slug:code>/", series.SeriesView.as_view(), name="series"),
]
