"""The reference data an installation starts with: the nation, the 63
provinces before the 2025 merger and the 34 after it (from the
vietnamadminunits package, MIT), each merged province pointing to its
successor; the Miền Trung - Tây Nguyên khuyến công region with its members;
the indicators and programme contents of the seed article, and the count
indicators reports use (``COUNT_INDICATORS``).

One home for it: the data migration that made it (``0002_reference_data``)
and the tests that make it again after emptying the database both call
``load_reference_data``; ``0010_count_indicators`` calls
``load_count_indicators`` for databases made before those were added.
"""

import json
from datetime import date
from importlib import resources

MERGER_DAY = date(2025, 7, 1)
LAST_DAY_BEFORE = date(2025, 6, 30)

# The 15 provinces and cities of the Miền Trung - Tây Nguyên khuyến công
# region in the seed article's years (2021-2022), as legacy package keys.
MT_TN_2021_2022 = [
    "tinhquangbinh",
    "tinhquangtri",
    "thanhphohue",
    "thanhphodanang",
    "tinhquangnam",
    "tinhquangngai",
    "tinhbinhdinh",
    "tinhphuyen",
    "tinhkhanhhoa",
    "tinhninhthuan",
    "tinhkontum",
    "tinhgialai",
    "tinhdaklak",
    "tinhdaknong",
    "tinhlamdong",
]

# Names people also use, beyond "Tỉnh X" / "Thành phố X" and the short name.
EXTRA_ALIASES = {
    "thanhphohochiminh": ["TP HCM", "TP.HCM", "TPHCM", "Sài Gòn"],
    "thanhphohue": ["Thừa Thiên Huế", "Tỉnh Thừa Thiên Huế", "Thừa Thiên - Huế"],
    "thanhphohanoi": ["TP HN"],
}

INDICATORS = [
    ("kinh-phi-khuyen-cong", "Kinh phí khuyến công", "vnd", ""),
    ("doanh-thu-tu-van", "Doanh thu tư vấn phát triển công nghiệp", "vnd", ""),
    ("so-du-an-tu-van", "Số dự án tư vấn phát triển công nghiệp", "count", "dự án"),
]

# What khuyến công reports count, each with the noun a text counts it by
# ("46 đề án"): the checker finds a count by its noun. Added by
# ``0010_count_indicators`` to installations made before.
COUNT_INDICATORS = [
    ("so-de-an", "Số đề án khuyến công", "đề án"),
    ("so-mo-hinh-trinh-dien", "Số mô hình trình diễn kỹ thuật", "mô hình trình diễn"),
    ("so-co-so-cnnt", "Số cơ sở công nghiệp nông thôn được hỗ trợ", "cơ sở"),
    ("so-luot-dao-tao", "Số lượt người được đào tạo, tập huấn", "lượt người"),
    ("so-hoi-cho", "Số hội chợ, triển lãm được hỗ trợ", "hội chợ"),
    (
        "so-san-pham-binh-chon",
        "Số sản phẩm công nghiệp nông thôn tiêu biểu được bình chọn",
        "sản phẩm",
    ),
]

CONTENTS = [
    ("tat-ca", "Tất cả nội dung"),
    (
        "mo-hinh-trinh-dien",
        "Hỗ trợ xây dựng mô hình trình diễn kỹ thuật, chuyển giao công nghệ và "
        "ứng dụng máy móc tiên tiến, tiến bộ khoa học kỹ thuật vào sản xuất công "
        "nghiệp - tiểu thủ công nghiệp, xây dựng các mô hình thí điểm về áp dụng "
        "sản xuất sạch hơn, xây dựng hệ thống xử lý ô nhiễm môi trường cho cơ sở "
        "công nghiệp nông thôn",
    ),
    ("san-pham-cnnt", "Hỗ trợ phát triển sản phẩm công nghiệp nông thôn"),
    ("cum-cong-nghiep", "Hỗ trợ phát triển các cụm công nghiệp"),
    (
        "nguon-nhan-luc",
        "Hỗ trợ phát triển nguồn nhân lực có chất lượng, nâng cao năng lực quản lý, "
        "tư vấn, trợ giúp các cơ sở công nghiệp nông thôn",
    ),
    (
        "tu-van-truyen-thong",
        "Hỗ trợ tư vấn thông tin phát triển công nghiệp nông thôn, công tác truyền thông",
    ),
    (
        "nang-luc-to-chuc",
        "Hỗ trợ nâng cao năng lực tổ chức thực hiện các hoạt động khuyến công",
    ),
]


def _load(name):
    path = resources.files("vietnamadminunits") / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def _aliases(key, entry):
    names = {entry["province"], entry["provinceShort"], *EXTRA_ALIASES.get(key, [])}
    if entry["province"].startswith("Thành phố"):
        names |= {f"TP. {entry['provinceShort']}", f"TP {entry['provinceShort']}"}
    return "\n".join(sorted(names))


def load_reference_data(apps) -> None:
    """Make the reference data in an empty database, through ``apps`` (the
    historical models in a migration, ``django.apps.apps`` elsewhere)."""
    areas = _load_provinces(apps)
    _load_region(apps, areas)
    Indicator = apps.get_model("funding", "Indicator")
    for position, (code, name, unit, noun) in enumerate(INDICATORS):
        Indicator.objects.create(
            code=code, name=name, unit=unit, count_noun=noun, position=position
        )
    Content = apps.get_model("funding", "ProgrammeContent")
    for position, (code, name) in enumerate(CONTENTS):
        Content.objects.create(code=code, name=name, position=position)
    load_count_indicators(apps)


def load_count_indicators(apps) -> None:
    """The count indicators (``COUNT_INDICATORS``) a database lacks; an
    existing one (by code) is left as it is."""
    Indicator = apps.get_model("funding", "Indicator")
    start = len(INDICATORS)
    for position, (code, name, noun) in enumerate(COUNT_INDICATORS, start):
        if Indicator.objects.filter(code=code).exists():
            continue
        Indicator.objects.create(
            code=code, name=name, unit="count", count_noun=noun, position=position
        )


def _load_provinces(apps) -> dict:
    """The nation, today's provinces, and those the 2025 merger replaced
    (pointing to their successor); the provinces by package key ("legacy:"
    before the key of one the merger replaced)."""
    Area = apps.get_model("funding", "Area")
    legacy = _load("parser_legacy.json")["DICT_PROVINCE"]
    current = _load("parser_from_2025.json")["DICT_PROVINCE"]
    merged_into = _load("converter_2025.json")["DICT_PROVINCE"]

    Area.objects.create(code="vn", name="Cả nước", short_name="Cả nước", kind="nation")
    areas = {}
    for position, (key, entry) in enumerate(
        sorted(current.items(), key=lambda i: i[1]["provinceCode"])
    ):
        unchanged = merged_into.get(key) == [key]
        areas[key] = Area.objects.create(
            code=entry["provinceCode"],
            name=entry["province"],
            short_name=entry["provinceShort"],
            kind="province",
            aliases=_aliases(key, legacy.get(key, entry) if unchanged else entry),
            valid_from=None if unchanged else MERGER_DAY,
            position=position,
        )
    successor_of = {old: new for new, olds in merged_into.items() for old in olds}
    for position, (key, entry) in enumerate(
        sorted(legacy.items(), key=lambda i: i[1]["provinceCode"])
    ):
        successor_key = successor_of[key]
        if merged_into[successor_key] == [key]:
            continue  # unchanged by the merger: the same area before and after
        areas[f"legacy:{key}"] = Area.objects.create(
            code=f"{entry['provinceCode']}-truoc-2025",
            name=entry["province"],
            short_name=entry["provinceShort"],
            kind="province",
            aliases=_aliases(key, entry),
            valid_to=LAST_DAY_BEFORE,
            successor=areas[successor_key],
            position=100 + position,
        )
    return areas


def _load_region(apps, areas: dict) -> None:
    """The Miền Trung - Tây Nguyên region and its members in 2021-2022."""
    Area = apps.get_model("funding", "Area")
    Membership = apps.get_model("funding", "RegionMembership")
    region = Area.objects.create(
        code="mien-trung-tay-nguyen",
        name="Khu vực miền Trung - Tây Nguyên",
        short_name="Miền Trung - Tây Nguyên",
        kind="region",
        aliases="MT-TN\nMiền Trung Tây Nguyên",
    )
    for year in (2021, 2022):
        for key in MT_TN_2021_2022:
            province = areas.get(f"legacy:{key}") or areas[key]
            Membership.objects.create(region=region, province=province, year=year)
