"""The Government Office's record of who did what and when."""
