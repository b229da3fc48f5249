"""LeadFit: decide who should lead each value stream.

The product is split into layers mapped under this package:
``leadfit.forms`` (what we ask), ``leadfit.rules`` (how we judge),
``leadfit.decisions`` (what we decide), ``leadfit.desktop`` (the window)
and ``leadfit.cli`` (the terminal).
"""

__version__ = "0.1.0"

# The one article LeadFit encodes (the authority behind every rule), cited by title.
ARTICLE_TITLE = "When transforming your organisation, who should lead your value streams?"
LICENCE = "Proprietary: all rights reserved (see pyproject.toml)"
