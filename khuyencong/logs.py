"""The format of the portal's log lines."""

import logging
import time


class LineFormatter(logging.Formatter):
    """logging's Formatter, with the date and time of each second formatted
    once: a busy process writes many lines a second (one per request,
    ``khuyencong.middleware.RequestLogMiddleware``), and ``strftime`` was a
    good part of each line's cost. The lines read the same."""

    _second: tuple[int, str] = (-1, "")

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
