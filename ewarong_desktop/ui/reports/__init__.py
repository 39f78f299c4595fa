"""Printed reports and the screens that show them: profile, summary, batch."""
