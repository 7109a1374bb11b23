"""Funding figures: the numbers, their pages, their spreadsheets and the
checker of the numbers stories quote.

In parts, each with its reason to change (see each package):

- ``core``: the models and the rules on figures; imports no other part.
- ``pages``: the public pages at ``/so-lieu/`` and how a data block is
  shown; on ``core`` only.
- ``imports``: the spreadsheet pipeline (reading, interpreting, writing,
  undoing, django-import-export's glue, the template); on ``core`` only.
- ``checker``: text and figures in, a report out; on ``core`` only.
- ``api``: what other apps may use (``news`` uses nothing else).
- ``admin``, ``templatetags``, ``management``, ``models`` (the models
  re-exported for Django) and ``migrations``, where Django looks for them:
  they may use every part.

``funding`` never imports ``news``: it announces changed figures
(``figures_changed``) and asks what uses a figure through callables that
apps register. The import-linter contracts in ``pyproject.toml`` hold all
of this.
"""
