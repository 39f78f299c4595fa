"""What the program does, in plain Python (no Qt).

Each feature takes the ``Database`` and opens the session its work needs: reads through
``Database.reading()`` (deferred, no write lock), writes through ``Database.session()``
(``BEGIN IMMEDIATE``, all or nothing). The GUI and the command line call only this layer;
it returns plain data (dataclasses and ids), never live ORM objects. The window gets the
``Database`` type, ``open_database`` and the database's errors from ``store``.
"""
