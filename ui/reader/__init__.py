"""The document reader: QtPdf's view with thumbnails, outline, search, selection and copy."""
