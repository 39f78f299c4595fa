"""Sending and receiving data between laptops: export, import, conflicts."""
