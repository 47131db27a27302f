"""actors: from conflict reporting to a temporal network of armed actors."""

__version__ = "0.1.0"
