"""The group sync server behind ``grapevine serve``: groups, invites, device tokens and per-group change feeds."""
