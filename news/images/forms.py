from django import forms

from khuyencong.images import BoundedImageField

from .models import LibraryImage


class LibraryImageForm(forms.ModelForm):
    """An image of the library, uploaded or edited: the file is checked by
    its content (Pillow), its size and its pixels; the alt text is required."""

    class Meta:
        model = LibraryImage
        fields = ["file", "alt_text", "caption", "credit", "focal_x", "focal_y"]
        field_classes = {"file": BoundedImageField}


class LibraryUploadForm(LibraryImageForm):
    """What the editor's dialog and the drop zone send: a file and its words."""

    class Meta(LibraryImageForm.Meta):
        fields = ["file", "alt_text", "caption", "credit"]
