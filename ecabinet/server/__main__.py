"""``python -m ecabinet.server``: the same as the ``ecabinet-server`` command."""

from ecabinet.server.cli import main

raise SystemExit(main())
