"""The portal's URLconf with the load benchmark's yardstick in front."""

from django.urls import path

from khuyencong.urls import urlpatterns as portal_urlpatterns

from .views import bench_bytes

urlpatterns = [
    path("__bench/bytes/<int:size>", bench_bytes, name="bench_bytes"),
    *portal_urlpatterns,
]
