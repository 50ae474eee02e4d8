"""Reviewed data files (templates, labels, value markers, dictionaries); no code lives here."""
