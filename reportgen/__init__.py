"""reportgen: questionnaire data + one study file → a verified results chapter."""

__version__ = "0.1.0"
