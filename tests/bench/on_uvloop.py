"""A benchmark's server on uvloop, which e-Cabinet's server does not ship
(ecabinet/server/serving.py says why), to see again what it did:
``python -m tests.bench.on_uvloop MODULE ARGS...`` runs ``python -m MODULE ARGS...`` with the
server's event loop set to uvloop (the workers it spawns take the loop from its settings).
"""

from __future__ import annotations

import runpy
import sys

from ecabinet.server import serving

if __name__ == "__main__":
    serving.LOOP = "uvloop"
    runpy.run_module(sys.argv.pop(1), run_name="__main__", alter_sys=True)
