"""How the checker's tests check a text: the checker given some figures,
what it says of each printed number, and the areas the figures are of.
One home for them, so that every test reads a text the same way."""

from funding.checker import Checker, plain_text
from funding.models import Area, Figure, Indicator

E, P = Figure.Measure.EXECUTED, Figure.Measure.PLAN
EST = Figure.Measure.ESTIMATE
ALL, KCQG, KCDP = Figure.Fund.ALL, Figure.Fund.KCQG, Figure.Fund.KCDP


def area(name):
    """The area of this short name as it is now (after the 2025 merger)."""
    return Area.objects.filter(short_name=name).get(valid_to=None)


def area_before_merger(name):
    """The area of this short name as it was before the 2025 merger."""
    return Area.objects.filter(short_name=name).get(valid_to__isnull=False)


def check(figures, text, bindings=None):
    """The report on ``text`` (plain text, as the article's body)."""
    return Checker(figures, bindings=bindings).check_parts([("body", text)])


def quoted_verdicts(report):
    """Each printed number with its verdict, in the text's order."""
    return [(f.quote.text, f.verdict) for f in report.findings]


def read(figures, text):
    return quoted_verdicts(check(figures, text))


def read_with_report(figures, text):
    """``read``, and the report, for what else it says."""
    report = check(figures, text)
    return quoted_verdicts(report), report


def read_html(figures, html):
    """``read`` of a rich-text body, by its words (``plain_text``)."""
    return read(figures, plain_text(html))


def html_verdicts(figures, html):
    """Each printed number of a rich-text body → its verdict (a number
    printed twice: its last)."""
    return dict(read_html(figures, html))


def paragraph_verdicts(figures, text):
    """``html_verdicts`` of the one paragraph ``text``."""
    return html_verdicts(figures, f"<p>{text}</p>")


def figures_of(make_figure, place, *rows, **common):
    """The figures of one area, as most fixtures here set them up: one per
    row ``(year, measure, value[, fund])``, each with the options
    ``common`` (``source=KCQG``, ``indicator=…``). ``place``: an area, or
    the short name of one as it is now."""
    if isinstance(place, str):
        place = area(place)
    return [make_figure(place, *row, **common) for row in rows]


def kon_tum_and_gia_lai_2024(make_figure, *, six_months=True, projects=True):
    """Kon Tum 2024 (before the merger): planned 9 tỷ (KCQG 2,5, KCĐP 6,5),
    spent 8,64 tỷ (KCQG 2,38, KCĐP 6,26), 6,12 tỷ in nine months (and 3,6
    tỷ in six, 30 of 32 đề án, unless left out); Gia Lai 2024: planned 10
    tỷ, spent 9,5 tỷ. The figures of the tests of bare amounts and chat
    shorthand."""
    kon_tum, gia_lai = area_before_merger("Kon Tum"), area_before_merger("Gia Lai")
    figures = [
        make_figure(kon_tum, 2024, P, "9000000000"),
        make_figure(kon_tum, 2024, E, "8640000000"),
        make_figure(kon_tum, 2024, P, "2500000000", KCQG),
        make_figure(kon_tum, 2024, E, "2380000000", KCQG),
        make_figure(kon_tum, 2024, P, "6500000000", KCDP),
        make_figure(kon_tum, 2024, E, "6260000000", KCDP),
        make_figure(kon_tum, 2024, E, "6120000000", months=9),
    ]
    if six_months:
        figures.append(make_figure(kon_tum, 2024, E, "3600000000", months=6))
    if projects:
        count = Indicator.objects.get(code="so-de-an")
        figures += [
            make_figure(kon_tum, 2024, P, "32", indicator=count),
            make_figure(kon_tum, 2024, E, "30", indicator=count),
        ]
    return figures + [
        make_figure(gia_lai, 2024, P, "10000000000"),
        make_figure(gia_lai, 2024, E, "9500000000"),
    ]


def dien_bien_2021_2024(make_figure):
    """Điện Biên spent 5 tỷ đồng in 2021, 6 in 2022, 7 of 8 planned in 2023
    and 7,252 of 8,4 in 2024. The figures of the tests of changes and rates
    over several years."""
    return figures_of(
        make_figure,
        "Điện Biên",
        (2021, E, "5000000000"),
        (2022, E, "6000000000"),
        (2023, P, "8000000000"),
        (2023, E, "7000000000"),
        (2024, P, "8400000000"),
        (2024, E, "7252000000"),
    )


def nghe_an_2025_to_october(make_figure):
    """Nghệ An 2025: 17 tỷ đồng planned, 10,45 tỷ spent by September and
    12,18 tỷ by October (KCQG: 4,2; 2,9; 3,35): the figures of the tests of
    monthly trackers."""
    province = area("Nghệ An")
    return [
        make_figure(province, 2025, P, "17000000000"),
        make_figure(province, 2025, E, "10450000000", months=9),
        make_figure(province, 2025, E, "12180000000", months=10),
        make_figure(province, 2025, P, "4200000000", KCQG),
        make_figure(province, 2025, E, "2900000000", KCQG, months=9),
        make_figure(province, 2025, E, "3350000000", KCQG, months=10),
    ]
