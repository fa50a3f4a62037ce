#!/usr/bin/env python3
"""Runs an `age` command on a pseudo-terminal and answers its passphrase prompts.

age reads passphrases only from the terminal (/dev/tty), never from stdin or the environment,
so tests drive it through a pty: `pty.fork()` makes the pty the child's controlling terminal,
and every prompt that mentions "passphrase" is answered with $AGE_TEST_PASSPHRASE. Give the
input and output files as arguments (`-o OUT IN`) so that the terminal carries only prompts.
Exits with age's exit status; the terminal transcript goes to stderr.
"""
import os
import pty
import sys
import time


def main() -> int:
    passphrase = os.environ["AGE_TEST_PASSPHRASE"].encode()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[1], sys.argv[1:])
    transcript = b""
    pending = b""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            data = os.read(fd, 1024)
        except OSError:
            break
        if not data:
            break
        transcript += data
        pending += data
        if b"passphrase" in pending.lower() and pending.rstrip().endswith(b":"):
            os.write(fd, passphrase + b"\r")
            pending = b""
    _, status = os.waitpid(pid, 0)
    sys.stderr.write(transcript.decode(errors="replace"))
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
