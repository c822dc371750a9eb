"""The e-Cabinet sync server (FastAPI). Holds the truth; see shared/docs/protocol.md."""
