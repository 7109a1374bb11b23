"""Vietnamese text helpers shared by slugs, search and (later) data matching."""

import re
import unicodedata
from functools import lru_cache

from django.db import models
from django.utils.text import slugify

# "đ" is a letter of its own, not "d" plus a mark, so Unicode decomposition
# leaves it alone; it has to be mapped by hand.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Lower-case ``text`` and strip Vietnamese diacritics ("Đồng Nai" -> "dong nai").

    Whitespace runs collapse to one space. Used on both sides of every search
    comparison so that typing without diacritics finds text written with them.
    """
    text = unicodedata.normalize("NFD", text.translate(_D_MAP))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().lower()


def vn_slugify(text: str, max_length: int = 200) -> str:
    """Make an ASCII slug from Vietnamese text, cutting at a word boundary."""
    slug = slugify(text.translate(_D_MAP))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


#: The Vietnamese alphabet (with the Latin letters it lacks in their usual
#: places): ă and â follow a, đ follows d, ê e, ô and ơ o, ư u.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
#: The tone marks in their dictionary order (CLDR's "vi"): none, huyền,
#: hỏi, ngã, sắc, nặng. They only break ties between words spelt alike.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


# Keys are asked for the same few hundred area names on every page view.
@lru_cache(maxsize=4096)
def vietnamese_sort_key(text: str) -> tuple:
    """A key for ``sorted`` putting names in Vietnamese alphabetical order
    ("Bà Rịa" < "Bạc Liêu" < "Bắc Giang" < "Cà Mau"; "Đà Nẵng" after "Dak",
    before "Điện Biên"): letters first, then tone marks, then case. Other
    characters (spaces, digits, punctuation) come before any letter, by
    code point. The same on every database: sort in Python."""
    letters: list[str] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", text):
        if char in _TONES and letters:
            tones[-1] = _TONES[char]
        elif unicodedata.combining(char) and letters:
            letters[-1] += char  # breve, circumflex, horn: part of the letter
        else:
            letters.append(char)
            tones.append(0)
    primary, cases = [], []
    for letter in letters:
        composed = unicodedata.normalize("NFC", letter)
        lower = composed.lower()
        rank = _LETTER_RANK.get(lower)
        primary.append((1, rank) if rank is not None else (0, ord(lower[0])))
        cases.append(composed != lower)
    return tuple(primary), tuple(tones), tuple(cases)


def search_terms(query: str) -> list[str]:
    """Split a search query into folded words, dropping punctuation."""
    return re.findall(r"\w+", fold(query))


# C0 control characters but tab and line breaks, DEL, and lone surrogates
# (no UTF-8 for them). XML 1.0 (RSS, sitemaps) cannot hold them, PostgreSQL
# stores no NUL, and no reader sees them; Word pastes a vertical tab (\x0b)
# for Shift+Enter.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\t\n\r]")


def without_control_characters(text: str, *, multiline: bool = True) -> str:
    """``text`` with each control character a space (what it stood for:
    a line or page break, a tab); on one line, tabs and line breaks too."""
    text = _CONTROL.sub(" ", text)
    return text if multiline else _LINE_BREAKS.sub(" ", text)


#: The apps whose models' text is cleaned on every save (``clean_text_fields``).
CLEANED_APPS = frozenset({"khuyencong", "news", "funding"})


def clean_text_fields(sender, instance, **kwargs) -> None:
    """Before a project model is saved (``pre_save``, connected by
    ``KhuyencongConfig.ready``): its text without control characters, the one
    rule for every path that saves (admin, commands, shell). Tabs and line
    breaks stay: the admin's forms put single-line fields on one line.
    Writes that skip ``save`` clean their text themselves (the import's
    notes)."""
    if sender._meta.app_label not in CLEANED_APPS:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and _CONTROL.search(value):
                setattr(instance, field.attname, _CONTROL.sub(" ", value))
