"""The units documents print, in one home: the import's reading of a
header or a row's "Đơn vị"/"ĐVT" and the checker's reading of a report
both ask here, so "Trđ" is "triệu đồng" to both."""

import re

from khuyencong.text import fold

#: Units as written, folded → the unit as ``parse_number`` knows it.
UNITS = {
    "ty dong": "tỷ đồng",
    "ti dong": "tỷ đồng",
    "trieu dong": "triệu đồng",
    "nghin dong": "nghìn đồng",
    "ngan dong": "nghìn đồng",
    "1.000 dong": "nghìn đồng",
    "1000 dong": "nghìn đồng",
    "dong": "đồng",
    "vnd": "đồng",
    "de an": "đề án",
    "du an": "dự án",
    "co so": "cơ sở",
    "mo hinh": "mô hình",
    "luot": "lượt",
}
#: Short forms of the money units, folded with spaces and dots removed:
#: "Trđ", "Tr.đồng", "tr.đ", "Tỷ đ", "1000đ", "ng.đ".
SHORT_MONEY = {
    "trd": "triệu đồng",
    "trdong": "triệu đồng",
    "trieud": "triệu đồng",
    "tyd": "tỷ đồng",
    "tid": "tỷ đồng",
    "ngd": "nghìn đồng",
    "nghind": "nghìn đồng",
    "1000d": "nghìn đồng",
    "1000dong": "nghìn đồng",
    "d": "đồng",
    "vnd": "đồng",
}
#: Units that count things rather than money.
COUNT_UNITS = {"đề án", "dự án", "cơ sở", "mô hình", "lượt"}


def unit_word(text: str) -> str | None:
    """The unit a cell's text names: "triệu đồng" from "(triệu đồng)",
    "Tỷ đồng", "Trđ" or "triệu đồng/năm"; None when it names none."""
    raw = str(text or "")
    key = fold(raw).strip(" .:;()")
    key = re.sub(r"\s*/\s*nam$", "", key)
    short = re.sub(r"[\s.]", "", key)
    # A bare "d" is đồng only when written "đ": "(D)", "(d)" letter columns.
    if short.endswith("d") and not short.endswith("dong") and "đ" not in raw.lower():
        return UNITS.get(key)
    return UNITS.get(key) or SHORT_MONEY.get(short)
