"""The project's plumbing: settings, the root URLconf, the admin site and
its guards, the page cache, hardening and logging middleware, query
parameters, backups, images, shared text helpers, the roles.

Imports no app (an import-linter contract, which sees imports inside
functions too): apps are named by string (URLconfs, settings), and they
tell the plumbing what it needs from their ``AppConfig.ready()``
(``pagecache.connect``, ``pagecache.register_next_change``).
"""
