"""The admin routes the editor's image dialog uses: a picker page (opened
by the dialog's "Chọn ảnh…" button) listing the library with an upload
form, and a JSON upload endpoint (staff only, through ``admin_view``: login
and CSRF checked; the add permission checked here)."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .forms import LibraryUploadForm
from .models import LibraryImage
from .renditions import picture_or_none
from .services import save_library_image

PICKER_SIZE = 48


def image_payload(image: LibraryImage) -> dict:
    """What the editor's dialog and the drop zone get back for ``image``."""
    shown = picture_or_none(image, small_only=True)
    return {
        "id": image.pk,
        # The editor shows (and stores) the original's address; readers get
        # renditions through the reference (``data-file``).
        "url": image.file.url,
        "thumbnail": shown.small if shown else "",
        "srcset": shown.webp_srcset if shown else "",
        "alt": image.alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
    }


def _errors(form) -> dict:
    """Each refused field's messages, the field named in each."""
    messages = {}
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        messages[name] = [f"{label}: {error}" if label else error for error in errors]
    return messages


@require_POST
def upload_view(request):
    if not request.user.has_perm("news.add_libraryimage"):
        return JsonResponse(
            {"error": _("Bạn không có quyền tải ảnh lên thư viện ảnh.")}, status=403
        )
    form = LibraryUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = _errors(form)
        return JsonResponse(
            {
                "error": " ".join(m for field in errors.values() for m in field),
                "errors": errors,
            },
            status=400,
        )
    image = save_library_image(image=form.save(commit=False), user=request.user)
    return JsonResponse(image_payload(image), status=201)


@require_GET
def picker_view(request, *, site):
    if not request.user.has_perm("news.view_libraryimage"):
        raise PermissionDenied
    query = request.GET.get("q", "")[:100]
    images = LibraryImage.objects.search(query)[:PICKER_SIZE]
    number = request.GET.get("CKEditorFuncNum", "")
    context = {
        **site.each_context(request),
        "title": _("Chọn ảnh từ thư viện"),
        "is_popup": True,
        "query": query,
        "images": [image_payload(image) for image in images],
        "func_num": number if number.lstrip("-").isdigit() else "",
        "can_upload": request.user.has_perm("news.add_libraryimage"),
        "form": LibraryUploadForm(),
    }
    return TemplateResponse(request, "admin/news/libraryimage/picker.html", context)
