"""The Qt window: main window, dialogs, item models, settings and translations.

Only this package imports Qt. It calls ``services`` through ``database.session()`` and
shows the plain data they return; it never queries the database itself.
"""
