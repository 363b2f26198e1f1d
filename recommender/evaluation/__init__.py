"""Evaluation on real third-party data: cross-validated rating prediction and "which dentist?" place ranking."""
