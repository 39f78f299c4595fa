"""The assessment form, the e-Warong dialog and the target levels."""
