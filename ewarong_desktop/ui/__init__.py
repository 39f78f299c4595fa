"""The Qt window: main window, dialogs, item models, settings and translations.

Only this package imports Qt. It calls ``services`` (each opens its own session; the
``Database`` handle comes from ``services.store``) and shows the plain data they return;
it never imports ``db`` nor queries the database itself.
"""
