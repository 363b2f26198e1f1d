"""The trust graph: social distance and weight of every person as seen from me."""
