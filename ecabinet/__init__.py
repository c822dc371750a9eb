"""e-Cabinet: paperless cabinet sessions. The core package, free of any GUI toolkit."""

__version__ = "0.1.0"
