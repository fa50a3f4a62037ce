#!/usr/bin/env python3
"""Reference renderer (the Python peer of `kiln render`): design §2 layering with Jinja2 and
PyYAML's C loader (YAML 1.2 core schema, as Kiln reads), the same templates and overlays (INI
patches) and the firmware documents of scripts/reference/firmware.py, written as
`OUT/<host>/<dest>`.

usage: scripts/reference/render.py REPOSITORY OUT

Compiles each template and value expression once and shares the group layers between hosts with
the same groups, as a careful Python implementation would. `layered_hosts()` gives each host's
layered, unevaluated variables (scripts/reference/ansible_project.py feeds them to Ansible).
The benchmarks check that its files are byte-identical to Kiln's.
"""

import base64
import functools
import hashlib
import os
import re
import sys

import firmware
import kiln_yaml
from kiln_yaml import Tagged, add_merge_tags, secret_placeholder


def yaml_loader():
    """A `load(path)` function: PyYAML's C loader with Kiln's YAML 1.2 core schema, its merge
    tags and `!secret` placeholders (once `load.secret_directories` is set)."""
    import yaml

    class Loader(yaml.CSafeLoader):
        pass
    kiln_yaml.add_core_schema(Loader)

    add_merge_tags(Loader)

    def secret(loader, node):
        if load.secret_directories is None:
            raise ValueError(f"!secret before the environment chain is known: {node.start_mark}")
        return secret_placeholder(loader.construct_scalar(node), load.secret_directories)
    Loader.add_constructor("!secret", secret)

    def load(path):
        with open(path, "rb") as handle:
            return yaml.load(handle, Loader=Loader) or {}
    load.secret_directories = None
    return load


def merge_into(target, layer):
    """Deep-merges `layer` into `target` in place (design §2 rules and tags)."""
    for key, value in layer.items():
        if isinstance(value, Tagged):
            current = target.get(key)
            if value.tag == "unset":
                target.pop(key, None)
            elif value.tag == "replace":
                target[key] = value.value
            elif value.tag == "append":
                target[key] = (current if isinstance(current, list) else []) + value.value
            elif value.tag == "prepend":
                target[key] = value.value + (current if isinstance(current, list) else [])
            elif value.tag == "remove":
                target[key] = [v for v in (current or []) if v not in value.value]
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            merged = dict(target[key])
            merge_into(merged, value)
            target[key] = merged
        else:
            target[key] = value


class Inventory:
    """Inventories of an environment chain, merged (groups, children and hosts are unions)."""

    def __init__(self):
        self.hosts, self.children, self.vars = {}, {}, {}
        self.host_vars = {}

    def add(self, name, node):
        node = node or {}
        self.hosts.setdefault(name, [])
        self.children.setdefault(name, [])
        self.vars.setdefault(name, []).append(node.get("vars") or {})
        for host, values in (node.get("hosts") or {}).items():
            if host not in self.hosts[name]:
                self.hosts[name].append(host)
            self.host_vars.setdefault(host, []).append(values or {})
        for child, child_node in (node.get("children") or {}).items():
            if child not in self.children[name]:
                self.children[name].append(child)
            self.add(child, child_node)

    def members(self, group, seen=None):
        """Hosts of `group` in inventory order: its own, then its children's, depth first."""
        seen = set() if seen is None else seen
        result = []
        for host in self.hosts.get(group, []):
            if host not in seen:
                seen.add(host)
                result.append(host)
        for child in self.children.get(group, []):
            result.extend(self.members(child, seen))
        return result

    def depths(self):
        depth = {"all": 0}
        def visit(group, level):
            if depth.get(group, -1) >= level and group != "all":
                return
            depth[group] = max(depth.get(group, 0), level)
            for child in self.children.get(group, []):
                visit(child, level + 1)
        for child in self.children.get("all", []):
            visit(child, 1)
        return depth


def ini_parse(text, origin):
    """[(section or None, [(key, value)])] as kolla's merge_configs reads an INI source."""
    sections, current, last_key = [], None, None
    def section(name):
        for entry in sections:
            if entry[0] == name:
                return entry
        entry = (name, [])
        sections.append(entry)
        return entry
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line[0] in "#;":
            continue
        if line[0] in " \t":
            if last_key is None:
                raise SystemExit(f"{origin}:{number}: stray indented line")
            last_key[1].append(line.strip())
            continue
        if line.startswith("["):
            name = line.strip()
            if not name.endswith("]") or name == "[]":
                raise SystemExit(f"{origin}:{number}: malformed section")
            current, last_key = section(name[1:-1]), None
            continue
        cut = min(i for i in (line.find("="), line.find(":"), len(line)) if i >= 0)
        if cut == len(line) or not line[:cut].strip():
            raise SystemExit(f"{origin}:{number}: malformed line")
        key, value = line[:cut].strip(), line[cut + 1:].strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        target = current if current is not None else section(None)
        last_key = (key, [value])
        target[1].append(last_key)
    return sections


def ini_merge(base, fragment, origin):
    merged = []
    for source in (ini_parse(base, origin), ini_parse(fragment, origin)):
        for name, pairs in source:
            entry = next((e for e in merged if e[0] == name), None)
            if entry is None:
                entry = (name, {})
                merged.append(entry)
            grouped = {}
            for key, values in pairs:
                grouped.setdefault(key, []).append(values)
            for key, occurrences in grouped.items():
                entry[1][key] = occurrences
    lines = []
    for name, keys in merged:
        if name is not None:
            lines.append(f"[{name}]")
        for key, occurrences in keys.items():
            for values in occurrences:
                first = values[0]
                lines.append(f"{key} = {first}" if first else f"{key} =")
                lines.extend(" " * (len(key) + 3) + more for more in values[1:])
        lines.append("")
    return "\n".join(lines) + "\n"


class Estate:
    """An environment of a repository, loaded: chain, services, inventory, layers, overlays."""

    def __init__(self, repository, env_name=None):
        self.repository = repository
        self.load = load = yaml_loader()
        env_name = env_name or load(self.path("kiln.yaml")).get("default-env", "prod")
        self.env_name, self.chain = env_name, []
        self.visit(env_name)
        load.secret_directories = [self.path("environments", name, "secrets")
                                   for name in reversed(self.chain)]
        env_file = load(self.path("environments", env_name, "env.yaml"))
        self.services, self.defaults = [], {}
        for name in sorted(os.listdir(self.path("templates"))):
            if os.path.exists(self.path("templates", name, "service.yaml")):
                self.services.append(load(self.path("templates", name, "service.yaml")))
                if os.path.exists(self.path("templates", name, "defaults.yaml")):
                    merge_into(self.defaults, load(self.path("templates", name, "defaults.yaml")))
        self.inventory = inventory = Inventory()
        for name in self.chain:
            file = self.path("environments", name, "inventory.yaml")
            if os.path.exists(file):
                inventory.add("all", load(file).get("all"))
        self.depth = inventory.depths()
        self.groups = {g: inventory.members(g) for g in inventory.hosts}
        self.hosts = self.groups["all"]
        self.host_groups = {h: [] for h in self.hosts}
        for group, members in self.groups.items():
            if group != "all":
                for host in members:
                    self.host_groups[host].append(group)
        self.group_sets = {h: set(g) for h, g in self.host_groups.items()}
        self.group_layer = {}
        for group in ["all"] + sorted((g for g in self.groups if g != "all"),
                                      key=lambda g: (self.depth.get(g, 0), g)):
            layer = {}
            for values in inventory.vars.get(group, []):
                merge_into(layer, values)
            for env in self.chain:
                merge_into(layer, self.vars_file(env, "group_vars", group))
            self.group_layer[group] = layer
        self.overlays = []
        for name in env_file.get("overlays") or []:
            overlay = load(self.path("overlays", name, "overlay.yaml"))
            overlay["directory"] = self.path("overlays", name)
            target = overlay.get("applies-to") or {}
            if target.get("envs") and env_name not in target["envs"]:
                continue
            self.overlays.append(overlay)
        self.shared = {}

    def path(self, *parts):
        return os.path.join(self.repository, *parts)

    def visit(self, name):
        if name in self.chain:
            return
        for parent in self.load(self.path("environments", name, "env.yaml")).get("inherits") or []:
            self.visit(parent)
        self.chain.append(name)

    def vars_file(self, env, kind, name):
        for extension in ("yaml", "yml"):
            file = self.path("environments", env, kind, f"{name}.{extension}")
            if os.path.exists(file):
                return self.load(file)
        return {}

    def runs(self, service, host):
        """Whether `host` is in the group that runs `service`."""
        return service["hosts"] == "all" or service["hosts"] in self.group_sets[host]

    def applies(self, overlay, host):
        target = overlay.get("applies-to") or {}
        if target.get("hosts") and host not in target["hosts"]:
            return False
        if target.get("groups") and not set(target["groups"]) & self.group_sets[host]:
            return False
        return True

    def raw(self, host):
        """`host`'s layered variables (levels 1-5), `{{ }}` values not yet evaluated."""
        key = tuple(self.host_groups[host])
        base = self.shared.get(key)
        if base is None:
            base = dict(self.defaults)
            merge_into(base, self.group_layer["all"])
            for group in sorted(key, key=lambda g: (self.depth.get(g, 0), g)):
                merge_into(base, self.group_layer[group])
            self.shared[key] = base
        raw = dict(base)
        for values in self.inventory.host_vars.get(host, []):
            merge_into(raw, values)
        for env in self.chain:
            merge_into(raw, self.vars_file(env, "host_vars", host))
        for overlay in self.overlays:
            if self.applies(overlay, host):
                merge_into(raw, overlay.get("values") or {})
        return raw


def rabbitmq_password_hash(password, seed=""):
    """RabbitMQ's `rabbit_password_hashing_sha256` hash with Kiln's deterministic salt; on a
    secret placeholder, the placeholder with the transform recorded (completed at install)."""
    if password.startswith("<secret ") and password.endswith(">"):
        from urllib.parse import quote
        return f"{password[:-1]} | rabbitmq_password_hash {quote(seed, safe='-._~') or '%'}>"
    salt = hashlib.sha256(f"kiln-rabbitmq-salt\0{seed}\0{password}".encode()).digest()[:4]
    return base64.b64encode(salt + hashlib.sha256(salt + password.encode()).digest()).decode()


def render_repository(repository, out):
    """Renders `repository`'s default environment into `out/<host>/<dest>`."""
    import json
    import jinja2

    estate = Estate(repository)
    groups, hosts, overlays = estate.groups, estate.hosts, estate.overlays
    host_groups, path = estate.host_groups, estate.path

    def finalize(value):
        return "" if value is None else value
    def to_bool(value):
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in ("yes", "on", "1", "true", "1.0")
    def make_env(directory, **options):
        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(directory), undefined=jinja2.StrictUndefined,
            trim_blocks=True, keep_trailing_newline=False, finalize=finalize, **options)
        environment.filters["bool"] = to_bool
        environment.filters["to_json"] = lambda v, **kw: json.dumps(v, **kw)
        environment.filters["rabbitmq_password_hash"] = rabbitmq_password_hash
        return environment
    value_env = make_env(repository)
    compiled, expressions = {}, {}
    single = re.compile(r"^\{\{(.*)\}\}$", re.S)

    class HostView(dict):
        """One host's layered variables, `{{ }}` values evaluated on first use."""

        def __init__(self, raw, specials):
            super().__init__(raw)
            self.specials, self.cache, self.active = specials, {}, set()

        def __contains__(self, key):
            return key in self.specials or dict.__contains__(self, key)

        def __getitem__(self, key):
            if key in self.specials:
                return self.specials[key]
            if key in self.cache:
                return self.cache[key]
            if key in self.active:
                raise SystemExit(f"reference cycle through {key}")
            self.active.add(key)
            value = self.resolve(dict.__getitem__(self, key))
            self.active.discard(key)
            self.cache[key] = value
            return value

        def get(self, key, default=None):
            return self[key] if key in self else default

        def __iter__(self):  # also makes dict(view) (Jinja's include context) evaluate lazily
            yield from self.specials
            yield from (k for k in dict.keys(self) if k not in self.specials)

        def keys(self):
            return list(iter(self))

        def resolve(self, value):
            if isinstance(value, str):
                if "{{" not in value and "{%" not in value:
                    return value
                match = single.match(value)
                if match and "{{" not in match.group(1):
                    expression = expressions.get(value)
                    if expression is None:
                        expression = value_env.compile_expression(match.group(1))
                        expressions[value] = expression
                    context = expression._template.new_context(self, shared=True)
                    for _ in expression._template.root_render_func(context):
                        pass
                    return context.vars["result"]
                template = compiled.get(value)
                if template is None:
                    template = compiled[value] = value_env.from_string(value)
                return self.render(template)
            if isinstance(value, dict):
                return {k: self.resolve(v) for k, v in value.items()}
            if isinstance(value, list):
                return [self.resolve(v) for v in value]
            return value

        def render(self, template):
            context = template.new_context(self, shared=True)
            return template.environment.concat(template.root_render_func(context))

    views = {}
    class HostVars(dict):
        def __contains__(self, host):
            return host in host_groups
        def __getitem__(self, host):
            return view(host)
    hostvars = HostVars()

    def view(host):
        if host in views:
            return views[host]
        specials = {"inventory_hostname": host, "groups": groups, "hostvars": hostvars,
                    "group_names": sorted(host_groups[host])}
        views[host] = HostView(estate.raw(host), specials)
        return views[host]

    environments = {}
    def template_for(service, src):
        key = (service, src)
        if key not in compiled:
            environment = environments.get(service)
            if environment is None:
                environment = environments[service] = make_env(path("templates", service))
            source = open(path("templates", service, src), encoding="utf-8").read()
            compiled[key] = (environment.from_string(source), len(source) - len(source.rstrip("\n")))
        return compiled[key]

    def top_up(text, newlines):
        have = len(text) - len(text.rstrip("\n"))
        return text + "\n" * max(0, newlines - have) if text else text

    catalog = None
    if any(service["name"] == firmware.SERVICE for service in estate.services):
        catalog = firmware.Catalog(repository, estate.load)

    def variable(host_view, name):
        """`name` of the host, evaluated; firmware.UNDEFINED when it is not set or refers to
        undefined variables (Kiln's `resolve` gives an undefined value then)."""
        try:
            return host_view[name] if name in host_view else firmware.UNDEFINED
        except jinja2.UndefinedError:
            return firmware.UNDEFINED

    def host_files(host):
        """(service, dest, text, mode) of `host`'s files before overlay patches."""
        host_view = view(host)
        for service in estate.services:
            if not estate.runs(service, host):
                continue
            for file in service["files"]:
                template, newlines = template_for(service["name"], file["src"])
                text = top_up(host_view.render(template), newlines)
                yield service["name"], file["dest"], text, int(str(file.get("mode", "0644")), 8)
            if service["name"] == firmware.SERVICE and catalog is not None:
                lookup = functools.partial(variable, host_view)
                for dest, text in firmware.host_files(host, lookup, catalog):
                    yield service["name"], dest, text, 0o644

    def patched(host, service, dest, text):
        """`text` with the INI patches of the overlays that apply to `host` and `service`."""
        for overlay in overlays:
            services_filter = (overlay.get("applies-to") or {}).get("services")
            if services_filter and service not in services_filter:
                continue
            if not estate.applies(overlay, host):
                continue
            for patch in overlay.get("patches") or []:
                if patch["file"] != dest or patch["merge"] != "ini":
                    continue
                fragment_key = (overlay["directory"], patch["with"])
                if fragment_key not in compiled:
                    environment = make_env(overlay["directory"], lstrip_blocks=True)
                    compiled[fragment_key] = environment.get_template(patch["with"])
                fragment = view(host).render(compiled[fragment_key])
                text = ini_merge(text, fragment, os.path.join(overlay["directory"],
                                                             patch["with"]))
        return text

    made = set()
    for host in hosts:
        for service, dest, text, mode in host_files(host):
            text = patched(host, service, dest, text)
            target = os.path.join(out, host, dest)
            directory = os.path.dirname(target)
            if directory not in made:
                os.makedirs(directory, exist_ok=True)
                made.add(directory)
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.chmod(target, mode)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: scripts/reference/render.py REPOSITORY OUT")
    render_repository(sys.argv[1], sys.argv[2])
