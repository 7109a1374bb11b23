"""Values signed for one user: a page hands a value to the user it serves
(in a hidden field) and takes it back only from that user, unaltered and
not older than the caller allows.

Built on ``django.core.signing.dumps``/``loads`` (a timestamped signature,
so ``max_age`` applies). The user's primary key is part of the salt rather
than of the value: a token signed for another user, or for another purpose
(another ``salt``), simply fails its signature, and there is no dict to
check by hand.
"""

from django.core import signing


def _salt(user_pk, salt: str) -> str:
    return f"{salt}:user={user_pk}"


def sign_for(user_pk, value, *, salt: str) -> str:
    """``value`` (anything JSON can carry, except None) signed for the user
    whose primary key is ``user_pk``, for the purpose named by ``salt``."""
    if user_pk is None:
        raise ValueError("a value is signed for a user with a primary key")
    return signing.dumps(value, salt=_salt(user_pk, salt))


def unsign_for(user_pk, token: str | None, *, salt: str, max_age):
    """The value ``token`` carries if it was signed by ``sign_for`` for the
    user ``user_pk`` and the same ``salt`` at most ``max_age`` (seconds or a
    timedelta) ago; None if it was not (tampered, another user's, another
    purpose's, expired, empty) or if there is no user (``user_pk`` None)."""
    if user_pk is None or not token:
        return None
    try:
        return signing.loads(token, salt=_salt(user_pk, salt), max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
