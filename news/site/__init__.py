"""The portal's own details and navigation, kept in the database and
edited by staff: the agency's name and contacts, the licence, the main
menu, the footer's and social links (``models``), read once per page-cache
generation (``chrome``), edited on one admin page (``admin``)."""
