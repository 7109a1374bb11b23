"""Signing in to the admin in a real browser, as the browser tests do."""

from tests.conftest import PASSWORD


def sign_in(page, live_server, username: str) -> None:
    """Fill the admin's login form as a person would and send it."""
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
