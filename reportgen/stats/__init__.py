"""Pure statistics: numbers in, frozen dataclasses out. No formatting, no text."""
