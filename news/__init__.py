"""News: categories, articles and their photos, corrections, the publishing
workflow, search, feeds and sitemaps; and figures in stories, which the
article owns (data blocks, the quotes the checker found, the block CSV, the
figure check of an article, the review list when figures change).

May import ``khuyencong`` and, of ``funding``, ``funding.api`` only (an
import-linter contract); templates may load ``funding_tags``.
"""
