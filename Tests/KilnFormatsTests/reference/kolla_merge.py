#!/usr/bin/env python3
"""Runs kolla-ansible's own INI merge (OverrideConfigParser) on a batch of cases.

Usage: kolla_merge.py CASES.json RESULTS.json

CASES.json is a list of {"sources": [base64 bytes, ...], "whitespace": bool}. Each source is
written to a file and read back with open(path, 'r'), as kolla's action plugin reads it, then
parsed by OverrideConfigParser and written with its write(). RESULTS.json is a list of
{"ok": true, "output": str} or {"ok": false, "error": str}.

kolla-ansible 22.2.0 is downloaded once with `pip download --no-deps` into a cache directory
under the system temporary directory. Exit status 3 means a prerequisite is missing; the
message names the command that installs it.
"""

import base64
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import zipfile

KOLLA_VERSION = "22.2.0"
PLUGIN = ("kolla_ansible-%s.data/data/share/kolla-ansible/ansible/action_plugins/"
          "merge_configs.py" % KOLLA_VERSION)


def fail(message):
    sys.stderr.write(message + "\n")
    sys.exit(3)


def plugin_path():
    cache = os.path.join(tempfile.gettempdir(), "kiln-kolla-ansible-%s" % KOLLA_VERSION)
    unpacked = os.path.join(cache, "unpacked")
    path = os.path.join(unpacked, PLUGIN)
    if os.path.exists(path):
        return path
    os.makedirs(cache, exist_ok=True)
    wheel = os.path.join(cache, "kolla_ansible-%s-py3-none-any.whl" % KOLLA_VERSION)
    if not os.path.exists(wheel):
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   "kolla-ansible==%s" % KOLLA_VERSION, "-d", cache]
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if done.returncode != 0 or not os.path.exists(wheel):
            fail("could not download kolla-ansible: run `%s`\n%s"
                 % (" ".join(command), done.stdout.decode(errors="replace")))
    with zipfile.ZipFile(wheel) as archive:
        archive.extract(PLUGIN, unpacked)
    return path


def load_parser_class():
    try:
        import oslo_config.iniparser  # noqa: F401
    except ImportError:
        fail("oslo.config is missing: run `python3 -m pip install oslo.config`")
    try:
        import ansible.plugins.action  # noqa: F401
    except ImportError:
        fail("ansible-core is missing: run `python3 -m pip install ansible-core`")
    spec = importlib.util.spec_from_file_location("kolla_merge_configs", plugin_path())
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.OverrideConfigParser


def run_case(parser_class, case, workdir):
    config = parser_class(whitespace=case.get("whitespace", True))
    try:
        for index, encoded in enumerate(case["sources"]):
            path = os.path.join(workdir, "source%d" % index)
            with open(path, "wb") as f:
                f.write(base64.b64decode(encoded))
            with open(path, "r", encoding="utf-8") as f:
                config.parse(f)
        out = []

        class Sink:
            def write(self, text):
                out.append(text)

        config.write(Sink())
        return {"ok": True, "output": "".join(out)}
    except Exception as error:  # every failure is an error result, as in kolla's task
        return {"ok": False, "error": "%s: %s" % (type(error).__name__, error)}


def main():
    if len(sys.argv) != 3:
        fail("usage: kolla_merge.py CASES.json RESULTS.json")
    parser_class = load_parser_class()
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    with tempfile.TemporaryDirectory() as workdir:
        results = [run_case(parser_class, case, workdir) for case in cases]
    with open(sys.argv[2], "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
