"""Directory services: every read and write of people, trust, vendors and reviews goes through here."""
