import re
from collections import Counter
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from funding.api import figures_changed
from funding.models import Area, Figure, Indicator, ProgrammeContent
from tests.admin_forms import browser_payload, opened_version

pytestmark = pytest.mark.django_db

ADD = reverse("admin:funding_figure_add")


def form(document, **overrides):
    data = {
        "indicator": Indicator.objects.get(code="kinh-phi-khuyen-cong").pk,
        "area": Area.objects.get(code="mien-trung-tay-nguyen").pk,
        "fund": "all",
        "content": ProgrammeContent.objects.get(code="tat-ca").pk,
        "year": "2021",
        "period_kind": "year",
        "period_end": "",
        "measure": "plan",
        "value": "51,23 tỷ",
        "rounding": "0,01 tỷ",
        "source": document.pk,
        "note": "",
    }
    data.update(overrides)
    return data


def test_data_staff_enter_a_figure_the_vietnamese_way(data_client, document):
    response = data_client.post(ADD, form(document))
    assert response.status_code == 302, response.context["adminform"].form.errors
    figure = Figure.objects.get()
    assert figure.value == Decimal(51_230_000_000)
    assert figure.rounding == Decimal(10_000_000)
    assert str(figure.period_end) == "2021-12-31"
    assert figure.history.first().history_user.username == "solieu"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-5 tỷ", "không được âm"),
        ("1.2.3", "nhiều dấu chấm"),
        ("abc", "Giá trị: “abc” không phải là số"),
        # Python reads these as 123; whoever checks the figure does not.
        ("١٢٣", "Giá trị: “١٢٣” có chữ số không phải 0–9"),
        ("１２３ tỷ", "Giá trị: “１２３ tỷ” có chữ số không phải 0–9"),
        ("95%", "tỷ lệ"),
    ],
)
def test_bad_values_get_a_vietnamese_message(data_client, document, value, message):
    response = data_client.post(ADD, form(document, value=value))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["value"]
    assert message in errors[0]
    assert not Figure.objects.exists()


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("1", "từ 1990"),
        ("0", "từ 1990"),
        ("3000", "sau 2100"),
        ("10000", "sau 2100"),
        ("2147483648", ""),
    ],
)
def test_a_year_no_figure_can_have_gets_a_message_on_the_year(
    data_client, document, year, message
):
    """A typo in the year must not store a figure no page can show (year 1
    made the public overview fail) nor fail the form."""
    response = data_client.post(ADD, form(document, year=year))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in errors["year"][0]
    assert not Figure.objects.exists()


def test_the_database_refuses_a_year_out_of_range(make_figure):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_figure("vn", 1, Figure.Measure.PLAN, 1)
    assert not Figure.objects.exists()


def test_a_year_in_other_digits_is_refused_naming_the_field(data_client, document):
    # Django's own integer field reads "٢٠٢١" as 2021.
    response = data_client.post(ADD, form(document, year="٢٠٢١"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["year"]
    assert errors == [
        "Năm: “٢٠٢١” có chữ số không phải 0–9: hãy gõ lại bằng chữ số 0–9."
    ]
    assert not Figure.objects.exists()


def test_duplicate_figure_is_refused_with_a_clear_message(data_client, document):
    assert data_client.post(ADD, form(document)).status_code == 302
    response = data_client.post(ADD, form(document, value="52 tỷ"))
    assert response.status_code == 200
    assert "Số liệu này đã có" in response.content.decode()
    assert Figure.objects.count() == 1


def test_executed_without_plan_is_a_warning_not_a_block(data_client, document):
    response = data_client.post(ADD, form(document, measure="executed"), follow=True)
    assert Figure.objects.filter(measure="executed").exists()
    assert "chưa có số liệu kế hoạch năm 2021" in response.content.decode()
    data_client.post(ADD, form(document, year="2022"))
    response = data_client.post(
        ADD, form(document, year="2022", measure="executed"), follow=True
    )
    assert "chưa có số liệu kế hoạch" not in response.content.decode()


def test_history_shows_old_and_new_values(data_client, document):
    data_client.post(ADD, form(document))
    figure = Figure.objects.get()
    change = reverse("admin:funding_figure_change", args=[figure.pk])
    version = opened_version(data_client, change)
    response = data_client.post(
        change, form(document, value="51,3 tỷ", opened_version=version)
    )
    assert response.status_code == 302
    page = data_client.get(reverse("admin:funding_figure_history", args=[figure.pk]))
    html = page.content.decode()
    assert (
        "51230000000" in html.replace(".", "").replace(",", "")
        or "51230000000.00" in html
    )
    assert "51300000000" in html.replace(".", "").replace(",", "")


def test_reference_data_in_use_is_protected_in_the_admin(
    data_client, document, make_figure
):
    figure = make_figure("vn", 2021, Figure.Measure.PLAN, 1)
    url = reverse("admin:funding_indicator_delete", args=[figure.indicator.pk])
    response = data_client.post(url, {"post": "yes"}, follow=True)
    assert Indicator.objects.filter(pk=figure.indicator.pk).exists()
    assert "Không thể xóa chỉ tiêu" in response.content.decode()


def test_filters_and_autocomplete(data_client, make_figure):
    make_figure("vn", 2021, Figure.Measure.PLAN, 1)
    listing = data_client.get(
        reverse("admin:funding_figure_changelist"),
        {"year": 2021, "measure__exact": "plan"},
    )
    assert listing.status_code == 200
    search = data_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "funding",
            "model_name": "figure",
            "field_name": "area",
            "term": "ninh thuận",
        },
    )
    assert "Ninh Thuận" in str(search.json())


def test_data_staff_role_writes_only_funding_data():
    """Data staff may see articles and attach figures to them (data blocks,
    news' since they moved there) but change nothing else of the news app."""
    perms = set(
        Group.objects.get(name="Cán bộ số liệu").permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    assert {app for app, _codename in perms} == {"funding", "news"}
    assert {codename for app, codename in perms if app == "news"} == {
        "view_article",
        "add_datablock",
        "change_datablock",
        "delete_datablock",
        "view_datablock",
    }


def test_editors_cannot_touch_figures(editor_client):
    assert editor_client.get(ADD).status_code == 403


@pytest.mark.parametrize("role", ["Biên tập viên", None])
def test_history_form_of_a_figure_saves_nothing_for_who_may_only_view(
    client, make_user, make_figure, document, role
):
    figure = make_figure("vn", 2021, Figure.Measure.PLAN, 48_790_000_000)
    record = figure.history.earliest()
    url = reverse(
        "admin:funding_figure_simple_history", args=[figure.pk, record.history_id]
    )
    client.force_login(make_user("xem_so_lieu", role))
    if role:  # may view figures: sees the old version, read-only
        page = client.get(url)
        assert page.status_code == 200
        assert 'name="value"' not in page.content.decode()
    data = form(
        document,
        area=figure.area_id,
        year="2021",
        value="999 tỷ",
        content=figure.content_id,
        fund="all",
    )
    assert client.post(url, data).status_code == 403
    figure.refresh_from_db()
    assert figure.value == Decimal(48_790_000_000)
    assert figure.history.count() == 1


def test_data_staff_restore_a_figure_from_its_history(
    data_client, make_figure, document
):
    figure = make_figure("vn", 2021, Figure.Measure.PLAN, 48_790_000_000)
    figure.value = Decimal(50_000_000_000)
    figure.save()
    first = figure.history.earliest()
    url = reverse(
        "admin:funding_figure_simple_history", args=[figure.pk, first.history_id]
    )
    payload = browser_payload(data_client.get(url))
    assert data_client.post(url, payload).status_code == 302
    figure.refresh_from_db()
    assert figure.value == Decimal(48_790_000_000)


def test_a_figure_saved_meanwhile_is_not_overwritten(make_user, make_figure):
    figure = make_figure("vn", 2021, Figure.Measure.PLAN, 48_790_000_000)
    url = reverse("admin:funding_figure_change", args=[figure.pk])
    first, second = Client(), Client()
    first.force_login(make_user("solieu_a", "Cán bộ số liệu"))
    second.force_login(make_user("solieu_b", "Cán bộ số liệu"))
    form_a = browser_payload(first.get(url))
    form_b = browser_payload(second.get(url))

    assert first.post(url, {**form_a, "value": "49 tỷ"}).status_code == 302
    response = second.post(url, {**form_b, "note": "Theo báo cáo năm."})

    assert response.status_code == 200
    page = response.content.decode()
    assert "solieu_a đã lưu số liệu này" in page
    assert "(nay là “49.000.000.000,00”)" in page
    figure.refresh_from_db()
    assert (figure.value, figure.note) == (Decimal(49_000_000_000), "")
    shown = browser_payload(response)
    assert second.post(url, shown).status_code == 302
    figure.refresh_from_db()
    assert (figure.value, figure.note) == (Decimal(49_000_000_000), "Theo báo cáo năm.")


def test_a_deleted_figure_is_announced_before_it_goes(data_client, make_figure):
    figure = make_figure("vn", 2021, Figure.Measure.PLAN, 48_790_000_000)
    announced = []

    def receiver(*, figures, **_signal):
        announced.append(list(figures.values_list("pk", flat=True)))
        return 2  # as if two published articles showed it

    figures_changed.connect(receiver)
    try:
        response = data_client.post(
            reverse("admin:funding_figure_delete", args=[figure.pk]),
            {"post": "yes"},
            follow=True,
        )
    finally:
        figures_changed.disconnect(receiver)
    assert announced == [[figure.pk]]  # still there when announced
    assert not Figure.objects.filter(pk=figure.pk).exists()
    assert "2 bài đã xuất bản dùng số liệu này" in response.content.decode()


@pytest.mark.parametrize("query", ["term=x", "year__gt=abc", "khong_co=1"])
def test_the_export_page_drops_filters_the_list_refuses(data_client, query):
    export = reverse("admin:funding_figure_export")
    response = data_client.get(f"{export}?{query}")
    assert response.status_code == 302
    assert response["Location"] == f"{export}?e=1"
    assert data_client.get(response["Location"]).status_code == 200


def test_a_refused_filter_after_the_redirect_is_a_page_not_a_loop(data_client):
    export = reverse("admin:funding_figure_export")
    response = data_client.get(f"{export}?e=1&term=x")
    assert response.status_code == 200
    assert "Lỗi cơ sở dữ liệu" in response.content.decode()


def test_the_area_filter_lists_areas_in_vietnamese_alphabetical_order(
    data_client, make_figure
):
    expected = ["Bạc Liêu", "Bắc Giang", "Bình Định", "Đà Nẵng", "Điện Biên", "Huế"]
    for name in reversed(expected):
        area = Area.objects.filter(short_name=name, kind="province").first()
        make_figure(area, 2024, Figure.Measure.PLAN, 1)
    html = data_client.get(reverse("admin:funding_figure_changelist")).content.decode()
    links = re.findall(r'<a href="\?area__id__exact=\d+"[^>]*>([^<(]+)', html)
    shown = [name.strip() for name in links if name.strip() in expected]
    assert shown == expected


def test_a_region_page_reads_its_members_in_a_constant_number_of_queries(
    reference_data, data_client
):
    """A region has members every year since 2015 (hundreds of rows): each
    row's province is not looked up on its own."""
    region = max(
        Area.objects.filter(kind=Area.Kind.REGION),
        key=lambda area: area.memberships.count(),
    )
    rows = region.memberships.count()
    assert rows > 100
    url = reverse("admin:funding_area_change", args=[region.pk])
    with CaptureQueriesContext(connection) as queries:
        page = data_client.get(url)
    assert page.status_code == 200
    assert len(queries) < 40, Counter(q["sql"][:80] for q in queries).most_common(3)
    # Each row still shows its province, chosen.
    html = page.content.decode()
    for member in region.memberships.select_related("province")[:5]:
        option = f'<option value="{member.province_id}" selected>{member.province}'
        assert option in html
    assert html.count(" selected>") >= rows


def restore_first_version(client, figure):
    """Restore ``figure``'s first version from its history; the figures'
    years (as stored) each announcement named."""
    announced = []

    def receiver(*, figures, **_signal):
        announced.append(list(figures.values_list("year", flat=True)))
        return 0

    first = figure.history.earliest()
    url = reverse(
        "admin:funding_figure_simple_history", args=[figure.pk, first.history_id]
    )
    payload = browser_payload(client.get(url))
    figures_changed.connect(receiver)
    try:
        assert client.post(url, payload).status_code == 302
    finally:
        figures_changed.disconnect(receiver)
    return announced


def test_a_restored_version_that_moves_the_figure_is_announced_where_it_was(
    data_client, make_figure
):
    figure = make_figure("vn", 2021, Figure.Measure.PLAN, 48_790_000_000)
    figure.year = 2022
    figure.save()
    # Told before the save (at 2022, where it was) and after (at 2021).
    assert restore_first_version(data_client, figure) == [[2022], [2021]]


def test_a_restored_version_announces_only_a_change(data_client, make_figure):
    figure = make_figure("vn", 2021, Figure.Measure.PLAN, 48_790_000_000)
    figure.save()  # a second version, the same values
    assert restore_first_version(data_client, figure) == []
    figure.value = Decimal(50_000_000_000)
    figure.save()
    assert restore_first_version(data_client, figure) == [[2021]]
