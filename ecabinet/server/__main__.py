"""``python -m ecabinet.server``: the same as the ``ecabinet-server`` command.

Guarded so that merely importing the module (documentation tools, test collectors) starts no
server.
"""

from ecabinet.server.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
