"""Load check: concurrent clients on loopback against the incident page; prints requests/s, p95, errors.

Builds a ledger from examples/corpus (or takes --db), starts uvicorn in a subprocess on a free port, then
runs CLIENTS asyncio clients (httpx) for DURATION seconds, each requesting the incident page in a loop.

    .venv/bin/python bench/load.py [--clients 200] [--seconds 30] [--db sqlite:///claimgraph.db]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build_ledger(folder: Path) -> str:
    url = f"sqlite:///{folder / 'bench.db'}"
    subprocess.run([sys.executable, "-m", "claimgraph.cli", "analyze", str(ROOT / "examples" / "corpus"),
                    "--db", url], check=True, capture_output=True)  # fmt: skip
    return url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def client(
    http: httpx.AsyncClient, url: str, stop: float, latencies: list[float], errors: list[str]
) -> None:
    while time.perf_counter() < stop:
        start = time.perf_counter()
        try:
            response = await http.get(url)
            if response.status_code != 200:
                errors.append(str(response.status_code))
        except httpx.HTTPError as exc:
            errors.append(type(exc).__name__)
        latencies.append(time.perf_counter() - start)


async def run(base: str, path: str, clients: int, seconds: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        start = time.perf_counter()
        stop = start + seconds
        await asyncio.gather(*(client(http, path, stop, latencies, errors) for _ in range(clients)))
        return latencies, errors, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--db", default=None, help="ledger URL (default: examples/corpus analysed afresh)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_ledger(Path(tmp))
        port = free_port()
        code = (
            "import uvicorn; from claimgraph.web import create_app; "
            f"uvicorn.run(create_app({db!r}), host='127.0.0.1', port={port}, log_level='warning', "
            "timeout_keep_alive=60, backlog=4096)"
        )
        server = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    incidents = httpx.get(f"{base}/api/incidents", timeout=2).json()["incidents"]
                    break
                except (httpx.HTTPError, ValueError):
                    time.sleep(0.1)
            else:
                raise SystemExit("server did not start")
            target = max(incidents, key=lambda r: r["statements"])  # the busiest incident page
            path = f"/incident/{target['id']}"
            latencies, errors, elapsed = asyncio.run(run(base, path, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(10)
    ordered = sorted(latencies)
    p95 = ordered[int(0.95 * (len(ordered) - 1))] if ordered else float("nan")
    print(f"page: {path} ({target['place']}, {target['statements']} statements)")
    print(f"clients: {args.clients}, duration: {elapsed:.1f} s, requests: {len(latencies)}")
    print(f"requests/s: {len(latencies) / elapsed:.1f}")
    print(f"latency p50: {statistics.median(ordered) * 1000:.0f} ms, p95: {p95 * 1000:.0f} ms")
    print(f"errors: {len(errors)}" + (f" ({', '.join(sorted(set(errors))[:5])})" if errors else ""))


if __name__ == "__main__":
    main()
