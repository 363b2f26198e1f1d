"""Exporters: write the directory out in formats that Grapevine (and people) can read back."""
