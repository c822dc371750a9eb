"""Small widgets and delegates shared by several screens."""
