"""The recommendation engine: the directory loaded for ranking, searched and explained as seen from me."""
