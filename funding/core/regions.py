"""The regions of Việt Nam the reports use, their members over time, and
the names and addresses of every area: one home for all of it.

Two divisions of the country (``Area.Grouping``):

- the khuyến công areas of the regional conferences the Cục Công Thương
  địa phương holds each year: phía Bắc (28 provinces: the midlands and
  mountains of the north, the Red River delta, Thanh Hóa, Nghệ An and Hà
  Tĩnh: "Kế hoạch tổ chức Hội nghị ngành Công Thương các tỉnh, thành phố
  khu vực phía Bắc lần thứ X, năm 2024"), Miền Trung - Tây Nguyên (the 15
  provinces the seed article's conference lists: "Hội nghị khuyến công các
  tỉnh, thành phố khu vực Miền Trung - Tây Nguyên", held yearly, XIII in
  2023) and phía Nam (the other 20);
- the six socio-economic regions of the statistical yearbooks (Tổng cục
  Thống kê, "Niên giám thống kê", by region since before 2015) and of the
  national master plan (Nghị quyết 81/2023/QH15).

Members are listed as the provinces were before the 2025 merger, for every
year from ``FIRST_YEAR``. The merger (Nghị quyết 202/2025/QH15) replaced 63
provinces by 34 on 1/7/2025: in 2025 a region has the old provinces up to
30/6 and the new ones from 1/7. No list of regions in the new provinces
had been published when this was written, so a new province belongs to
the regions of the province whose name it keeps (the new Gia Lai, from Gia
Lai and Bình Định, to Tây Nguyên): ``AFTER_MERGER_RULE`` says it on the
region pages. Years after ``LAST_YEAR`` have no members until they are
added: a page says so rather than using another year's.

Names: Thừa Thiên Huế became Thành phố Huế on 1/1/2025 (Nghị quyết
1314/NQ-UBTVQH15); figures of earlier years show the earlier name.

Addresses: each area has a readable ``slug`` (``vn_slugify`` of its short
name; a province the merger replaced whose name lives on in its successor
adds ``-truoc-2025``), the old code addresses redirecting to it.

``load_regions`` makes all of it in a database holding the reference data
(``funding.core.reference``): the migration ``0012_regions_slugs_names``
calls it, and the tests read what that migration made.
"""

import json
from datetime import date
from importlib import resources

from django.db.models import F

from khuyencong.text import vn_slugify

FIRST_YEAR, LAST_YEAR = 2015, 2026
MERGER_YEAR = 2025
MERGER_DAY = date(2025, 7, 1)
LAST_DAY_BEFORE = date(2025, 6, 30)

AFTER_MERGER_RULE = (
    "Từ 1/7/2025, mỗi tỉnh, thành phố mới được xếp vào khu vực của tỉnh, "
    "thành phố mà nó giữ tên (chưa có danh sách chính thức)."
)

NORTH_MOUNTAINS = [
    "tinhhagiang",
    "tinhcaobang",
    "tinhbackan",
    "tinhtuyenquang",
    "tinhlaocai",
    "tinhyenbai",
    "tinhthainguyen",
    "tinhlangson",
    "tinhbacgiang",
    "tinhphutho",
    "tinhdienbien",
    "tinhlaichau",
    "tinhsonla",
    "tinhhoabinh",
]
RED_RIVER_DELTA = [
    "thanhphohanoi",
    "tinhvinhphuc",
    "tinhbacninh",
    "tinhquangninh",
    "tinhhaiduong",
    "thanhphohaiphong",
    "tinhhungyen",
    "tinhthaibinh",
    "tinhhanam",
    "tinhnamdinh",
    "tinhninhbinh",
]
NORTH_CENTRAL = ["tinhthanhhoa", "tinhnghean", "tinhhatinh"]
CENTRAL_COAST = [
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
]
CENTRAL_HIGHLANDS = [
    "tinhkontum",
    "tinhgialai",
    "tinhdaklak",
    "tinhdaknong",
    "tinhlamdong",
]
SOUTH_EAST = [
    "tinhbinhphuoc",
    "tinhtayninh",
    "tinhbinhduong",
    "tinhdongnai",
    "tinhbariavungtau",
    "thanhphohochiminh",
]
MEKONG_DELTA = [
    "tinhlongan",
    "tinhtiengiang",
    "tinhbentre",
    "tinhtravinh",
    "tinhvinhlong",
    "tinhdongthap",
    "tinhangiang",
    "tinhkiengiang",
    "thanhphocantho",
    "tinhhaugiang",
    "tinhsoctrang",
    "tinhbaclieu",
    "tinhcamau",
]

KC, SE = "khuyen-cong", "kinh-te-xa-hoi"

# (code, name, short name, grouping, members before the merger, source)
REGIONS = [
    (
        "khuyen-cong-phia-bac",
        "Khu vực khuyến công phía Bắc",
        "Phía Bắc (khuyến công)",
        KC,
        NORTH_MOUNTAINS + RED_RIVER_DELTA + NORTH_CENTRAL,
        "Kế hoạch tổ chức Hội nghị ngành Công Thương 28 tỉnh, thành phố khu vực "
        "phía Bắc năm 2024 (Cục Công Thương địa phương)",
    ),
    (
        "mien-trung-tay-nguyen",
        "Khu vực miền Trung - Tây Nguyên",
        "Miền Trung - Tây Nguyên",
        KC,
        CENTRAL_COAST + CENTRAL_HIGHLANDS,
        "Hội nghị khuyến công các tỉnh, thành phố khu vực Miền Trung - Tây Nguyên "
        "(Cục Công Thương địa phương, hằng năm)",
    ),
    (
        "khuyen-cong-phia-nam",
        "Khu vực khuyến công phía Nam",
        "Phía Nam (khuyến công)",
        KC,
        ["tinhbinhthuan"] + SOUTH_EAST + MEKONG_DELTA,
        "Các tỉnh, thành phố còn lại (ngoài 28 tỉnh phía Bắc và 15 tỉnh miền "
        "Trung - Tây Nguyên)",
    ),
    (
        "trung-du-va-mien-nui-phia-bac",
        "Vùng Trung du và miền núi phía Bắc",
        "Trung du và miền núi phía Bắc",
        SE,
        NORTH_MOUNTAINS,
        "Niên giám thống kê (Tổng cục Thống kê); Nghị quyết 81/2023/QH15",
    ),
    (
        "dong-bang-song-hong",
        "Vùng Đồng bằng sông Hồng",
        "Đồng bằng sông Hồng",
        SE,
        RED_RIVER_DELTA,
        "Niên giám thống kê (Tổng cục Thống kê); Nghị quyết 81/2023/QH15",
    ),
    (
        "bac-trung-bo-va-duyen-hai-mien-trung",
        "Vùng Bắc Trung Bộ và duyên hải miền Trung",
        "Bắc Trung Bộ và duyên hải miền Trung",
        SE,
        NORTH_CENTRAL + CENTRAL_COAST + ["tinhbinhthuan"],
        "Niên giám thống kê (Tổng cục Thống kê); Nghị quyết 81/2023/QH15",
    ),
    (
        "tay-nguyen",
        "Vùng Tây Nguyên",
        "Tây Nguyên",
        SE,
        CENTRAL_HIGHLANDS,
        "Niên giám thống kê (Tổng cục Thống kê); Nghị quyết 81/2023/QH15",
    ),
    (
        "dong-nam-bo",
        "Vùng Đông Nam Bộ",
        "Đông Nam Bộ",
        SE,
        SOUTH_EAST,
        "Niên giám thống kê (Tổng cục Thống kê); Nghị quyết 81/2023/QH15",
    ),
    (
        "dong-bang-song-cuu-long",
        "Vùng Đồng bằng sông Cửu Long",
        "Đồng bằng sông Cửu Long",
        SE,
        MEKONG_DELTA,
        "Niên giám thống kê (Tổng cục Thống kê); Nghị quyết 81/2023/QH15",
    ),
]

# (package key, full name, short name, last day used, renaming act)
FORMER_NAMES = [
    (
        "thanhphohue",
        "Tỉnh Thừa Thiên Huế",
        "Thừa Thiên Huế",
        date(2024, 12, 31),
        "Nghị quyết 1314/NQ-UBTVQH15 (thành lập thành phố Huế từ 1/1/2025)",
    ),
]


def _load(name):
    path = resources.files("vietnamadminunits") / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def province_codes() -> tuple[dict, dict]:
    """The area code of each province by package key: before the merger
    (a province it replaced: "<code>-truoc-2025") and after it."""
    legacy = _load("parser_legacy.json")["DICT_PROVINCE"]
    current = _load("parser_from_2025.json")["DICT_PROVINCE"]
    merged_into = _load("converter_2025.json")["DICT_PROVINCE"]
    after = {key: entry["provinceCode"] for key, entry in current.items()}
    before = {}
    for old_keys in merged_into.values():
        for key in old_keys:
            before[key] = (
                after[key]
                if old_keys == [key]
                else f"{legacy[key]['provinceCode']}-truoc-2025"
            )
    return before, after


def load_regions(apps) -> None:
    """Regions, their members from ``FIRST_YEAR`` to ``LAST_YEAR``, former
    names and every area's slug, in a database with the reference data;
    what exists is kept (the seed's Miền Trung - Tây Nguyên and its
    members of 2021-2022)."""
    Area = apps.get_model("funding", "Area")
    by_code = {area.code: area for area in Area.objects.all()}
    _load_memberships(apps, by_code)
    _load_former_names(apps, by_code)
    _set_slugs(Area)


def _region(Area, by_code, code, name, short_name, grouping, position):
    """The region ``code``: made, or (the seed's) given its grouping and slug
    and otherwise left as it is."""
    region = by_code.get(code)
    if region is not None:
        region.grouping, region.slug = grouping, code
        region.save(update_fields=["grouping", "slug"])
        return region
    region = Area.objects.create(
        code=code,
        slug=code,
        name=name,
        short_name=short_name,
        kind="region",
        grouping=grouping,
        position=position,
    )
    by_code[code] = region
    return region


def _load_memberships(apps, by_code: dict) -> None:
    Area = apps.get_model("funding", "Area")
    Membership = apps.get_model("funding", "RegionMembership")
    before, after = province_codes()
    existing = set(Membership.objects.values_list("region_id", "province_id", "year"))
    rows = []
    for position, (code, name, short, grouping, keys, _source) in enumerate(REGIONS):
        region = _region(Area, by_code, code, name, short, grouping, position)
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for member, start, end in _members(keys, year, before, after):
                province = by_code[member]
                if (region.pk, province.pk, year) not in existing:
                    rows.append(
                        Membership(
                            region=region,
                            province=province,
                            year=year,
                            valid_from=start,
                            valid_to=end,
                        )
                    )
    Membership.objects.bulk_create(rows)


def _members(keys: list[str], year: int, before: dict, after: dict):
    """(area code, from, to) of the members of ``year``: dates only for
    the merger's year, where the old provinces leave on 30/6 and the new
    ones (the regions of the province whose name they keep) join on 1/7."""
    if year < MERGER_YEAR:
        return [(before[key], None, None) for key in keys]
    kept = [key for key in keys if key in after]
    if year > MERGER_YEAR:
        return [(after[key], None, None) for key in kept]
    members = []
    for key in keys:
        if before[key] == after.get(key):
            members.append((before[key], None, None))  # unchanged by the merger
        else:
            members.append((before[key], None, LAST_DAY_BEFORE))
    members += [
        (after[key], MERGER_DAY, None) for key in kept if before[key] != after[key]
    ]
    return members


def _load_former_names(apps, by_code: dict) -> None:
    AreaName = apps.get_model("funding", "AreaName")
    before, _after = province_codes()
    for key, name, short_name, used_until, act in FORMER_NAMES:
        AreaName.objects.get_or_create(
            area=by_code[before[key]],
            used_until=used_until,
            defaults={"name": name, "short_name": short_name, "source": act},
        )


def _set_slugs(Area) -> None:
    """A readable slug for every area without one: current areas first, so
    a province the merger replaced yields the plain name to its successor."""
    areas = list(
        Area.objects.order_by(
            F("valid_to").asc(nulls_first=True), "kind", "position", "pk"
        )
    )
    taken = {area.slug for area in areas if area.slug}
    for area in areas:
        if not area.slug:
            area.slug = free_slug(area, taken)
            taken.add(area.slug)
            area.save(update_fields=["slug"])


def free_slug(area, taken) -> str:
    """``area``'s readable slug not in ``taken``: its short name ("ninh-thuan";
    the nation "ca-nuoc"); if another area has it, with the year it ended
    ("da-nang-den-2025"), else numbered."""
    base = "ca-nuoc" if area.kind == "nation" else vn_slugify(area.short_name)
    slug = base
    if slug in taken and area.valid_to:
        slug = f"{base}-den-{area.valid_to.year}"
    number = 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
