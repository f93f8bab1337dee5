"""cascade: KPI cascades and performance agreements kept as YAML in git."""

__version__ = "0.1.0"
