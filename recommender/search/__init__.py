"""Finding vendors: text matching, filters and the ranked results the CLI and the app show."""
