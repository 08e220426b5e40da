"""Matplotlib figures saved as 200 dpi PNG, in the serif face of the chapter."""
