#!/usr/bin/env python3
"""An Ansible project that renders a Kiln repository's templates with `template` tasks.

usage: scripts/reference/ansible_project.py REPOSITORY PROJECT OUT

Writes PROJECT/{ansible.cfg,inventory.yaml,host_vars/<host>.yaml,site.yml} for the repository's
default environment: every inventory group with its hosts in Kiln's order (so `groups[...]` is
the same), each host's layered variables (design §2 layering, as scripts/reference/render.py
computes them; `{{ }}` values are left for Ansible to evaluate), and one play per service with
`connection: local` whose `template` tasks write OUT/<host>/<dest>, as Kiln lays files out.
Overlay file patches are not applied (Ansible's template module has no merge step), so only the
files no patch touches are comparable with Kiln's. Then run:

  ansible-playbook -i PROJECT/inventory.yaml PROJECT/site.yml
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import render  # noqa: E402

FILTER_PLUGIN = '''"""Kiln's own filters, for Ansible (the same results as Kiln's)."""
import os
import sys

sys.path.insert(0, {reference!r})
import render


class FilterModule:
    def filters(self):
        return {{"rabbitmq_password_hash": render.rabbitmq_password_hash}}
'''


def patched_files(estate):
    """(host, dest) pairs an overlay patch changes (their Ansible output differs from Kiln's)."""
    patched = set()
    for host in estate.hosts:
        for overlay in estate.overlays:
            if estate.applies(overlay, host):
                for patch in overlay.get("patches") or []:
                    patched.add((host, patch["file"]))
    return patched


def write_project(repository, project, out):
    """Writes the project; returns the (host, dest) pairs whose files Kiln patches."""
    import yaml

    estate = render.Estate(repository)
    os.makedirs(os.path.join(project, "host_vars"), exist_ok=True)
    os.makedirs(os.path.join(project, "filter_plugins"), exist_ok=True)
    with open(os.path.join(project, "ansible.cfg"), "w", encoding="utf-8") as handle:
        handle.write("[defaults]\nretry_files_enabled = False\nhost_key_checking = False\n"
                     f"interpreter_python = {sys.executable}\n"
                     f"filter_plugins = {os.path.join(project, 'filter_plugins')}\n")
    with open(os.path.join(project, "filter_plugins", "kiln.py"), "w",
              encoding="utf-8") as handle:
        handle.write(FILTER_PLUGIN.format(reference=os.path.dirname(os.path.abspath(__file__))))
    children = {group: {"hosts": {host: None for host in members}}
                for group, members in estate.groups.items()
                if group not in ("all", "ungrouped") and members}
    inventory = {"all": {"hosts": {host: None for host in estate.hosts}, "children": children}}
    with open(os.path.join(project, "inventory.yaml"), "w", encoding="utf-8") as handle:
        yaml.dump(inventory, handle, Dumper=yaml.CSafeDumper, sort_keys=False)
    for host in estate.hosts:
        with open(os.path.join(project, "host_vars", f"{host}.yaml"), "w",
                  encoding="utf-8") as handle:
            yaml.dump(estate.raw(host), handle, Dumper=yaml.CSafeDumper, sort_keys=False)
    plays = []
    for service in estate.services:
        tasks = []
        for file in service["files"]:
            tasks.append({"ansible.builtin.template": {
                "src": estate.path("templates", service["name"], file["src"]),
                "dest": os.path.join(out, "{{ inventory_hostname }}", file["dest"]),
                "mode": str(file.get("mode", "0644"))}})
        plays.append({"name": service["name"], "hosts": service["hosts"],
                      "gather_facts": False, "connection": "local", "tasks": tasks})
        for host in estate.groups.get(service["hosts"], []):
            for file in service["files"]:
                os.makedirs(os.path.dirname(os.path.join(out, host, file["dest"])),
                            exist_ok=True)
    with open(os.path.join(project, "site.yml"), "w", encoding="utf-8") as handle:
        yaml.dump(plays, handle, Dumper=yaml.CSafeDumper, sort_keys=False)
    return patched_files(estate)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__.strip().splitlines()[2])
    write_project(*sys.argv[1:])
