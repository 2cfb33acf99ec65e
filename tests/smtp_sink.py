#!/usr/bin/env python3
"""An SMTP server for tests: stores every message it receives as a .eml file (and its envelope as .json).

Usage: smtp_sink.py --port N --dir DIR [--auth]
Prints "READY <port>" once listening; runs until SIGTERM or SIGINT. Needs Debian's python3-aiosmtpd.
Each message becomes DIR/<seq>-<uuid>.eml (the bytes as received) with DIR/<seq>-<uuid>.json beside it:
{"from": "...", "to": ["..."]}, plus "auth": {"login": "...", "password": "..."} when the client signed in.
Both are written under a temporary name and renamed, the .json first: a reader never sees half a file.
--auth offers AUTH PLAIN and LOGIN without TLS and accepts any credentials.
"""
import argparse
import itertools
import json
import logging
import os
import signal
import threading
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Store:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            name = f"{next(self.counter):06d}-{uuid.uuid4().hex}"
        meta = {"from": envelope.mail_from, "to": envelope.rcpt_tos}
        credentials = getattr(session, "auth_data", None)
        if credentials is not None and hasattr(credentials, "login"):
            meta["auth"] = {"login": _text(credentials.login), "password": _text(credentials.password)}
        # Write aside, then rename: a reader never sees half a message.
        for suffix, data in (
            (".json", json.dumps(meta).encode()),
            (".eml", envelope.original_content or envelope.content),
        ):
            temporary = os.path.join(self.directory, f".{name}{suffix}.tmp")
            with open(temporary, "wb") as file:
                file.write(data)
            os.rename(temporary, os.path.join(self.directory, name + suffix))
        return "250 Message accepted for delivery"


def _text(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def accept_any(server, session, envelope, mechanism, auth_data):
    return AuthResult(success=True, auth_data=auth_data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--auth", action="store_true", help="offer AUTH PLAIN/LOGIN and accept any credentials")
    args = parser.parse_args()
    # aiosmtpd 1.4 logs a warning about its own use of a deprecated attribute on every AUTH; errors still show.
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    os.makedirs(args.dir, exist_ok=True)

    options = {}
    if args.auth:
        options = {"authenticator": accept_any, "auth_require_tls": False}
    controller = Controller(Store(args.dir), hostname="127.0.0.1", port=args.port, **options)
    controller.start()
    print(f"READY {args.port}", flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
