"""The live session on the member's window: the stream's worker, its bridge, and what the
window does with each fact (a vote opened, the chair's next item)."""
