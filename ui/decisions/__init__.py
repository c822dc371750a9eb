"""The decision screens: positions and votes on an item, written ballots, the chair's board
and vote console."""
