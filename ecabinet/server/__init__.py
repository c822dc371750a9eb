"""The e-Cabinet sync server (FastAPI). Holds the truth; see docs/protocol.md."""
