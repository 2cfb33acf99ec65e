#!/usr/bin/env python3
"""new-session.py COMMAND [ARG...]: runs COMMAND as the leader of a new session and process group.

test.sh starts each step with it, so that everything the step starts (test hosts, servers, browsers, SMTP
sinks) can be found and stopped afterwards by process group. Unlike `setsid CMD &` from a script, it also
restores SIGINT/SIGQUIT, which bash ignores in background commands: the tests see ordinary signal handling.
"""
import os
import signal
import sys

for number in (signal.SIGINT, signal.SIGQUIT):
    signal.signal(number, signal.SIG_DFL)
os.setsid()
os.execvp(sys.argv[1], sys.argv[1:])
