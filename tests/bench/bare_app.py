"""The framework's own speed: a FastAPI app that answers a small JSON and nothing else,
served as e-Cabinet's server is (ecabinet/server/serving.py), or by uvicorn's own
``uvicorn.run`` to show what the shared socket cost before.

    python -m tests.bench.bare_app --port 8800 --workers 2 [--uvicorn-socket]
"""

from __future__ import annotations

import argparse

from fastapi import FastAPI

PATH = "/api/v1/bare"


def make() -> FastAPI:
    app = FastAPI()

    @app.get(PATH)
    def bare() -> dict[str, object]:
        return {"changes": [], "cursor": "1", "more": False}

    return app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--uvicorn-socket", action="store_true")
    args = parser.parse_args()
    if args.uvicorn_socket:
        import uvicorn

        uvicorn.run(
            "tests.bench.bare_app:make",
            factory=True,
            port=args.port,
            workers=args.workers,
            log_level="warning",
            http="h11",  # as it was then
            loop="asyncio",
        )
    else:
        from ecabinet.server.serving import httptools_from_environment, serve

        serve(
            "tests.bench.bare_app:make",
            host="127.0.0.1",
            port=args.port,
            workers=args.workers,
            log_level="warning",
            httptools=httptools_from_environment(),
        )


if __name__ == "__main__":
    main()
