#!/usr/bin/env python3
"""Verify a Kiln DSSE envelope with securesystemslib.

usage: verify_dsse.py ENVELOPE.json KEY.pub.json [KEY.pub.json ...] [--threshold N]
Prints the statement's subject digest and predicate on success (exit 0); exit 1 on failure.
"""
import json
import sys

from securesystemslib.dsse import Envelope
from securesystemslib.signer import SSlibKey


def main(argv):
    threshold = 1
    if "--threshold" in argv:
        index = argv.index("--threshold")
        threshold = int(argv[index + 1])
        del argv[index:index + 2]
    envelope_path, key_paths = argv[1], argv[2:]
    with open(envelope_path, "rb") as handle:
        envelope = Envelope.from_dict(json.load(handle))
    keys = []
    for path in key_paths:
        with open(path, "rb") as handle:
            data = json.load(handle)
        keyid = data.pop("keyid")
        key = SSlibKey.from_dict(keyid, data)
        if key.keyid != keyid:
            raise SystemExit("keyid mismatch")
        keys.append(key)
    try:
        accepted = envelope.verify(keys, threshold)
    except Exception as error:  # VerificationError and friends
        print(f"rejected: {error}")
        return 1
    if envelope.payload_type != "application/vnd.in-toto+json":
        print("rejected: payload type")
        return 1
    statement = json.loads(envelope.payload)
    print("verified by", ",".join(sorted(accepted)))
    print("subject", statement["subject"][0]["digest"]["sha256"])
    print("predicate", json.dumps(statement["predicate"], sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
