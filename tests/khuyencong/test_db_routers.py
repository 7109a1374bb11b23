import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpResponse
from django.test import RequestFactory

from khuyencong.db_routers import ROUTER, PublicReadsMiddleware, PublicReadsRouter
from news.models import Article

router = PublicReadsRouter()


@pytest.fixture(autouse=True)
def replica_configured(settings):
    settings.DATABASE_ROUTERS = [ROUTER]


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
    if user is not None:  # signed in: a session
        made.COOKIES[settings.SESSION_COOKIE_NAME] = "signed-in"
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


def test_without_a_replica_the_middleware_is_left_out(settings):
    settings.DATABASE_ROUTERS = []
    with pytest.raises(MiddlewareNotUsed):
        PublicReadsMiddleware(HttpResponse)


def test_an_anonymous_reader_is_told_apart_without_reading_the_session():
    class Untouchable:
        def __getattr__(self, name):
            raise AssertionError("the user was read")

    anonymous = RequestFactory().get("/tin-tuc/")
    anonymous.user = Untouchable()
    assert database_read_during(anonymous) == "replica"
