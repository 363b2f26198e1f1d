"""Package data for Grapevine: category taxonomy, demo word lists, icons and themes."""
