"""The live stream, GET /api/v1/events: tell online laptops at once what changed.

``announce`` and ``close_streams`` (in ``pending``) are what the rest of the server calls,
inside a transaction; they are sent after it commits. ``hub`` keeps this process's streams and
fans committed batches out to them, ``relay`` carries batches between server processes through
PostgreSQL LISTEN/NOTIFY, ``stream`` turns a subscription into Server-Sent Events. Only
``pending`` is imported here, so that ``feed`` may import this package without a cycle.
"""

from ecabinet.server.live.pending import announce, close_streams

__all__ = ["announce", "close_streams"]
