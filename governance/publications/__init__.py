"""The index of what partnerships have published (models_publications.Publication): keeping it
from the published records, searching it, and telling subscribers what is new."""
