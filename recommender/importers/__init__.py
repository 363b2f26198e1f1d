"""Importers: read files into the directory all or nothing, naming the file, line and field of any error."""
