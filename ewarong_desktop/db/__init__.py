"""Storage: typed models, engine and pragmas, migrations, backups."""

from .engine import Database, open_database

__all__ = ["Database", "open_database"]
