"""What ``funding`` tells the rest of the site, without knowing who listens."""

from django.dispatch import Signal

#: Figures changed: edited in the admin, written or restored by an import or
#: its undo, or about to be deleted (sent before the deletion, inside its
#: transaction, so a receiver still finds what showed them). ``figures``: a
#: queryset of them. A receiver returns how many published articles it put
#: on the list to review for it (``news`` does); the figure admin says so.
figures_changed = Signal()
