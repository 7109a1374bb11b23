"""The admin walk's POSTs: every route of the admin site that takes one,
with the payload a superuser's page gives and the rule for who may make the
change (see ``test_admin_posts``)."""

from dataclasses import dataclass, field

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import RequestFactory
from django.urls import URLPattern, resolve, reverse

from funding.api import NOT_A_FIGURE
from funding.imports.forms import UPLOAD_SALT, sign_upload
from funding.models import SourceDocument
from khuyencong.signing import unsign_for
from news.figure_check import check_article
from news.models import Article, DataBlock
from tests.admin_forms import browser_payload, stored_version
from tests.conftest import png_bytes

from .admin_rules import (
    ARTICLE_PARTS,
    is_locked,
    may,
    may_delete,
    protected,
)

STANDARD = ("changelist", "add", "change", "delete", "history", "simple_history")
#: What writes nothing even for a superuser (by route name, model and view,
#: or action).
WRITES_NOTHING = {
    "funding_figure_import",  # the preview: written on confirmation only
    "funding_figure_export",
    "funding_figure_template",
    # An import job's page and status: GET only (405 to a POST).
    "funding_figure_import_job",
    "funding_figure_import_job_status",
    "otp_totp_totpdevice_config",
    # The editor's image picker: a page (GET only; 405 to a POST).
    "news_libraryimage_picker",
    "otp_totp_totpdevice_qrcode",
    "funding.importrecord:change",  # records are read-only
    "news_article_compare",  # two versions side by side: read only
    "action:export_xlsx",
    "action:export_ods",
    "action:export_csv",
    "action:export_report",
}
IMPORT_FILE = "Tỉnh, thành phố;Năm;Kế hoạch (tỷ đồng)\nNinh Thuận;2022;13,61\n"
PASSWORD = "Mat-khau-moi-rat-dai-2026!"

ACTIONS = {
    "delete_selected": lambda perms, objs: all(may_delete(perms, o) for o in objs),
    "publish_selected": lambda perms, objs: "news.publish_article" in perms,
    "withdraw_selected": lambda perms, objs: "news.publish_article" in perms,
    "mark_reviewed": lambda perms, objs: "news.publish_article" in perms,
    "undo": lambda perms, objs: "funding.import_figure" in perms,
    "cleanup_expired_attempts": lambda p, objs: "axes.delete_accessattempt" in p,
}


@dataclass
class Post:
    """One POST of the walk. ``allowed(perms)``: may its sender make the
    change (None: nobody changes anything). ``watched``: the table that
    must change (None: any). ``gate(perms)``: may the sender use the route
    at all (if not, nothing at all may change); by default ``allowed``.
    ``prepare(superuser_client, sender)``: more of the payload, made for
    the sender. ``denied``: the status a sender who may not is answered."""

    label: str
    url: str
    data: dict
    allowed: object
    watched: str | None = None
    gate: object = None
    prepare: object = None
    files: dict = field(default_factory=dict)
    denied: int | None = None

    def verdict(self, perms, changed: set[str]) -> str | None:
        if self.allowed is None:
            return f"changed {sorted(changed)}" if changed else None
        allowed = self.allowed(perms)
        gate = self.gate(perms) if self.gate else allowed
        hit = self.watched in changed if self.watched else bool(changed)
        if allowed and not hit:
            return "changed nothing, but may"
        if not allowed and (hit or (changed and not gate)):
            return f"may not, but changed {sorted(changed)}"
        return None


# --- payloads ----------------------------------------------------------------


def _widget_kind(form_field) -> str | None:
    widget = form_field.widget
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return getattr(widget, "input_type", None)


def _editable(form, prefix=""):
    """The name of one field to edit: a text area; else a text box, one
    that need not be unique (nor an address or code) if there is one; else
    a number. Never a relation."""
    model_fields = {f.name: f for f in form._meta.model._meta.fields}

    def code(name):
        return isinstance(model_fields.get(name), models.SlugField)

    def unique(name):
        return getattr(model_fields.get(name), "unique", False)

    def date(name):
        # A date box is a text box, but "… (sửa)" is no date.
        return isinstance(model_fields.get(name), models.DateField)

    preferences = [
        lambda name, kind: kind == "textarea",
        lambda name, kind: (
            kind == "text" and not code(name) and not unique(name) and not date(name)
        ),
        lambda name, kind: kind == "text" and not code(name) and not date(name),
        lambda name, kind: kind == "number",
    ]
    for preferred in preferences:
        for name, form_field in form.fields.items():
            model_field = model_fields.get(name)
            if form_field.disabled or form_field.widget.is_hidden:
                continue
            if model_field is not None and model_field.is_relation:
                continue
            if preferred(name, _widget_kind(form_field)):
                return f"{prefix}{name}"
    return None


def _edited(payload: dict, key: str | None) -> dict:
    payload = dict(payload)
    if key is None:
        return payload
    value = payload.get(key, "")
    if value.isdigit():
        payload[key] = str(int(value) + 10)
    else:
        payload[key] = f"{value} (sửa)"
    return payload


def _new(model_field, value):
    """A value of ``model_field`` unlike ``value`` (for a unique one)."""
    if model_field.is_relation or model_field.choices or not isinstance(value, str):
        return value
    if isinstance(model_field, models.IntegerField):
        return str(int(value) + 10)
    if isinstance(model_field, models.DateField):
        day, month, year = value.split("/")
        return f"{day}/{month}/{int(year) + 10}"
    return f"{value}-moi"


def change_posts(su, obj) -> list[Post]:
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    page = su.get(url)
    assert page.status_code == 200, url
    payload = browser_payload(page)
    if f"{opts.label_lower}:change" in WRITES_NOTHING:
        return [Post(url, url, payload, None)]
    may_change = lambda perms, o=obj: may(perms, "change", o)  # noqa: E731
    key = _editable(page.context["adminform"].form)
    posts = [Post(f"{url} {key}", url, _edited(payload, key), may_change)]
    for inline in page.context["inline_admin_formsets"]:
        if not inline.formset.initial_forms:
            continue
        row = inline.formset.initial_forms[0]
        key = _editable(row, prefix=f"{row.prefix}-")
        if key is not None:
            posts.append(
                Post(
                    f"{url} {key}",
                    url,
                    _edited(payload, key),
                    lambda perms, o=row.instance, gate=may_change: (
                        gate(perms) and may(perms, "change", o)
                    ),
                    watched=row.instance._meta.db_table,
                    gate=may_change,
                )
            )
    return posts


def add_post(su, template) -> Post:
    """The add form filled in like ``template``'s change form, with what
    must be unique made new."""
    opts = template._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    page = su.get(url)
    if page.status_code == 403:  # nobody may add these
        return Post(url, url, {}, lambda perms: False)
    payload = browser_payload(page)
    change = reverse(
        f"admin:{opts.app_label}_{opts.model_name}_change", args=[template.pk]
    )
    like = browser_payload(su.get(change))
    form = page.context["adminform"].form
    for name, form_field in form.fields.items():
        if name in like:
            payload[name] = like[name]
        if isinstance(form_field.widget, forms.PasswordInput):
            payload[name] = PASSWORD
    unique = {f.name for f in opts.fields if f.unique and not f.primary_key}
    for constraint in opts.constraints:
        unique |= set(getattr(constraint, "fields", ()))
    for together in opts.unique_together:
        unique |= set(together)
    for name in unique & set(payload):
        payload[name] = _new(opts.get_field(name), payload[name])
    payload.pop("opened_version", None)
    return Post(
        f"{url} like {template.pk}",
        url,
        payload,
        lambda perms, o=template: may(perms, "add", o),
    )


def history_post(su, obj) -> Post:
    opts = obj._meta
    record = obj.history.order_by("history_date").first()
    url = reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        args=[obj.pk, record.pk],
    )
    page = su.get(url)
    key = _editable(page.context["adminform"].form)
    payload = _edited(browser_payload(page), key)
    return Post(url, url, payload, lambda perms, o=obj: may(perms, "change", o))


def changelist_posts(su, model, model_admin, rows) -> list[Post]:
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    page = su.get(url)
    posts = []
    # An admin without actions (the site's settings: no deletion) has no form.
    action_form = page.context["action_form"]
    actions = action_form.fields["action"].choices if action_form else []
    for action, _label in actions:
        if not action:
            continue
        rule = ACTIONS.get(action)
        if rule is None and f"action:{action}" not in WRITES_NOTHING:
            raise AssertionError(f"no rule for the action {action}")
        posts.append(
            Post(
                f"{url} action {action}",
                url,
                {
                    "action": action,
                    "_selected_action": [str(o.pk) for o in rows],
                    "index": "0",
                    "post": "yes",
                },
                (lambda perms, r=rule, objs=rows: r(perms, objs)) if rule else None,
            )
        )
    if model_admin.list_editable:
        payload = browser_payload(page, form_id="changelist-form")
        key = next(k for k in payload if k.endswith(f"-{model_admin.list_editable[0]}"))
        posts.append(
            Post(
                f"{url} editable {key}",
                url,
                {**_edited(payload, key), "_save": "Lưu"},
                lambda perms, o=rows[0]: may(perms, "change", o),
            )
        )
    return posts


def custom_post(su, name, url) -> Post:
    """A view a model admin adds; each needs its rule here."""
    source = SourceDocument.objects.order_by("pk").first()
    upload = {"source": str(source.pk), "format": "0"}

    def confirmation(su, sender):
        """The preview's confirmation, its kept upload's name signed for
        ``sender`` (as if the sender had previewed it): only the permission
        stands between a sender and the import."""
        previewed = su.post(
            reverse("admin:funding_figure_import"),
            {
                **upload,
                "import_file": SimpleUploadedFile("a.csv", IMPORT_FILE.encode()),
            },
        )
        form = previewed.context["confirm_form"]
        data = {
            name: "" if form.initial.get(name) is None else form.initial[name]
            for name in form.fields
        }
        kept = unsign_for(
            previewed.wsgi_request.user.pk,
            data["import_file_name"],
            salt=UPLOAD_SALT,
            max_age=None,
        )
        data["import_file_name"] = sign_upload(kept, user_id=sender.pk)
        return data

    if name == "funding_figure_import":
        return Post(name, url, upload, None, files={"import_file": IMPORT_FILE})
    if name == "funding_figure_process_import":
        return Post(
            name,
            url,
            {},
            lambda perms: "funding.import_figure" in perms,
            prepare=confirmation,
            denied=403,
        )
    if name == "auth_user_password_change":
        payload = browser_payload(su.get(url))
        payload.update(password1=PASSWORD, password2=PASSWORD)
        return Post(name, url, payload, lambda perms: "auth.change_user" in perms)
    if name == "news_article_bind_figure":
        # The figure check's binding: changing the article, as it is.
        article = Article.objects.get(pk=resolve(url).kwargs["object_id"])
        finding = check_article(article).findings[0]
        return Post(
            name,
            url,
            {"key": finding.key, "reading": NOT_A_FIGURE},
            lambda perms: may(perms, "change", article),
            watched="news_figurebinding",
        )
    if name in ("news_article_review", "news_article_autosave"):
        return article_post(name, url)
    if name == "news_libraryimage_upload":
        # The editor's dialog and the drop zone: a new library image.
        return Post(
            name,
            url,
            {"alt_text": "Ảnh tải lên", "caption": "", "credit": ""},
            lambda perms: "news.add_libraryimage" in perms,
            watched="news_libraryimage",
            prepare=lambda su, sender: {
                "file": SimpleUploadedFile("anh.jpg", png_bytes(fmt="JPEG"))
            },
        )
    if name in WRITES_NOTHING:
        return Post(name, url, {"format": "0"}, None)
    raise AssertionError(f"no rule for the view {name}")


def article_post(name, url) -> Post:
    """A review step (sending a draft for review: anyone who changes
    articles; nothing for an article past that) or an autosave (whoever may
    change the article as it is)."""
    article = Article.objects.get(pk=resolve(url).kwargs["object_id"])
    if name == "news_article_review":
        return Post(
            name,
            url,
            {"step": "gui-duyet"},
            lambda perms: (
                "news.change_article" in perms
                and article.status == Article.Status.DRAFT
            ),
            watched="news_reviewnote",
        )
    return Post(
        name,
        url,
        {
            "title": "Đang gõ",
            "lead": "",
            "body": "",
            "opened_version": stored_version(article),
        },
        lambda perms: may(perms, "change", article),
        watched="news_draftautosave",
    )


# --- the walk ----------------------------------------------------------------


def copy_block(block, article):
    """A copy of the data ``block`` in ``article``."""
    copy = DataBlock.objects.get(pk=block.pk)
    copy.pk, copy.article = None, article
    copy.save()
    for name in ("indicators", "areas", "sources"):
        getattr(copy, name).set(getattr(block, name).all())


def samples(model, model_admin, request) -> dict[str, list]:
    """The rows each kind of route is tried on: to change, the one showing
    the most inlines; to delete, one nothing protects; to copy into the add
    form, the first; and for an article or a part of one, a public and a
    non-public one for each."""
    rows = list(model._default_manager.order_by("pk")[:200])
    if not rows:
        return {"change": [], "delete": [], "add": []}
    chosen = {
        "change": [max(rows, key=lambda r: len(model_admin.get_inlines(request, r)))],
        "delete": [next((r for r in rows if not protected(r)), rows[0])],
        "add": [rows[0]],
    }
    if model is Article or model in ARTICLE_PARTS:
        by_state = [
            next((r for r in rows if is_locked(r) is state), None)
            for state in (True, False)
        ]
        for kind in chosen:
            chosen[kind] = [r for r in by_state if r is not None]
    return chosen


class Pages:
    """A superuser's client whose pages are each fetched once."""

    def __init__(self, client):
        self.client = client
        self.pages = {}

    def get(self, url):
        if url not in self.pages:
            self.pages[url] = self.client.get(url)
        return self.pages[url]

    def post(self, *args, **kwargs):
        return self.client.post(*args, **kwargs)


def walk(client, superuser) -> list[Post]:
    """Every POST of the walk; pages fetched with the superuser's ``client``."""
    su = Pages(client)
    request = RequestFactory().get("/")
    request.user = superuser
    posts = []
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        info = f"{opts.app_label}_{opts.model_name}"
        chosen = samples(model, model_admin, request)
        rows = list({o.pk: o for kind in chosen.values() for o in kind}.values())
        names = {p.name: p for p in model_admin.get_urls() if isinstance(p, URLPattern)}
        for obj in chosen["change"]:
            posts += change_posts(su, obj)
            if f"{info}_simple_history" in names and obj.history.exists():
                posts.append(history_post(su, obj))
        for obj in chosen["add"]:
            posts.append(add_post(su, obj))
        for obj in chosen["delete"]:
            delete = reverse(f"admin:{info}_delete", args=[obj.pk])
            posts.append(
                Post(delete, delete, {"post": "yes"}, lambda p, o=obj: may_delete(p, o))
            )
        if rows:
            posts += changelist_posts(su, model, model_admin, rows)
        for name, pattern in names.items():
            if name is None or name.removeprefix(f"{info}_") in STANDARD:
                continue
            takes_object = "<" in str(pattern.pattern)
            if takes_object and not rows:
                continue
            url = reverse(f"admin:{name}", args=[rows[0].pk] if takes_object else [])
            posts.append(custom_post(su, name, url))
    return posts
