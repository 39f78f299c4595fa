"""Printable PDF reports built with reportlab.

Reports take plain data (``services.report_data`` and ``services.summary`` build it)
and return PDF bytes; they know neither Qt nor the database. Importing this package
is cheap: reportlab is only loaded by the modules that draw (``theme``, ``charts``,
``profile``, ``summary``, ``batch``), so the GUI does not pay for it at start-up.
"""
