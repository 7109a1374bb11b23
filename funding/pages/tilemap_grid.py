"""Where each province's square sits on the tile-grid map (``tilemap``):
(column, row), with row 0 at the top, north.

Source: laid out by hand for this portal from the relative position of
each province's seat on Vietnam's administrative map — the 63 provinces
and cities before 1 July 2025, and the 34 after Resolution 202/2025/QH15
(effective 1 July 2025) — keyed by the administrative codes of the
``vietnamadminunits`` package (the codes ``funding.core.reference`` gives
the areas: "46", "58-truoc-2025"). No outside map data: a square per
province, placed roughly where it lies, neighbours kept next to each other
where the S shape allows.
"""

#: The 63 provinces and cities before the 2025 merger.
BEFORE_2025 = {
    "02": ("Hà Giang", 3, 0), "04": ("Cao Bằng", 4, 0),
    "12": ("Lai Châu", 0, 1), "10": ("Lào Cai", 1, 1), "08": ("Tuyên Quang", 3, 1),
    "06": ("Bắc Kạn", 4, 1), "20": ("Lạng Sơn", 5, 1),
    "11": ("Điện Biên", 0, 2), "15": ("Yên Bái", 1, 2), "25": ("Phú Thọ", 2, 2),
    "19": ("Thái Nguyên", 3, 2), "24": ("Bắc Giang", 4, 2), "22": ("Quảng Ninh", 5, 2),
    "14": ("Sơn La", 0, 3), "17": ("Hòa Bình", 1, 3), "26": ("Vĩnh Phúc", 2, 3),
    "01": ("Hà Nội", 3, 3), "27": ("Bắc Ninh", 4, 3), "30": ("Hải Dương", 5, 3),
    "31": ("Hải Phòng", 6, 3),
    "37": ("Ninh Bình", 2, 4), "35": ("Hà Nam", 3, 4), "33": ("Hưng Yên", 4, 4),
    "34": ("Thái Bình", 5, 4),
    "38": ("Thanh Hóa", 2, 5), "36": ("Nam Định", 3, 5),
    "40": ("Nghệ An", 2, 6),
    "42": ("Hà Tĩnh", 3, 7),
    "44": ("Quảng Bình", 3, 8),
    "45": ("Quảng Trị", 4, 9),
    "46": ("Huế", 4, 10),
    "49": ("Quảng Nam", 4, 11), "48": ("Đà Nẵng", 5, 11),
    "62": ("Kon Tum", 4, 12), "51": ("Quảng Ngãi", 5, 12),
    "64": ("Gia Lai", 4, 13), "52": ("Bình Định", 5, 13),
    "66": ("Đắk Lắk", 4, 14), "54": ("Phú Yên", 5, 14),
    "67": ("Đắk Nông", 3, 15), "68": ("Lâm Đồng", 4, 15), "56": ("Khánh Hòa", 5, 15),
    "72": ("Tây Ninh", 1, 16), "70": ("Bình Phước", 2, 16), "75": ("Đồng Nai", 3, 16),
    "60": ("Bình Thuận", 4, 16), "58": ("Ninh Thuận", 5, 16),
    "80": ("Long An", 1, 17), "74": ("Bình Dương", 2, 17), "79": ("Hồ Chí Minh", 3, 17),
    "77": ("Bà Rịa - Vũng Tàu", 4, 17),
    "89": ("An Giang", 0, 18), "87": ("Đồng Tháp", 1, 18), "82": ("Tiền Giang", 2, 18),
    "83": ("Bến Tre", 3, 18),
    "91": ("Kiên Giang", 0, 19), "92": ("Cần Thơ", 1, 19), "86": ("Vĩnh Long", 2, 19),
    "84": ("Trà Vinh", 3, 19),
    "93": ("Hậu Giang", 1, 20), "94": ("Sóc Trăng", 2, 20),
    "96": ("Cà Mau", 0, 21), "95": ("Bạc Liêu", 1, 21),
}  # fmt: skip

#: The 34 provinces and cities from 1 July 2025.
FROM_2025 = {
    "04": ("Cao Bằng", 3, 0),
    "12": ("Lai Châu", 0, 1), "15": ("Lào Cai", 1, 1), "08": ("Tuyên Quang", 2, 1),
    "19": ("Thái Nguyên", 3, 1), "20": ("Lạng Sơn", 4, 1),
    "11": ("Điện Biên", 0, 2), "14": ("Sơn La", 1, 2), "25": ("Phú Thọ", 2, 2),
    "01": ("Hà Nội", 3, 2), "24": ("Bắc Ninh", 4, 2), "22": ("Quảng Ninh", 5, 2),
    "37": ("Ninh Bình", 3, 3), "33": ("Hưng Yên", 4, 3), "31": ("Hải Phòng", 5, 3),
    "38": ("Thanh Hóa", 2, 4),
    "40": ("Nghệ An", 2, 5),
    "42": ("Hà Tĩnh", 3, 6),
    "44": ("Quảng Trị", 3, 7),
    "46": ("Huế", 4, 8),
    "48": ("Đà Nẵng", 4, 9),
    "51": ("Quảng Ngãi", 4, 10),
    "52": ("Gia Lai", 4, 11),
    "66": ("Đắk Lắk", 4, 12),
    "68": ("Lâm Đồng", 3, 13), "56": ("Khánh Hòa", 4, 13),
    "80": ("Tây Ninh", 1, 14), "75": ("Đồng Nai", 2, 14), "79": ("Hồ Chí Minh", 3, 14),
    "91": ("An Giang", 0, 15), "82": ("Đồng Tháp", 1, 15), "86": ("Vĩnh Long", 2, 15),
    "96": ("Cà Mau", 0, 16), "92": ("Cần Thơ", 1, 16),
}  # fmt: skip

#: The first year drawn on the map of the 34: the merger took effect on
#: 1 July 2025, and the year's figures are reported by the new provinces.
FIRST_YEAR_OF_34 = 2025


def grid_for(year: int) -> dict[str, tuple[str, int, int]]:
    return FROM_2025 if year >= FIRST_YEAR_OF_34 else BEFORE_2025
