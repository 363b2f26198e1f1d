"""Storage: the SQLite database, its typed models, migrations and the change log that sync ships."""
