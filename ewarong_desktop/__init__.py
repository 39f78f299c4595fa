"""e-Warong Desktop: social advisors' self-assessment of their roles in e-Warong KUBE."""

__version__ = "0.1.0"
