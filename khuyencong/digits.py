"""The one rule for digits in numbers people type or import: 0-9 only.

Python reads Arabic-Indic, full-width and other digits as 0-9
(``Decimal("١٢٣") == int("١٢٣") == 123``; ``\\d`` matches them): a number
written so does not look like one to whoever checks it against its
document, and is refused with a message saying why.
"""

OTHER_DIGITS_MESSAGE = (
    "“%(text)s” có chữ số không phải 0–9: hãy gõ lại bằng chữ số 0–9."
)


def has_other_digits(text: str) -> bool:
    """Whether ``text`` holds a digit other than 0-9."""
    return not text.isascii() and any(c.isdigit() and not c.isascii() for c in text)
