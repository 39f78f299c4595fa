"""The Qt window: main window, dialogs, item models, settings and translations.

Only this package imports Qt. It calls ``services`` through ``database.session()`` and
shows the plain data they return; it never queries the database itself.
"""

# SQLAlchemy before Qt: once PySide6 is imported, its import hook reads the source of every
# module imported after it, which made start-up about 60 ms slower (bench/run.py).
from .. import db  # noqa: F401  isort: skip
