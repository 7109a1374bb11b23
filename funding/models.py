"""The app's models, where Django and the migrations look for them: they
live in ``funding.core.models``."""

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

__all__ = [
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
