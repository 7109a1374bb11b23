"""The areas a span of text names, as the figures' areas: a name two
provinces bear (one that ended in the 2025 merger, today's) read by the
words around it ("cũ", "trước khi hợp nhất"); the last area named, not one
compared with or described ("gấp 1,7 lần B", "A thuộc khu vực B"); the
merged provinces and the old ones together ("tỉnh mới", "hai tỉnh cũ
cộng lại")."""

from __future__ import annotations

import re

from .named import area_names
from .periods import periods_in

WHOLE_WORDS = re.compile(
    r"(?<!\w)(?:(?:cả\s+)?hai tỉnh|các tỉnh|cộng lại|tỉnh mới|(?:tỉnh\s+)?\w+\s+\(mới\))"
    r"(?!\w)",
    re.IGNORECASE,
)
_NEW_PROVINCE = re.compile(r"tỉnh mới|(?:tỉnh\s+)?\w+\s+\(mới\)", re.IGNORECASE)
#: "toàn tỉnh mới giải ngân": "mới" is "only just" before a verb
_WHOLE_OF = re.compile(r"(?<!\w)(?:toàn|cả)\s+$", re.IGNORECASE)
_ONLY_JUST = re.compile(
    r"\s+(?:giải ngân|đạt|thực hiện|hoàn thành|có|được|chi|triển khai|bố trí)(?!\w)",
    re.IGNORECASE,
)
#: "ba tỉnh cũ giải ngân lần lượt …": each its own, not together
_EACH = re.compile(r"(?<!\w)(?:lần lượt|tương ứng)(?!\w)", re.IGNORECASE)
#: "… lần lượt 4,3 và 3,1 tỷ, cộng 7,4 tỷ": the total after them
_ADDED = re.compile(r"(?<!\w)(?:cộng|tổng)(?!\w)", re.IGNORECASE)
#: An area no figure is of: the old provinces when the data holds none.
NO_AREA = frozenset({0})
#: The provinces a merged one was made of, together ("hai tỉnh cũ cộng
#: lại", "ba tỉnh cũ", "các tỉnh cũ"), not the merged one.
#: and "(ba) địa phương (cũ) cộng lại" (a merged province is one place: two
#: places added up are its old ones).
OLD_WHOLE_WORDS = re.compile(
    r"(?<!\w)(?:(?:cả\s+)?(?:hai|ba|bốn|[2-4])|các)\s+tỉnh(?:\s*\(|\s+)"
    r"(?:cũ|trước đây|trước khi (?:hợp nhất|sáp nhập))(?!\w)"
    r"|(?<!\w)(?:hai|ba|bốn|[2-4])\s+địa phương(?:\s+cũ)?(?=\s+cộng lại(?!\w))",
    re.IGNORECASE,
)
_COUNT_WORDS = {"hai": 2, "ba": 3, "bốn": 4}


def _count(words: str) -> int | None:
    """How many old provinces "hai tỉnh cũ", "3 tỉnh cũ" names, if any."""
    first = words.split()[0].lower()
    if first == "cả":
        first = words.split()[1].lower()
    return int(first) if first.isdigit() else _COUNT_WORDS.get(first)


class AreaReader:
    """The areas of an article's figures, by name, read once."""

    def __init__(self, figures, extra_areas=(), wholes=frozenset(), old=()):
        self.wholes = frozenset(wholes)
        #: the area keys of merged provinces' predecessors added up, and
        #: each of those keys → the predecessors' own area keys
        parts_of = old if isinstance(old, dict) else {}
        self.old_parts = {whole: frozenset(parts) for whole, parts in parts_of.items()}
        self.old_wholes = frozenset(old)
        areas = {f.area_id: f.area for f in figures}
        areas.update({a.pk: a for a in extra_areas})
        names: dict[str, set[int]] = {}
        for area in areas.values():
            for name in area_names(area):
                names.setdefault(_key(name), set()).add(area.pk)
        self.area_names = {k: frozenset(v) for k, v in names.items()}
        #: provinces that ended (in the 2025 merger), whose names live on
        self.ended = frozenset(pk for pk, a in areas.items() if a.valid_to)
        ordered = sorted(self.area_names, key=len, reverse=True)
        self._areas = re.compile(
            "|".join(rf"(?<!\w){_spelled(n)}(?!\w)" for n in ordered) or "(?!x)x",
            re.IGNORECASE,
        )
        self._areas_read: dict[str, frozenset] = {}
        self._spans_read: dict[str, list] = {}

    def named(self, printed: str) -> frozenset:
        """The areas a name as printed stands for."""
        return self.area_names[_key(printed)]

    def _era(self, found: frozenset, span: str, match) -> frozenset:
        """Of a name both a province that ended in the merger and today's
        one bear: the old one when "cũ" follows it or the words before
        say "trước khi hợp nhất", today's after "sau hợp nhất"."""
        old, new = found & self.ended, found - self.ended
        if not old or not new:
            return found
        before = span[: match.start()]
        if _OLD_NAME.match(span, match.end()):
            return old
        last_before = max((m.end() for m in BEFORE_MERGER.finditer(before)), default=-1)
        last_after = max((m.end() for m in AFTER_MERGER.finditer(before)), default=-1)
        if last_before > last_after:
            return old
        if last_after > last_before:
            return new
        return found

    def _old_listed(self, span: str, last) -> frozenset:
        """ "Năm 2024, Tuyên Quang và Hà Giang thực hiện tổng cộng 9,96 tỷ":
        every old province a merged one was made of, named in a list that
        ends with the last area named: their sum (an old whole), not the
        last alone; none when each is given its own ("lần lượt", "đều")."""
        run = self._list_ending_at(span, last)
        if len(run) < 2 or not _listed_as_subject(span, run[0].start(), last.end()):
            return frozenset()
        named = [self.named(m.group(0)) for m in run]
        for whole, parts in self.old_parts.items():
            own = [n & parts for n in named]
            if len(run) == len(parts) and all(own) and frozenset().union(*own) == parts:
                return frozenset({whole})
        return frozenset()

    def _list_ending_at(self, span: str, last) -> list:
        """The names of the list ``last`` ends, in order ("A, B và C": a
        comma only inside a list that ends with "và")."""
        run = [last]
        for match in reversed(list(self._areas.finditer(span, 0, last.start()))):
            joint = span[match.end() : run[0].start()]
            if not _LISTED.fullmatch(joint) or (len(run) == 1 and "," in joint):
                break
            run.insert(0, match)
        return run

    def subject_list(self, span: str) -> list[frozenset]:
        """The areas of the list ``span`` ends with when they are its subject
        all together ("…, trong khi Kon Tum và Đắk Nông cộng lại"), each as
        its name reads there; none for a list compared with or given each
        its own number (``_listed_as_subject``)."""
        names = list(self._areas.finditer(span))
        run = self._list_ending_at(span, names[-1]) if names else []
        if len(run) < 2 or not _listed_as_subject(span, run[0].start(), len(span)):
            return []
        return [self._era(self.named(m.group(0)), span, m) for m in run]

    def _merged_in(self, span: str, match) -> bool:
        """ "Hải Phòng … năm đầu hợp nhất với Hải Dương": a province that
        ended in the merger, named as the partner (not "Hải Dương cũ hợp
        nhất với thành phố Hải Phòng": that one goes on, the subject of
        what follows); "Tỉnh Tuyên Quang mới, … trên cơ sở hợp nhất Tuyên
        Quang và Hà Giang, có …": the provinces it was made of."""
        before = span[: match.start()]
        return bool(_MERGED_LIST.search(before)) or (
            bool(_MERGED_WITH.search(before))
            and self.named(match.group(0)) <= self.ended
        )

    def _named_together(self, span: str, whole) -> bool:
        """ "Cà Mau cũ và Bạc Liêu cộng lại": the areas named, added up (a
        set), not the merged province."""
        return (
            "cộng" in whole[0].lower()
            and len(self.area_spans(span[: whole.start()])) > 1
        )

    def _merged_of(self, found: frozenset) -> frozenset:
        """The merged province the old provinces ``found`` are part of."""
        return frozenset(
            -whole
            for whole, parts in self.old_parts.items()
            if found and found <= parts
        )

    def area_spans(self, span: str) -> list[tuple[int, int]]:
        """Where ``span`` names an area, in order."""
        found = self._spans_read.get(span)
        if found is None:
            found = self._spans_read[span] = [
                m.span() for m in self._areas.finditer(span)
            ]
        return list(found)

    def areas_listed(self, span: str) -> list[frozenset]:
        """The areas ``span`` names, in order, each once."""
        found: list[frozenset] = []
        for match in self._areas.finditer(span):
            area = self.named(match.group(0))
            if area not in found:
                found.append(area)
        return found

    def areas_in(self, span: str) -> frozenset:
        found = self._areas_read.get(span)
        if found is None:
            found = self._areas_read[span] = self._areas_in(span)
        return found

    def _areas_in(self, span: str) -> frozenset:
        found, position, last = frozenset(), -1, None
        for match in self._areas.finditer(span):
            # "A giải ngân nhiều nhất, gấp 1,7 lần B": B is compared with,
            # A is what the span is about; "tỉnh A thuộc khu vực B": B only
            # describes A
            if last is None or not (
                _COMPARED_WITH.search(span[: match.start()])
                or self._merged_in(span, match)
                or _DESCRIBED.fullmatch(span, last.end(), match.start())
            ):
                last, position = match, match.start()
        if last is not None:
            listed = self._old_listed(span, last)
            if listed:
                return listed
            found = self._era(self.named(last.group(0)), span, last)
            merged = self._merged_of(found)
            if merged and _WHOLE_PROVINCE.search(span, last.end()):
                # "…, cộng 2,47 tỷ của B, toàn tỉnh 5,62 tỷ": B's merged
                # province, which B is now part of
                return merged
        named = list(WHOLE_WORDS.finditer(span))
        whole = named[-1] if named else None
        old = [m for m in OLD_WHOLE_WORDS.finditer(span) if not _aside(span, m)]
        last_old = old[-1] if old else None
        if last_old is not None and last_old.start() >= position:
            each = _EACH.search(span, last_old.end())
            if each and not _ADDED.search(span, each.end()):
                # "hai tỉnh cũ lần lượt 3 và 2 tỷ": each one of them, unnamed
                return frozenset().union(*self.old_parts.values()) or NO_AREA
            counts = {len(parts) for parts in self.old_parts.values()}
            if (count := _count(last_old[0])) and count not in counts:
                # "ba tỉnh cũ" where two were merged: none of the data
                return NO_AREA
        if (
            last_old is not None
            and last_old.start() >= position
            and (
                whole is None
                or whole.start() - last_old.end() < 4
                or "cộng" in whole[0]
            )
        ):
            # "kế hoạch của ba tỉnh cũ"; with none stored, no area of the data
            return self.old_wholes or NO_AREA
        wholes = self._wholes_of(span, whole)
        if (
            whole is not None
            and whole.start() >= position
            and wholes
            and not _before_the_mergers(span[: whole.start()])
            and not self._named_together(span, whole)
        ):
            return wholes
        return found

    def _wholes_of(self, span: str, whole) -> frozenset:
        """The areas made of others ``whole`` may name: "tỉnh mới" only a
        merged province, and none in "toàn tỉnh mới giải ngân" ("the whole
        province has only just"); "các tỉnh", "cộng lại" a region as well."""
        if whole is None or not _NEW_PROVINCE.fullmatch(whole[0]):
            return self.wholes
        just = _ONLY_JUST.match(span, whole.end())
        if just and _WHOLE_OF.search(span, 0, whole.start()):
            return frozenset()
        return self.wholes & frozenset(-w for w in self.old_parts)


def _aside(span: str, match) -> bool:
    """ "4,3 tỷ đồng (cộng kế hoạch của ba địa phương cũ), bằng 13,33% …":
    words in parentheses closed before the span's end say what the number
    before them is made of, not whose the numbers after are."""
    opened = span.rfind("(", 0, match.start())
    closed = span.find(")", match.end())
    return (
        opened >= 0
        and ")" not in span[opened : match.start()]
        and closed >= 0
        and "(" not in span[match.end() : closed]
    )


#: a dash inside a name, however printed: "Miền Trung - Tây Nguyên",
#: "miền Trung – Tây Nguyên", "Bà Rịa-Vũng Tàu"
_DASH = re.compile(r"\s*[-–—]\s*")


def _key(name: str) -> str:
    return _DASH.sub(" - ", name.lower().strip())


def _spelled(name: str) -> str:
    """A name's pattern, any dash in it as any dash."""
    return r"\s*[-–—]\s*".join(re.escape(part) for part in _DASH.split(name))


def _before_the_mergers(span: str) -> bool:
    """ "Tính đến hết tháng 11/2024, tỉnh mới giải ngân 7,09 tỷ": a period
    before the 2025 mergers makes "tỉnh mới" "the province only just", not
    the merged province (a comparison's year aside)."""
    return any(year and year < 2025 for _m, year, _months in periods_in(span))


#: what joins the names of a list of areas: "A, B và C", "A cũ và B"
_LISTED = re.compile(r"\s*(?:\(?cũ\)?\s*)?(?:,\s*(?:và\s+)?|và\s+)", re.IGNORECASE)
#: a list that is no subject: compared with, set aside, merged ("so với A
#: và B", "ngoài A, B", "hợp nhất A và B")
_NOT_LISTED_BEFORE = re.compile(
    r"(?<!\w)(?:so với|ngoài|khác với|cũng như|cùng với|tương tự|như|trừ|hơn|kém"
    r"|hợp nhất|sáp nhập|sắp xếp|gồm|từ)\s+(?:(?:các\s+)?(?:tỉnh|thành phố)\s+)?$",
    re.IGNORECASE,
)


def _listed_as_subject(span: str, first: int, end: int) -> bool:
    """Is the list from ``first`` to ``end`` what ``span`` is about, all
    together? Not one compared with, set aside or merged ("so với A và
    B", "ngoài A, B", "bằng tổng kế hoạch của A và B" after the merged
    province), nor one whose members each get a number ("lần lượt", "A và
    B giải ngân 7 tỷ và 12 tỷ")."""
    before, after = span[:first], span[end:]
    return not (
        _NOT_LISTED_BEFORE.search(before)
        or _COMPARED_NEAR.search(before[-40:])
        or AFTER_MERGER.search(before)
        or WHOLE_WORDS.search(before)
        or _EACH_OWN.match(after)
        or _NUMBER_AFTER.search(after)
    )


#: a comparison shortly before a list: "bằng tổng kế hoạch của A và B"
_COMPARED_NEAR = re.compile(r"(?<!\w)(?:bằng|so với|gồm|gấp)(?!\w)", re.IGNORECASE)
#: each of a list its own number, said right after it: "lần lượt", "đều
#: đạt", "mỗi tỉnh", "cùng giải ngân", "cao nhất là"
_EACH_OWN = re.compile(
    r"[^\d]{0,30}?(?<!\w)(?:lần lượt|tương ứng|đều|mỗi|cùng|(?:cao|thấp|nhiều|ít)\s+nhất)"
    r"(?!\w)",
    re.IGNORECASE,
)
#: a number between the list and the one read, not a year's
_NUMBER_AFTER = re.compile(r"(?<![\d.,/])(?!(?:19|20)\d{2}(?!\d))\d+(?:[.,]\d+)*")
_COMPARED_WITH = re.compile(
    r"(?:gấp\s+(?:hơn\s+|gần\s+)?[\d,.]+\s+lần|so với|cao hơn|thấp hơn|nhiều hơn"
    r"|ít hơn)\s+(?:(?:tỉnh|thành phố)\s+)?$",
    re.IGNORECASE,
)
#: "Hải Phòng … năm đầu hợp nhất với Hải Dương": the province merged in is
#: the partner, the area named before it the subject
_MERGED_WITH = re.compile(
    r"(?<!\w)(?:hợp nhất|sáp nhập|nhập)\s+(?:với|cùng)\s+(?:(?:tỉnh|thành phố)\s+)?$",
    re.IGNORECASE,
)
#: "(trên cơ sở) hợp nhất Tuyên Quang và Hà Giang": the provinces listed
_NAME = r"(?-i:[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){0,3})(?:\s+cũ)?"
_MERGED_LIST = re.compile(
    r"(?<!\w)(?:hợp nhất|sáp nhập)\s+(?:(?:các\s+)?(?:tỉnh|thành phố)\s+)?"
    # before the first name, or after "A, " or "A, B và " (not after "A và
    # B, ": the list ended; not "hợp nhất với B, tỉnh A": B the partner)
    rf"(?:{_NAME}(?:\s*,\s*{_NAME})*(?:\s*,|\s+và)\s+(?:(?:tỉnh|thành phố)\s+)?)?$",
    re.IGNORECASE,
)
#: "tỉnh A thuộc khu vực B", "A (nằm trong vùng B)": the words between two
#: areas that make the second a description of the first
_DESCRIBED = re.compile(
    r"\s*(?:[(,]\s*)?(?:thuộc|nằm trong)\s+(?:(?:vùng|khu vực|miền)\s+)?",
    re.IGNORECASE,
)
#: "toàn tỉnh", "cả thành phố": the province as it is now, all of it (after
#: an old one's name, or the old ones together)
WHOLE_PROVINCE = r"(?<!\w)(?:toàn|cả)\s+(?:tỉnh|thành phố)(?!\s+(?:cũ|trước))(?!\w)"
_WHOLE_PROVINCE = re.compile(
    WHOLE_PROVINCE
    # "phần của B là 63,13% trên 19,8 tỷ đồng": the whole a share is of
    + r"|\d\s*%\s+(?:trên|của)\s+(?:tổng\s+)?$",
    re.IGNORECASE,
)
#: "trước (thời điểm|khi) hợp nhất", "khi chưa sáp nhập": the old provinces' time
BEFORE_MERGER = re.compile(
    r"(?<!\w)(?:trước\s+(?:thời điểm\s+|khi\s+)?|(?:khi|lúc)\s+chưa\s+)"
    r"(?:hợp nhất|sáp nhập|sắp xếp)",
    re.IGNORECASE,
)
AFTER_MERGER = re.compile(
    r"sau\s+(?:khi\s+)?(?:hợp nhất|sáp nhập|sắp xếp)", re.IGNORECASE
)
_OLD_NAME = re.compile(r"\s*\(?\s*(?:cũ|trước đây)(?!\w)", re.IGNORECASE)
