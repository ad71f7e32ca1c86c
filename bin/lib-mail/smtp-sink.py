#!/usr/bin/env python3
"""A minimal SMTP sink for the email integration tests (Python 3 stdlib, asyncio streams).

Accepts every message (no TLS) on 127.0.0.1:10025 and writes each one, exactly as received after
dot-unstuffing, to <dir>/<n>.eml (n = 1, 2, … continuing after existing files), with the envelope
in <n>.json. With --auth USER:PASSWORD it advertises AUTH PLAIN LOGIN, refuses mail until a client
authenticated with exactly those credentials (535 otherwise) and records the user in the envelope.
Usage: smtp-sink.py [--host H] [--port P] [--dir DIR] [--auth USER:PASSWORD]
"""

import argparse
import asyncio
import base64
import binascii
import json
import os
import re
import signal

MAX_BYTES = 50 * 1024 * 1024


class Sink:
    def __init__(self, directory, auth=None):
        self.directory = directory
        self.auth = auth
        os.makedirs(directory, exist_ok=True)
        self.counter = 0
        for name in os.listdir(directory):
            m = re.match(r"^(\d+)\.eml$", name)
            if m:
                self.counter = max(self.counter, int(m.group(1)))

    def save(self, envelope, data):
        self.counter += 1
        n = self.counter
        tmp = os.path.join(self.directory, ".%d.tmp" % n)
        with open(tmp, "wb") as fh:
            fh.write(data)
        with open(os.path.join(self.directory, "%d.json" % n), "w") as fh:
            json.dump(envelope, fh)
        os.replace(tmp, os.path.join(self.directory, "%d.eml" % n))
        return n

    async def handle(self, reader, writer):
        async def reply(line):
            writer.write((line + "\r\n").encode("ascii"))
            await writer.drain()

        envelope = {"helo": "", "mail_from": "", "rcpt_to": [], "auth": ""}

        async def read_b64():
            raw_line = await reader.readline()
            try:
                return base64.b64decode(raw_line.strip(), validate=True).decode("utf-8", "replace")
            except (binascii.Error, ValueError):
                return None

        async def check(user, password):
            if self.auth is not None and (user, password) == self.auth:
                envelope["auth"] = user
                await reply("235 2.7.0 Authentication successful")
            else:
                await reply("535 5.7.8 Authentication credentials invalid")
        try:
            await reply("220 switchboard-smtp-sink ESMTP ready")
            while True:
                raw = await reader.readline()
                if not raw:
                    break
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                verb = line[:4].upper()
                arg = line[4:].strip() if len(line) > 4 else ""
                if verb == "EHLO":
                    envelope["helo"] = arg
                    writer.write(b"250-switchboard-smtp-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n")
                    if self.auth is not None:
                        writer.write(b"250-AUTH PLAIN LOGIN\r\n")
                    await reply("250 SIZE %d" % MAX_BYTES)
                elif verb == "HELO":
                    envelope["helo"] = arg
                    await reply("250 switchboard-smtp-sink")
                elif verb == "AUTH" and self.auth is not None:
                    words = arg.split()
                    mech = words[0].upper() if words else ""
                    if mech == "PLAIN":
                        if len(words) > 1:
                            try:
                                decoded = base64.b64decode(words[1], validate=True).decode("utf-8", "replace")
                            except (binascii.Error, ValueError):
                                decoded = None
                        else:
                            await reply("334 ")
                            decoded = await read_b64()
                        fields = decoded.split("\0") if decoded is not None else []
                        if len(fields) == 3:
                            await check(fields[1], fields[2])
                        else:
                            await reply("501 5.5.2 Malformed AUTH PLAIN")
                    elif mech == "LOGIN":
                        if len(words) > 1:
                            try:
                                user = base64.b64decode(words[1], validate=True).decode("utf-8", "replace")
                            except (binascii.Error, ValueError):
                                user = None
                        else:
                            await reply("334 VXNlcm5hbWU6")
                            user = await read_b64()
                        await reply("334 UGFzc3dvcmQ6")
                        password = await read_b64()
                        await check(user, password)
                    else:
                        await reply("504 5.5.4 Unrecognized authentication type")
                elif verb == "MAIL" and self.auth is not None and not envelope["auth"]:
                    await reply("530 5.7.0 Authentication required")
                elif verb == "MAIL":
                    m = re.search(r"<([^>]*)>", line)
                    envelope["mail_from"] = m.group(1) if m else ""
                    envelope["rcpt_to"] = []
                    await reply("250 OK")
                elif verb == "RCPT":
                    m = re.search(r"<([^>]*)>", line)
                    envelope["rcpt_to"].append(m.group(1) if m else arg)
                    await reply("250 OK")
                elif verb == "DATA":
                    if not envelope["rcpt_to"]:
                        await reply("503 need RCPT")
                        continue
                    await reply("354 End data with <CR><LF>.<CR><LF>")
                    chunks = []
                    size = 0
                    while True:
                        data_line = await reader.readline()
                        if not data_line:
                            return
                        if data_line in (b".\r\n", b".\n"):
                            break
                        if data_line.startswith(b"."):
                            data_line = data_line[1:]
                        size += len(data_line)
                        if size <= MAX_BYTES:
                            chunks.append(data_line)
                    if size > MAX_BYTES:
                        await reply("552 message too large")
                    else:
                        n = self.save(dict(envelope), b"".join(chunks))
                        await reply("250 OK queued as %d" % n)
                    envelope["mail_from"] = ""
                    envelope["rcpt_to"] = []
                elif verb == "RSET":
                    envelope["mail_from"] = ""
                    envelope["rcpt_to"] = []
                    await reply("250 OK")
                elif verb == "NOOP":
                    await reply("250 OK")
                elif verb == "QUIT":
                    await reply("221 Bye")
                    break
                elif verb in ("VRFY", "EXPN"):
                    await reply("252 Cannot verify")
                else:
                    await reply("502 Command not implemented")
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            try:
                writer.close()
                await writer.wait_closed()
            except Exception:  # noqa: BLE001 - closing a broken socket
                pass


async def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=10025)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--auth", default="", help="USER:PASSWORD required before MAIL")
    args = parser.parse_args()
    auth = tuple(args.auth.split(":", 1)) if ":" in args.auth else None
    sink = Sink(args.dir, auth)
    server = await asyncio.start_server(sink.handle, args.host, args.port, limit=MAX_BYTES)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print("smtp-sink listening on %s:%d, writing to %s" % (args.host, args.port, args.dir), flush=True)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(main())
