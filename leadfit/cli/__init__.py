"""The terminal front-end: thin commands over the same core as the window."""
