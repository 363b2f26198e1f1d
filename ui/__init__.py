"""The PySide6 desktop app; it builds on the Qt-free core in ``recommender``."""
