"""The Government Office's own screens."""
