"""Signing in to the admin in a real browser, as the browser tests do."""

#: The password ``make_user`` (tests/conftest.py) gives every user.
PASSWORD = "mat-khau-rat-dai-2022"


def sign_in(page, live_server, username: str) -> None:
    """Fill the admin's login form as a person would and send it."""
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
