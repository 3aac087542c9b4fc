"""pmreview: a reviewer for incident postmortems."""

__version__ = "0.1.0"
