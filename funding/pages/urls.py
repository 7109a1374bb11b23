from django.urls import path

from . import views

app_name = "funding"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("khu-vuc/<slug:code>/", views.RegionView.as_view(), name="region"),
    path("tinh/<slug:code>/", views.ProvinceView.as_view(), name="province"),
    path("chi-tiet/<int:pk>/", views.FigureView.as_view(), name="figure"),
    path("nguon/<int:pk>/", views.SourceView.as_view(), name="source"),
    path("du-lieu/", views.OpenDataView.as_view(), name="open_data"),
    path("du-lieu.csv", views.open_data_csv, name="open_data_csv"),
]
