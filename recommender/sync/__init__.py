"""Group sync, client side: the wire format, pushing the outbox, pulling and merging a group's changes."""
