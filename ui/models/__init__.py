"""Qt item models over what the core returns: light rows, details loaded on demand."""
