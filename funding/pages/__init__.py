"""The public figures pages at ``/so-lieu/``: views, their query
parameters, the tables they compute (``tables``: the overview;
``area_tables``: a region's and a province's), SVG charts (``charts``),
table downloads (``downloads``) and the open data (``open_data``); and the
building of a data block's tables and chart from its figures (``blocks``),
which the article page (``news``) shows.

May import ``funding.core`` only (an import-linter contract); knows neither
the spreadsheet pipeline (``funding.imports``) nor the checker.
"""
