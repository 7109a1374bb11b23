"""The public figures pages at ``/so-lieu/``: views, their query
parameters, the tables they compute, SVG charts and table downloads; and
the building of a data block's tables and chart from its figures, which the
article page (``news``) shows.

May import ``funding.core`` only (an import-linter contract); knows neither
the spreadsheet pipeline (``funding.imports``) nor the checker.
"""
