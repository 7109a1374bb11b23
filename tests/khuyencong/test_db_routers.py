from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpResponse
from django.test import RequestFactory

from khuyencong.db_routers import PublicReadsMiddleware, PublicReadsRouter
from news.models import Article

router = PublicReadsRouter()


def database_read_during(request) -> str:
    seen = {}

    def view(request):
        seen["db"] = router.db_for_read(Article)
        return HttpResponse()

    PublicReadsMiddleware(view)(request)
    return seen["db"]


def request(method="get", path="/", user=None):
    made = getattr(RequestFactory(), method)(path)
    made.user = user or AnonymousUser()
    return made


def test_anonymous_public_reads_use_the_replica():
    assert database_read_during(request()) == "replica"
    assert database_read_during(request(path="/so-lieu/")) == "replica"


def test_everything_else_uses_the_primary():
    staff = User(username="staff", is_staff=True)
    assert database_read_during(request(user=staff)) == "default"
    assert database_read_during(request(path="/admin/")) == "default"
    assert database_read_during(request(method="post")) == "default"
    # After a request, and outside any, reads go to the primary.
    assert router.db_for_read(Article) == "default"
    assert router.db_for_write(Article) == "default"
    assert router.allow_migrate("replica", "news") is False
