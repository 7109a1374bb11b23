"""What else on the site uses a figure, as the apps that use figures say:
the figure's page lists it. ``funding`` knows nothing of them; each
registers a callable from its ``AppConfig.ready()``."""

from itertools import chain

_finders: list = []


def register_figure_users(find) -> None:
    """``find(figure)`` gives what uses the figure (say, the published
    articles showing or quoting it), each with ``title``,
    ``get_absolute_url()`` and ``published_at``."""
    if find not in _finders:
        _finders.append(find)


def figure_users(figure) -> list:
    """Everything the registered finders say uses ``figure``."""
    return list(chain.from_iterable(find(figure) for find in _finders))
