"""The figures core: the models, the reference data and the rules every
other part of ``funding`` builds on."""
