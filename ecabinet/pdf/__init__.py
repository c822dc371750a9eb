"""PDF work on the core side: checking untrusted files, composing forms and records."""
