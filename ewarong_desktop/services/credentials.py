"""Remembered server passwords, kept in the operating system's keyring only.

A password is never written to the settings, a file or a log: when the person asks the
program to remember it, it goes to the keyring (Windows Credential Locker, macOS
Keychain, the Secret Service on Linux desktops) under ``user@host:port/database``.
Without a usable keyring, remembering is refused with a message and the person types the
password each time.
"""

from __future__ import annotations

from ..db.server import login_key
from ..errors import UserError

SERVICE = "ewarong-desktop"


class KeyringUnavailableError(UserError):
    """No keyring can hold the password on this computer."""


def _keyring():  # type: ignore[no-untyped-def]
    try:
        import keyring
    except ImportError as exc:
        raise KeyringUnavailableError(
            "remembering a password needs the keyring package: python -m pip install "
            "\"ewarong-desktop[server]\"",
            id="mengingat kata sandi memerlukan paket keyring: python -m pip install "
               "\"ewarong-desktop[server]\"") from exc
    return keyring


def remember_password(url: str, password: str) -> None:
    """Keep ``password`` for the login in ``url`` in the keyring."""
    keyring = _keyring()
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, login_key(url), password)
    except KeyringError as exc:
        raise KeyringUnavailableError(
            f"this computer has no keyring to keep the password safely ({exc}); type it each time",
            id=f"komputer ini tidak memiliki keyring untuk menyimpan kata sandi dengan aman ({exc}); "
               "ketik kata sandi setiap kali") from exc


def saved_password(url: str) -> str | None:
    """The remembered password for the login in ``url``, or None (also without a keyring)."""
    try:
        keyring = _keyring()
    except KeyringUnavailableError:
        return None
    from keyring.errors import KeyringError

    try:
        password: str | None = keyring.get_password(SERVICE, login_key(url))
    except KeyringError:
        return None
    return password


def forget_password(url: str) -> None:
    """Remove the remembered password, if any."""
    try:
        keyring = _keyring()
    except KeyringUnavailableError:
        return
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, login_key(url))
    except (PasswordDeleteError, KeyringError):
        pass
