"""One log line per request; errors with their traceback to the log, mailed
to ADMINS when set, and never shown on the page."""

import json
import logging
import sys
import threading
import time

import pytest
from django.test import Client

from khuyencong.logs import LineFormatter, Records

from .test_settings import run_with_env

pytestmark = pytest.mark.django_db


def test_one_line_per_request(client, caplog, editor):
    with caplog.at_level(logging.INFO, logger="khuyencong.requests"):
        client.get("/tin-tuc/?page=1", REMOTE_ADDR="203.0.113.5")
        client.force_login(editor)
        client.get("/khong-co/")
    lines = [r.getMessage() for r in caplog.records if r.name == "khuyencong.requests"]
    assert len(lines) == 2
    assert lines[0].startswith("GET /tin-tuc/?page=1 200 ")
    assert "ms ip=203.0.113.5 user=-" in lines[0]
    assert lines[1].startswith("GET /khong-co/ 404 ") and "user=bientap" in lines[1]


def test_server_errors_are_logged_with_traceback_not_shown(
    settings, caplog, monkeypatch
):
    from news import views

    def broken(self, **kwargs):
        raise RuntimeError("hỏng có chủ ý")

    monkeypatch.setattr(views.HomeView, "get_context_data", broken)
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "hỏng có chủ ý" not in body and "Traceback" not in body
    assert "Hệ thống đang gặp sự cố" in body
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info and "hỏng có chủ ý" in str(record.exc_info[1])


def test_errors_are_mailed_to_admins_when_set():
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps([settings.ADMINS, settings.LOGGING['loggers']['django.request']['handlers']]))"
    )
    without = json.loads(run_with_env(code, SECRET_KEY="x" * 50).stdout)
    assert without == [[], ["console"]]
    with_admins = json.loads(
        run_with_env(code, SECRET_KEY="x" * 50, ADMINS="quantri@example.gov.vn").stdout
    )
    assert with_admins == [
        [["quantri@example.gov.vn", "quantri@example.gov.vn"]],
        ["console", "mail_admins"],
    ]


def test_the_line_format_is_loggings_with_each_second_formatted_once(monkeypatch):
    formatter = LineFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    reference = logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    calls = []
    strftime = time.strftime
    monkeypatch.setattr(
        time, "strftime", lambda *args: calls.append(args) or strftime(*args)
    )
    records = [
        logging.LogRecord("khuyencong.requests", logging.INFO, "", 0, "GET /", (), None)
        for _ in range(3)
    ]
    for record, created in zip(
        records, (1e9 + 0.25, 1e9 + 0.5, 1e9 + 1.25), strict=True
    ):
        record.created, record.msecs = created, (created % 1) * 1000
    lines = [formatter.format(record) for record in records]
    assert lines == [reference.format(record) for record in records]
    # Two lines in the same second, one in the next: strftime twice for us,
    # once for each line for logging's own (the reference's three).
    assert len(calls) == 2 + 3


# What differs between two records made at different moments.
MOMENT = {"created", "msecs", "relativeCreated"}


def _lasting(record) -> dict:
    return {k: v for k, v in vars(record).items() if k not in MOMENT}


def test_request_records_are_loggings_own_made_for_less():
    logger = logging.getLogger("khuyencong.requests")
    records = Records(logger, logging.INFO, __file__)
    first = records.make("GET %s %s", ("/a", 200))
    copied = records.make("GET %s %s", ("/b", 404))
    reference = logger.makeRecord(
        logger.name, logging.INFO, __file__, 0, "GET %s %s", ("/b", 404), None
    )
    assert _lasting(copied) == _lasting(reference)
    assert (first.getMessage(), copied.getMessage()) == ("GET /a 200", "GET /b 404")
    assert first.created <= copied.created <= reference.created
    assert int(copied.msecs) == int((copied.created % 1) * 1000)
    assert copied.relativeCreated == pytest.approx(
        reference.relativeCreated - (reference.created - copied.created) * 1000
    )
    # Formatted, the line reads as logging's own.
    formatter = LineFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    copied.created, copied.msecs = reference.created, reference.msecs
    assert formatter.format(copied) == formatter.format(reference)


def test_each_thread_gets_its_own_record_and_a_factory_is_called():
    logger = logging.getLogger("khuyencong.requests")
    records = Records(logger, logging.INFO, __file__)
    records.make("GET /", ())
    made = []
    worker = threading.Thread(
        target=lambda: made.extend(records.make("GET /", ()) for _ in range(2)),
        name="worker-2",
    )
    worker.start()
    worker.join()
    assert [record.threadName for record in made] == ["worker-2", "worker-2"]
    assert records.make("GET /", ()).threadName == threading.current_thread().name
    factory = logging.getLogRecordFactory()

    def tagged(*args, **kwargs):
        record = factory(*args, **kwargs)
        record.request_id = "r-7"
        return record

    logging.setLogRecordFactory(tagged)
    try:
        assert records.make("GET /", ()).request_id == "r-7"
    finally:
        logging.setLogRecordFactory(factory)


def test_a_plain_line_and_any_other_read_as_loggings_own():
    fmt = "%(asctime)s %(levelname)s %(name)s %(message)s"
    formatter, reference = LineFormatter(fmt), logging.Formatter(fmt)
    try:
        raise ValueError("hỏng")
    except ValueError:
        failure = sys.exc_info()
    records = [
        logging.LogRecord("kc", logging.INFO, "", 0, "GET %s %s %.1fms", a, None)
        for a in [("/a", 200, 1.25), ()]
    ]
    records[1].msg = "100% xong"  # no arguments: not formatted with them
    records.append(logging.LogRecord("kc", logging.ERROR, "", 0, 7, (), failure))
    records.append(logging.LogRecord("kc", logging.INFO, "", 0, "x", (), None))
    records[-1].stack_info = "Stack (most recent call last):"
    for record in records:
        assert formatter.format(record) == reference.format(record)
    for other, style in [("{asctime} {message}", "{"), ("$message", "$")]:
        assert LineFormatter(other, style=style).format(records[0]) == (
            logging.Formatter(other, style=style).format(records[0])
        )
    with pytest.raises(ValueError):
        LineFormatter("%(nothing)s").format(records[0])
