#!/usr/bin/env python3
"""Validates Ironic target_raid_config documents against Ironic's own RAID schema.

Ironic (the newest release on PyPI, or IRONIC_VERSION) is downloaded with
`pip download --no-deps` into a temporary directory that is removed afterwards; nothing is
kept or committed. `ironic/drivers/raid_config_schema.json` is read from the wheel and every
JSON file named on the command line is checked with `jsonschema` (Draft 4, as Ironic does).

Prints one line per file (`ok PATH` or `invalid PATH: message`) and exits 0 when every file
is valid, 1 when one is not, 3 when the reference could not be set up.
"""

import json
import os
import subprocess
import sys
import tempfile
import zipfile

SCHEMA_MEMBER = "ironic/drivers/raid_config_schema.json"


def fail(message):
    sys.stderr.write(message + "\n")
    sys.exit(3)


def ironic_schema(workdir):
    requirement = "ironic"
    if os.environ.get("IRONIC_VERSION"):
        requirement += "==" + os.environ["IRONIC_VERSION"]
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--quiet", requirement, "-d", workdir]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wheels = [name for name in os.listdir(workdir) if name.endswith(".whl")]
    if done.returncode != 0 or not wheels:
        fail("could not download ironic: run `%s`\n%s"
             % (" ".join(command), done.stdout.decode(errors="replace")))
    with zipfile.ZipFile(os.path.join(workdir, wheels[0])) as archive:
        return wheels[0], json.loads(archive.read(SCHEMA_MEMBER))


def main(paths):
    try:
        import jsonschema
    except ImportError:
        fail("jsonschema is missing: run `python3 -m pip install jsonschema`")
    with tempfile.TemporaryDirectory(prefix="kiln-ironic-") as workdir:
        wheel, schema = ironic_schema(workdir)
    validator = jsonschema.Draft4Validator(schema)
    print("schema %s from %s" % (SCHEMA_MEMBER, wheel))
    invalid = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        if errors:
            invalid += 1
            print("invalid %s: %s" % (path, "; ".join(e.message for e in errors)))
        else:
            print("ok %s" % path)
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
