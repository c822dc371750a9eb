"""``python -m ecabinet.client``: the same as the ``ecabinet`` command."""

from ecabinet.client.cli import main

raise SystemExit(main())
