"""The peer side of scripts/bench/ws-echo.sh: sequential 100-byte text echo round trips with the
Python `websockets` client (pinned in scripts/conformance/python-peers-venv.sh)."""
import asyncio
import sys
import time

from websockets.asyncio.client import connect


async def main(url: str, count: int) -> None:
    message = "x" * 100
    async with connect(url, compression=None) as websocket:
        for _ in range(200):
            await websocket.send(message)
            await websocket.recv()
        start = time.perf_counter()
        for _ in range(count):
            await websocket.send(message)
            if len(await websocket.recv()) != 100:
                sys.exit("echo benchmark: the server did not echo the message")
        seconds = time.perf_counter() - start
    print(f"python websockets: {int(count / seconds)} round trips/s ({count} in {seconds:.3f} s)")


asyncio.run(main(sys.argv[1], int(sys.argv[2])))
