"""The read-only JSON API at ``/api/v1/`` (django-ninja): ``endpoints``
(the operations), ``schemas`` (what they read and answer), ``http`` (what
every answer shares), ``urls`` (routes, the examples page)."""
