"""The figures core: what every other part of ``funding`` builds on.

The models (indicators, programme contents, areas with the 2025 merger,
region membership per year, source documents, figures, import records and
their changes); derived figures (``derived``) and figures as tables show
them, stored or derived, with every fund triple completed (``cells``);
number parsing (``numbers``) and Vietnamese formatting (``formatting``); the years figures may have
(``periods``); the reference data every installation starts with
(``reference``); the rule of which figures a data block names
(``selection``); safe CSV/XLSX files (``exports``); the figure form
(``forms``) and the warning about an executed figure without a plan
(``services``); what ``funding`` announces (``signals``: ``figures_changed``)
and asks (``usage``: who uses a figure); the demo figures (``demo``).

Imports no other part of ``funding`` and no other app (import-linter
contracts): the parts above it (``pages``, ``imports``, ``checker``) and
``news`` (through ``funding.api``) import it.
"""
