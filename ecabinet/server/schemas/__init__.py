"""Request and response bodies of the secretariat's endpoints (FastAPI reference naming)."""
