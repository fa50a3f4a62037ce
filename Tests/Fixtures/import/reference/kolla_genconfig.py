#!/usr/bin/env python3
"""Computes the files kolla-ansible would generate for the import fixture.

Usage: kolla_genconfig.py FIXTURE TEMPLATES OUT [--placeholder-passwords]

FIXTURE holds a kolla-ansible deployment (multinode, globals.yml, passwords.yml, config/);
TEMPLATES is a Kiln templates/ directory (the service templates both sides render). For every
service (templates/<dir>/service.yaml) and every host of its group, as Ansible's own
InventoryManager reads the INI inventory, this renders each file with ansible-core's templating
(the variables VariableManager gives the host, with globals.yml and passwords.yml as extra vars
and the service's defaults.yaml as role defaults), then applies the node_custom_config tree the
way kolla-ansible's roles do: INI files go through kolla's own merge_configs
(OverrideConfigParser) with config/<file>, config/<service>/<file> and
config/<service>/<host>/<file> as further sources (each templated first); YAML files through
merge_yaml; any other file is replaced by the first found of config/<service>/<host>/<file>
and config/<service>/<file>, templated. Writes OUT/<host>/<dest> and prints the paths as JSON.
With --placeholder-passwords every password is the text `<secret NAME>` instead of its value
(`<secret NAME.KEY>` inside a mapping), the form a renderer shows without keys.

kolla-ansible's plugins come from PyPI (kolla-ansible 22.2.0, `pip download --no-deps`) via
Tests/KilnFormatsTests/reference/kolla_merge.py; the Ansible templating setup (filters, kolla's
kolla_address, the ipaddr family) is Tests/JinjaTests/reference/render_reference.py's, plus Kiln's own
filters (kiln_filters.py beside this file). Exit 3
when a prerequisite is missing.
"""

import io
import json
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "Tests", "KilnFormatsTests", "reference"))
sys.path.insert(0, os.path.join(ROOT, "Tests", "JinjaTests", "reference"))

import kolla_merge  # noqa: E402
import render_reference  # noqa: E402


def service_files(directory):
    """Every file of a service directory, relative path → text (for include)."""
    found = {}
    for base, _, names in os.walk(directory):
        for name in names:
            path = os.path.join(base, name)
            with open(path, encoding="utf-8") as handle:
                found[os.path.relpath(path, directory)] = handle.read()
    return found


def placeholder_passwords(passwords):
    """Each value replaced by `<secret NAME>` (nested: `<secret NAME.KEY>`); None kept."""
    def replace(name, value):
        if isinstance(value, dict):
            return {key: replace("%s.%s" % (name, key), item) for key, item in value.items()}
        return None if value is None else "<secret %s>" % name
    return {name: replace(name, value) for name, value in passwords.items()}


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


class Genconfig(object):
    def __init__(self, fixture, templates, workdir, placeholders):
        import yaml
        from ansible.inventory.manager import InventoryManager
        from ansible.parsing.dataloader import DataLoader
        from ansible.vars.manager import VariableManager
        self.yaml = yaml
        self.fixture = fixture
        self.templates = templates
        self.workdir = workdir
        self.renderer = render_reference.Renderer()
        loader = DataLoader()
        self.inventory = InventoryManager(loader=loader, sources=[os.path.join(fixture, "multinode")])
        self.manager = VariableManager(loader=loader, inventory=self.inventory)
        extra = dict(loader.load_from_file(os.path.join(fixture, "globals.yml"), trusted_as_template=True) or {})
        passwords = loader.load_from_file(os.path.join(fixture, "passwords.yml"), trusted_as_template=True) or {}
        extra.update(placeholder_passwords(passwords) if placeholders else passwords)
        self.manager._extra_vars = extra
        from ansible.vars.hostvars import HostVars
        self.manager._hostvars = HostVars(
            inventory=self.inventory, variable_manager=self.manager, loader=loader)
        all_group = self.inventory.groups["all"]
        for service in self.services():
            defaults = os.path.join(templates, service["dir"], "defaults.yaml")
            if os.path.exists(defaults):
                values = loader.load_from_file(defaults, trusted_as_template=True) or {}
                for key, value in values.items():
                    if key not in all_group.vars:
                        all_group.set_variable(key, value)
        self.merge_configs = kolla_merge.load_plugin("merge_configs.py")
        self.merge_yaml = kolla_merge.load_plugin("merge_yaml.py")

    def services(self):
        result = []
        for name in sorted(os.listdir(self.templates)):
            path = os.path.join(self.templates, name, "service.yaml")
            if os.path.exists(path):
                service = self.yaml.safe_load(read(path)) or {}
                service["dir"] = name
                result.append(service)
        return result

    def render(self, text, variables, templates, name):
        result = self.renderer.render(
            {"name": name, "template": text, "vars": variables, "templates": templates}, self.workdir)
        if result.get("error"):
            raise RuntimeError("%s: %s" % (name, result["message"]))
        return result["output"]

    def config(self, *parts):
        path = os.path.join(self.fixture, "config", *parts)
        return path if os.path.isfile(path) else None

    def host_file(self, service, entry, host, variables, templates):
        dest = entry["dest"]
        owner, _, file = dest.partition("/")
        name = os.path.basename(dest)
        base = self.render(templates[entry["src"]], variables, templates, entry["src"])
        form = entry.get("format", "text")
        if form in ("ini", "yaml"):
            sources = [self.config(name), self.config(owner, file), self.config(owner, host, file)]
            rendered = [self.render(read(p), variables, templates, p) for p in sources if p]
            if form == "ini":
                config = self.merge_configs.OverrideConfigParser(whitespace=True)
                for text in [base] + rendered:
                    config.parse(io.StringIO(text))
                out = io.StringIO()
                config.write(out)
                return out.getvalue()
            if not rendered:
                return base
            merged = {}
            for text in [base] + rendered:
                self.merge_yaml.Utils.update_nested_conf(merged, self.yaml.safe_load(text) or {}, False)
            return self.yaml.dump(merged, default_flow_style=False)
        found = self.config(owner, host, file) or self.config(owner, file)
        return self.render(read(found), variables, templates, found) if found else base

    def run(self, out):
        written = []
        for service in self.services():
            templates = service_files(os.path.join(self.templates, service["dir"]))
            for host in self.inventory.get_hosts(pattern=service.get("hosts", service["name"])):
                variables = self.manager.get_vars(host=host, include_hostvars=True)
                for entry in service.get("files") or []:
                    text = self.host_file(service, entry, host.name, variables, templates)
                    path = os.path.join(host.name, entry["dest"])
                    target = os.path.join(out, path)
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with open(target, "w", encoding="utf-8", newline="") as handle:
                        handle.write(text)
                    written.append(path)
        return sorted(written)


def main(argv):
    placeholders = "--placeholder-passwords" in argv
    argv = [arg for arg in argv if arg != "--placeholder-passwords"]
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    workdir = tempfile.mkdtemp(prefix="kiln-genconfig-")
    render_reference._prepare_plugins(workdir)
    shutil.copy(os.path.join(HERE, "kiln_filters.py"), os.path.join(workdir, "filter_plugins"))
    render_reference._quiet_ansible()
    try:
        generator = Genconfig(argv[1], argv[2], workdir, placeholders)
    except ImportError as error:
        sys.stderr.write("a reference is missing (%s): run scripts/install-deps --test\n" % error)
        return 3
    print(json.dumps(generator.run(argv[3])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
