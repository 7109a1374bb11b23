"""The app's models, where Django and the migrations look for them: they
live in ``funding.core.models`` (and the documents library's in
``funding.documents.models``)."""

from .core.models import (
    Area,
    AreaName,
    Figure,
    ImportChange,
    ImportRecord,
    Indicator,
    ProgrammeContent,
    RegionMembership,
    SourceDocument,
)
from .documents.models import DocumentFile

__all__ = [
    "DocumentFile",
    "Area",
    "AreaName",
    "Figure",
    "ImportChange",
    "ImportRecord",
    "Indicator",
    "ProgrammeContent",
    "RegionMembership",
    "SourceDocument",
]
