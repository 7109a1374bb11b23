"""The format of the portal's log lines."""

import logging
import os
import threading
import time


class LineFormatter(logging.Formatter):
    """logging's Formatter, with the date and time of each second formatted
    once: a busy process writes many lines a second (one per request,
    ``khuyencong.middleware.RequestLogMiddleware``), and ``strftime`` was a
    good part of each line's cost; and a plain line (a text message, no
    traceback or stack, a ``%``-style format without defaults) formatted in
    one call instead of logging's six. The lines read the same."""

    _second: tuple[int, str] = (-1, "")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style = self._style
        self._plain = type(style) is logging.PercentStyle and not style._defaults
        self._uses_time = self.usesTime()

    def format(self, record):
        msg = record.msg
        if (
            not self._plain
            or type(msg) is not str
            or record.exc_info
            or record.exc_text
            or record.stack_info
        ):
            return super().format(record)
        # As Formatter.format, LogRecord.getMessage and PercentStyle do it.
        record.message = msg % record.args if record.args else msg
        if self._uses_time:
            record.asctime = self.formatTime(record, self.datefmt)
        try:
            return self._fmt % record.__dict__
        except (KeyError, ValueError, TypeError):
            return super().format(record)  # logging's own error

    def formatTime(self, record, datefmt=None):
        if datefmt:
            return super().formatTime(record, datefmt)
        second, text = self._second
        if int(record.created) != second:
            second = int(record.created)
            text = time.strftime(self.default_time_format, self.converter(second))
            # One tuple, replaced whole: another thread reads a pair that goes.
            self._second = (second, text)
        return self.default_msec_format % (text, record.msecs)


class Records:
    """The log records of one call site (a logger, a level, a file), made as
    logging makes them but for less: logging's constructor looks up the
    thread, the process and the file's name on every call, the largest part
    of a request line's cost after the write itself. The first record of a
    thread is logging's own; the next ones copy it, with their own time,
    message and arguments (a thread is told by its id, which a later thread
    may reuse: the line's format shows neither its name nor the process's).
    A custom record factory (``setLogRecordFactory``) is always called
    instead, as it may add attributes of the moment."""

    def __init__(self, logger: logging.Logger, level: int, pathname: str):
        self.logger, self.level, self.pathname = logger, level, pathname
        self._templates: dict[int, dict] = {}
        # A forked worker is another process (its id, its name).
        os.register_at_fork(after_in_child=self._templates.clear)

    def make(self, msg: str, args: tuple) -> logging.LogRecord:
        template = self._templates.get(threading.get_ident())
        if template is None or logging.getLogRecordFactory() is not LogRecord:
            logger = self.logger
            record = logger.makeRecord(
                logger.name, self.level, self.pathname, 0, msg, args, None
            )
            if logging.getLogRecordFactory() is LogRecord:
                self._templates[threading.get_ident()] = dict(vars(record))
            return record
        record = _new(LogRecord)
        vars(record).update(template)
        # As LogRecord's constructor sets them.
        created = time.time()
        record.created = created
        record.msecs = int((created - int(created)) * 1000) + 0.0
        record.relativeCreated = (
            template["relativeCreated"] + (created - template["created"]) * 1000
        )
        record.msg, record.args = msg, args
        return record


LogRecord = logging.LogRecord
_new = object.__new__
