"""Vietnamese alphabetical order (khuyencong.text.vietnamese_sort_key):
the letters ă â đ ê ô ơ ư after their base letter; tone marks, then
case, only break ties between names whose letters are all alike (CLDR
"vi" order, as ICU sorts: "Hà Giang" < "Hạ Long" < "Hà Nội")."""

import random

from khuyencong.text import vietnamese_sort_key

#: Province names in the order a Vietnamese reader expects them.
IN_ORDER = [
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bạc Liêu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bến Tre",
    "Bình Dương",
    "Bình Định",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Đà Nẵng",
    "Đắk Lắk",
    "Điện Biên",
    "Đồng Nai",
    "Hà Giang",
    "Hạ Long",
    "Hà Nội",
    "Hải Phòng",
    "Hòa Bình",
    "Huế",
    "Hưng Yên",
    "Ơn",
    "Quảng Trị",
    "Yên Bái",
]


def test_names_sort_in_vietnamese_alphabetical_order():
    shuffled = IN_ORDER[:]
    random.Random(5).shuffle(shuffled)
    assert sorted(shuffled, key=vietnamese_sort_key) == IN_ORDER


def test_the_order_is_not_the_code_point_order_the_databases_used():
    # What the databases did: "Bình" before "Bạc", "Huế" before "Hà",
    # "Điện Biên" after "Yên Bái".
    by_code_point = sorted(IN_ORDER)
    assert by_code_point.index("Bình Dương") < by_code_point.index("Bạc Liêu")
    assert sorted(by_code_point, key=vietnamese_sort_key) == IN_ORDER


def test_tone_marks_and_case_only_break_ties():
    words = ["ca", "cá", "cà", "cả", "cạ", "cã", "Ca", "cb"]
    assert sorted(words, key=vietnamese_sort_key) == [
        "ca", "Ca", "cà", "cả", "cã", "cá", "cạ", "cb",
    ]  # fmt: skip


def test_decomposed_and_composed_spellings_sort_alike():
    composed = "Đắk Lắk"
    decomposed = "Đa\u0306\u0301k La\u0306\u0301k"
    assert vietnamese_sort_key(composed) == vietnamese_sort_key(decomposed)
