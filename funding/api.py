"""What the rest of the site may use of ``funding``: this module, and no
other (an import-linter contract holds ``news`` to it). ``funding`` itself
never imports ``news``: it announces changes with a signal and asks through
registered callables.

- The figures and their dimensions, for relations and choices.
- Which figures a data block names: ``Selection`` (read from a block's
  fields), ``figures_for`` (several selections' figures in one query),
  ``showing`` (a filter on blocks for those showing a figure), and
  ``split_codes`` (how a block stores funding sources and measures);
  ``areas_without_figures`` (areas chosen for a block that have no figure
  in its years, with the areas of the same name that have).
- A block as readers see it: ``block_view`` (tables and chart from a block
  and the figures it reads: every fund of what it names, so that a fund
  triple with two funds stored shows its third, derived) and how it may be
  shown (``BlockDisplay``); ``long_layout_csv`` (its figures as a download).
- The checker: ``Checker`` (figures in, a ``Report`` of ``Finding``s with
  their ranked ``Reading``s out; an editor's ``bindings`` win over its
  guess), ``plain_text`` (the words of a rich-text body), the verdicts
  (``MATCH``, ``ROUNDING``, ``MISMATCH``, ``UNSURE``, ``NO_DATA``, with
  ``VERDICT_LABELS``) and ``NOT_A_FIGURE`` (a binding: not a figure);
  ``figures_named`` (the primary keys of the figures a reading's ident
  names: an editor's binding's figures, even when none quotes them).
- ``figures_changed`` (sent when figures change; a receiver returns how many
  published articles it flagged) and ``register_figure_users`` (what uses
  a figure, listed on the figure's page).
- The documents library: ``SourceDocument`` is a document (a figure's
  source among them; ``Article.documents`` relates articles to them), and
  ``load_demo_documents`` makes the demo's documents.
- The demo figures (``load_seed_figures``) and their areas' codes; the
  synthetic figures of every province 2020-2025 (``load_demo_figures``,
  marked as demo in their source document).

Templates may load ``funding_tags`` (amounts and derived figures).
"""

from .checker import (
    MATCH,
    MISMATCH,
    NO_DATA,
    NOT_A_FIGURE,
    ROUNDING,
    UNSURE,
    VERDICT_LABELS,
    Checker,
    Finding,
    Quote,
    Reading,
    Report,
    plain_text,
)
from .checker import SOURCE_MODULES as CHECKER_SOURCES
from .checker.idents import figures_named
from .core.demo import NATION as DEMO_NATION
from .core.demo import REGION as DEMO_REGION
from .core.demo import load_demo_figures, load_seed_figures
from .core.models import Area, Figure, Indicator, ProgrammeContent, SourceDocument
from .core.periods import YEAR_VALIDATORS, years_in_range
from .core.selection import (
    Selection,
    areas_without_figures,
    figures_for,
    showing,
    split_codes,
)
from .core.signals import figures_changed
from .core.usage import register_figure_users
from .documents.demo import load_demo_documents
from .imports.spreadsheets import long_layout_csv
from .pages.blocks import BlockView, block_view
from .pages.blocks import Display as BlockDisplay

__all__ = [
    "CHECKER_SOURCES",
    "DEMO_NATION",
    "DEMO_REGION",
    "MATCH",
    "MISMATCH",
    "NOT_A_FIGURE",
    "NO_DATA",
    "ROUNDING",
    "UNSURE",
    "VERDICT_LABELS",
    "YEAR_VALIDATORS",
    "Area",
    "BlockDisplay",
    "BlockView",
    "Checker",
    "Figure",
    "Finding",
    "Indicator",
    "ProgrammeContent",
    "Quote",
    "Reading",
    "Report",
    "Selection",
    "areas_without_figures",
    "SourceDocument",
    "block_view",
    "figures_changed",
    "figures_for",
    "figures_named",
    "load_demo_documents",
    "load_demo_figures",
    "load_seed_figures",
    "long_layout_csv",
    "years_in_range",
    "plain_text",
    "register_figure_users",
    "showing",
    "split_codes",
]
