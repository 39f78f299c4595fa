"""Backups, restore, the database check, and the audit trail."""
