"""Where a text opens and closes parentheses (``quotes``)."""

from bisect import bisect_left


class Parens:
    """Where the text opens and closes parentheses, to count them on a
    stretch in log time: counting each quote's whole line made a long
    paragraph quadratic."""

    def __init__(self, text: str):
        self.opens = [i for i, c in enumerate(text) if c == "("]
        self.closes = [i for i, c in enumerate(text) if c == ")"]

    def open_between(self, start: int, end: int) -> bool:
        def count(marks):
            return bisect_left(marks, end) - bisect_left(marks, start)

        return count(self.opens) > count(self.closes)
