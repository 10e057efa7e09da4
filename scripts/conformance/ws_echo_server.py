"""Echo server for the interop tests: Python `websockets` (pinned in python-peers-venv.sh) as the
peer of our WebSocket client. Prints `READY <port>` once listening, runs until terminated."""
import argparse
import asyncio
import ssl

from websockets.asyncio.server import serve


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--deflate", action="store_true", help="accept permessage-deflate")
    parser.add_argument("--cert", help="PEM certificate chain: serve wss://")
    parser.add_argument("--key", help="PEM private key of --cert")
    parser.add_argument("--client-ca", help="require a client certificate signed by this CA")
    args = parser.parse_args()

    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        if args.client_ca:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(args.client_ca)

    async def echo(websocket):
        async for message in websocket:
            await websocket.send(message)

    async with serve(
        echo, "127.0.0.1", args.port, ssl=context, max_size=64 * 2**20,
        compression="deflate" if args.deflate else None,
    ) as server:
        port = server.sockets[0].getsockname()[1]
        print(f"READY {port}", flush=True)
        await server.serve_forever()


asyncio.run(main())
