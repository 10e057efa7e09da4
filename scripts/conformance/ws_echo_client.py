"""Echo client for the interop tests: Python `websockets` (pinned in python-peers-venv.sh) as the
peer of our WebSocket server. Sends text and binary messages (up to 1 MiB), checks each echo,
closes with 1000, and prints `OK deflate=<yes|no> close=<code>` or `FAIL <why>`."""
import argparse
import asyncio
import os
import ssl
import sys

from websockets.asyncio.client import connect


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--deflate", action="store_true", help="offer permessage-deflate")
    parser.add_argument("--ca", help="trust this CA for wss://")
    parser.add_argument("--cert", help="client certificate chain (PEM)")
    parser.add_argument("--key", help="private key of --cert")
    args = parser.parse_args()

    context = None
    if args.url.startswith("wss://"):
        context = ssl.create_default_context(cafile=args.ca)
        if args.cert:
            context.load_cert_chain(args.cert, args.key)

    messages = ["hello", "héllo wörld ✓" * 100, b"\x00\x01\x02" * 1000, "x" * 2**20, os.urandom(2**20)]
    async with connect(
        args.url, ssl=context, max_size=64 * 2**20, compression="deflate" if args.deflate else None
    ) as websocket:
        extensions = websocket.response.headers.get("Sec-WebSocket-Extensions", "")
        for message in messages:
            await websocket.send(message)
            echo = await websocket.recv()
            if echo != message:
                print(f"FAIL echo of a {type(message).__name__} of {len(message)} differs", flush=True)
                sys.exit(1)
        await websocket.close(code=1000, reason="done")
        code = websocket.close_code
    print(f"OK deflate={'yes' if 'permessage-deflate' in extensions else 'no'} close={code}", flush=True)


try:
    asyncio.run(main())
except Exception as error:  # report every failure as a FAIL line the Swift test shows
    print(f"FAIL {type(error).__name__}: {error}", flush=True)
    sys.exit(1)
