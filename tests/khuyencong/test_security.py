"""Secure by default: deployment checks, headers, proxies, login throttling,
passwords, the admin's address and two-factor login."""

import json
import secrets

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from khuyencong.middleware import client_ip

from .test_settings import run_with_env

PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "khuyencong.example.gov.vn",
    "DATABASE_URL": "sqlite:////tmp/khuyencong-deploy-check.sqlite3",
}


def test_deploy_check_passes_with_production_settings():
    result = run_with_env(
        "import sys; from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check', '--deploy', "
        "'--fail-level', 'WARNING'])",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_proxy_headers_are_trusted_only_when_configured():
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps([settings.SECURE_PROXY_SSL_HEADER, settings.TRUSTED_PROXY_COUNT,"
        " settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE,"
        " settings.SECURE_HSTS_SECONDS]))"
    )
    plain = run_with_env(code, **PRODUCTION)
    assert json.loads(plain.stdout) == [None, 0, True, True, 31536000]
    proxied = run_with_env(code, TRUSTED_PROXY_COUNT="1", **PRODUCTION)
    assert json.loads(proxied.stdout)[:2] == [["HTTP_X_FORWARDED_PROTO", "https"], 1]


def test_client_address_behind_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9"
    )
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"  # the header is the client's word
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.9"  # what our proxy saw
    settings.TRUSTED_PROXY_COUNT = 3
    assert client_ip(request) == "10.0.0.2"  # fewer hops than proxies: ignore


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/so-lieu/", "/admin/login/"])
def test_every_html_response_carries_the_security_headers(client, path):
    response = client.get(path, secure=True)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    directives = {
        part.split()[0]: part.split()[1:] for part in policy.split("; ") if part
    }
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"].startswith("max-age=")


@pytest.mark.django_db
def test_the_editor_import_map_gets_the_nonce(admin_client):
    response = admin_client.get(reverse("admin:news_article_add"))
    html = response.content.decode()
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script type="importmap" nonce="{nonce}"' in html
    # No other inline script in the page.
    inline = [
        tag
        for tag in html.split("<script")[1:]
        if "src=" not in tag.split(">")[0]
        and 'type="importmap"' not in tag.split(">")[0]
        and "application/json" not in tag.split(">")[0]
    ]
    assert inline == []


def login(client, password, address="198.51.100.7"):
    return client.post(
        reverse("admin:login"),
        {"username": "thuky_axes", "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db
def test_admin_login_is_throttled_per_username_and_address(settings, make_user):
    settings.AXES_ENABLED = True
    make_user("thuky_axes", "Thư ký tòa soạn")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "sai-mat-khau-roi").status_code == 200
    # The last allowed failure locks; then even the right password is refused.
    assert login(client, "sai-mat-khau-roi").status_code == 429
    locked = login(client, "mat-khau-rat-dai-2022")
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()
    # The same user from another address is not locked out.
    assert login(Client(), "mat-khau-rat-dai-2022", "192.0.2.44").status_code == 302


def test_staff_passwords_need_twelve_characters():
    with pytest.raises(ValidationError):
        validate_password("Kh0ng-du-12")
    validate_password("khuyen-cong-tinh-nha")


def test_admin_address_is_configurable():
    result = run_with_env(
        "import django; django.setup(); from django.urls import reverse;"
        "print(reverse('admin:index'))",
        ADMIN_URL="quan-tri-kc/",
        **PRODUCTION,
    )
    assert result.stdout.strip().endswith("/quan-tri-kc/"), result.stderr


@pytest.mark.django_db
def test_two_factor_login_when_required(settings, make_user):
    user = make_user("thuky_otp", "Thư ký tòa soạn")
    settings.OTP_REQUIRED = True
    client = Client()
    client.force_login(user)
    # Logged in by password only: not verified, so not admitted.
    assert client.get(reverse("admin:index")).status_code == 302
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    page = Client().get(reverse("admin:login")).content.decode()
    assert 'name="otp_token"' in page
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = Client().post(
        reverse("admin:login"),
        {
            "username": "thuky_otp",
            "password": "mat-khau-rat-dai-2022",
            "otp_device": device.persistent_id,
            "otp_token": f"{code:06d}",
            "next": reverse("admin:index"),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    settings.OTP_REQUIRED = False
    assert (
        'name="otp_token"' not in Client().get(reverse("admin:login")).content.decode()
    )
