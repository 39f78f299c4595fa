"""What the program does, in plain Python over a SQLAlchemy Session.

The GUI and the command line call only this layer; it returns plain data
(dataclasses and ids), never live ORM objects.
"""
