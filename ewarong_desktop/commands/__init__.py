"""Headless commands, one module per area; each adds its parsers in ``register``."""
