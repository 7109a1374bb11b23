"""A value signed for a user comes back only from that user, for the same
purpose, unaltered and within its age (``khuyencong.signing``)."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing

from khuyencong.signing import sign_for, unsign_for

SALT = "tests.signing"
DAY = 24 * 3600


def test_the_user_it_was_signed_for_gets_the_value_back():
    token = sign_for(7, {"name": "tmpab12"}, salt=SALT)
    assert unsign_for(7, token, salt=SALT, max_age=DAY) == {"name": "tmpab12"}
    assert unsign_for(7, token, salt=SALT, max_age=timedelta(days=1)) == {
        "name": "tmpab12"
    }


def test_another_user_gets_nothing():
    token = sign_for(7, "tmpab12", salt=SALT)
    assert unsign_for(8, token, salt=SALT, max_age=DAY) is None
    assert unsign_for(None, token, salt=SALT, max_age=DAY) is None


def test_another_purpose_gets_nothing():
    token = sign_for(7, "tmpab12", salt=SALT)
    assert unsign_for(7, token, salt="tests.other", max_age=DAY) is None
    # Nor does a value signed with the bare salt (no user in it) pass.
    bare = signing.dumps("tmpab12", salt=SALT)
    assert unsign_for(7, bare, salt=SALT, max_age=DAY) is None


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        # Another value under this value's timestamp and signature.
        lambda token: (
            signing.b64_encode(b'"tmpzz99"').decode() + token[token.index(":") :]
        ),
        lambda token: "",
        lambda token: "not a token",
    ],
    ids=["signature", "value", "empty", "garbage"],
)
def test_a_tampered_token_gets_nothing(tamper):
    token = sign_for(7, "tmpab12", salt=SALT)
    assert unsign_for(7, tamper(token), salt=SALT, max_age=DAY) is None


def test_an_expired_token_gets_nothing():
    with mock.patch("django.core.signing.time.time", return_value=1_800_000_000):
        token = sign_for(7, "tmpab12", salt=SALT)
    with mock.patch("django.core.signing.time.time", return_value=1_800_000_000 + DAY):
        assert unsign_for(7, token, salt=SALT, max_age=DAY) == "tmpab12"
    with mock.patch(
        "django.core.signing.time.time", return_value=1_800_000_000 + DAY + 1
    ):
        assert unsign_for(7, token, salt=SALT, max_age=DAY) is None
        assert unsign_for(7, token, salt=SALT, max_age=None) == "tmpab12"


def test_no_user_cannot_be_signed_for():
    with pytest.raises(ValueError):
        sign_for(None, "tmpab12", salt=SALT)
