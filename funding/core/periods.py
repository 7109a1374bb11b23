"""The years figures may belong to: an import accepts no other, and a page
asks for no other."""

FIRST_YEAR, LAST_YEAR = 1990, 2100
