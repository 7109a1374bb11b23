"""The library of legal and administrative documents (văn bản): laws,
decrees, decisions, plans, reports. The figures' source documents are
documents of this library (``SourceDocument``, one list)."""
