"""The readers behind ``funding.imports.reading``: one module per file format, and
``base`` with what they share (the limits, enforced while a file is read)."""
