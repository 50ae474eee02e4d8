"""The bundled sample report used by `govextract demo`."""
