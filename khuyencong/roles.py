"""The roles people work in, as groups of permissions: what each may do
today, in one place.

The migrations made these groups step by step (``news`` 0002, ``funding``
0002, 0004 and 0006, and the move of data blocks to ``news``); this is
where they ended, and a test holds the two to each other. Tests that empty
the database make the groups again from here. Permissions are named as
``app_label.codename`` strings: the project imports no app.
"""

from django.contrib.auth.models import Group, Permission

EDITOR = "Biên tập viên"
SECRETARY = "Thư ký tòa soạn"
DATA_STAFF = "Cán bộ số liệu"

# Data blocks were funding's until news migration 0005, which moved their
# permissions (with whoever held them) to news.
_BLOCKS = [
    "news.add_datablock",
    "news.change_datablock",
    "news.delete_datablock",
    "news.view_datablock",
]
_REFERENCE = [
    "funding.view_area",
    "funding.view_figure",
    "funding.view_indicator",
    "funding.view_programmecontent",
    "funding.view_sourcedocument",
    "funding.view_documentfile",
]
_WRITING = [
    "news.add_article",
    "news.change_article",
    "news.view_article",
    "news.view_category",
    "news.add_articleimage",
    "news.change_articleimage",
    "news.delete_articleimage",
    "news.view_articleimage",
    "news.view_historicalarticle",
    "news.view_correction",
    # The image library (news migration 0009).
    "news.add_libraryimage",
    "news.change_libraryimage",
    "news.view_libraryimage",
    "news.add_tag",
    "news.view_tag",
]
# The site's settings, menus and links; the tags' names.
_SITE = [
    "news.view_sitesettings",
    "news.change_sitesettings",
    "news.add_sitelink",
    "news.change_sitelink",
    "news.delete_sitelink",
    "news.view_sitelink",
    "news.change_tag",
    "news.delete_tag",
]
_FIGURES = [
    f"funding.{action}_{model}"
    for model in (
        "area",
        "figure",
        "indicator",
        "programmecontent",
        "regionmembership",
        "sourcedocument",
        "documentfile",
    )
    for action in ("add", "change", "delete", "view")
]
# The documents library (văn bản): published by the newsroom too (seeing
# documents is in _REFERENCE).
_DOCUMENTS = [
    f"funding.{action}_{model}"
    for model in ("sourcedocument", "documentfile")
    for action in ("add", "change")
]

ROLES = {
    # Writes and edits drafts, uploads photos, builds data blocks; cannot
    # publish.
    EDITOR: [*_WRITING, *_BLOCKS, *_REFERENCE],
    # Reviews, publishes, schedules, withdraws; categories and corrections;
    # the site's settings, menus and tags.
    SECRETARY: [
        *_WRITING,
        *_SITE,
        "news.delete_article",
        "news.delete_libraryimage",
        "news.publish_article",
        "news.add_category",
        "news.change_category",
        "news.add_correction",
        "news.change_correction",
        "news.delete_correction",
        *_BLOCKS,
        *_REFERENCE,
        *_DOCUMENTS,
    ],
    # The figures, their imports, and attaching figures to stories.
    DATA_STAFF: [
        *_FIGURES,
        "funding.view_historicalfigure",
        "funding.import_figure",
        "funding.view_importrecord",
        *_BLOCKS,
        "news.view_article",
    ],
}


def grant_roles() -> None:
    """Make each role's group if it is missing and give it its permissions
    (adding only: a permission taken from a group elsewhere stays taken
    from the others it has)."""
    wanted = {tuple(dotted.split(".")) for names in ROLES.values() for dotted in names}
    found = {
        (permission.content_type.app_label, permission.codename): permission
        for permission in Permission.objects.select_related("content_type").filter(
            codename__in={codename for _app, codename in wanted}
        )
    }
    if missing := sorted(wanted - found.keys()):
        raise Permission.DoesNotExist(f"no such permission: {missing}")
    for name, permissions in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *(found[tuple(dotted.split("."))] for dotted in permissions)
        )
