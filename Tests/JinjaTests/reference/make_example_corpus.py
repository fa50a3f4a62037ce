#!/usr/bin/env python3
"""Build Corpus/example.json from the example configuration repository.

Usage: make_example_corpus.py REPO_ROOT OUTPUT.json

For every template a service lists in its service.yaml and a few hosts of the service's
group in each environment, writes one differential case: the template text, the service's
other templates (for include), and the host's variables fully layered and evaluated the way
design §2 describes (levels 1-5: service defaults, all, groups by depth then name, host,
overlay values; deep map merge; !append/!prepend/!remove/!replace/!unset), with `{{ }}` in
values evaluated by Ansible's templating (a value that is one expression keeps its type).
`hostvars` carries, for every host, the keys any template of the service mentions.
The engine test then compares Kiln and Ansible on the real templates with these variables.
"""

import copy
import json
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', '..', '..', 'scripts', 'reference'))
from kiln_yaml import Tagged, add_merge_tags, secret_placeholder  # noqa: E402


@add_merge_tags
class KilnLoader(yaml.SafeLoader):
    """SafeLoader that keeps Kiln's !append/!prepend/!remove/!replace/!unset tags and gives
    `!secret NAME` Kiln's placeholder, found along SECRET_DIRECTORIES (most specific first)."""


SECRET_DIRECTORIES = []


def construct_secret(loader, node):
    return secret_placeholder(loader.construct_scalar(node), SECRET_DIRECTORIES)


KilnLoader.add_constructor('!secret', construct_secret)


def load(root, path):
    full = os.path.join(root, path)
    if not os.path.exists(full):
        return None
    with open(full, encoding='utf-8') as handle:
        return yaml.load(handle, Loader=KilnLoader)


def merge(base, layer):
    """Merge `layer` over `base` (maps deeply; tagged values by their tag)."""
    result = dict(base)
    for key, value in (layer or {}).items():
        if isinstance(value, Tagged):
            old = result.get(key)
            if value.tag == 'append':
                result[key] = list(old or []) + list(value.value)
            elif value.tag == 'prepend':
                result[key] = list(value.value) + list(old or [])
            elif value.tag == 'remove':
                result[key] = [item for item in (old or []) if item not in value.value]
            elif value.tag == 'replace':
                result[key] = copy.deepcopy(value.value)
            elif value.tag == 'unset':
                result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def env_chain(root, env):
    chain = []
    for parent in (load(root, 'environments/%s/env.yaml' % env) or {}).get('inherits', []):
        for item in env_chain(root, parent):
            if item not in chain:
                chain.append(item)
    chain.append(env)
    return chain


class Inventory(object):
    """Groups (with depth), hosts in inventory order and inventory vars, merged along a chain."""

    def __init__(self):
        self.children = {'all': []}
        self.hosts = {}
        self.group_vars = {}
        self.host_vars = {}
        self.order = []

    def add(self, name, node):
        node = node or {}
        self.children.setdefault(name, [])
        self.hosts.setdefault(name, [])
        self.group_vars[name] = merge(self.group_vars.get(name, {}), node.get('vars'))
        for host, hvars in (node.get('hosts') or {}).items():
            if host not in self.hosts[name]:
                self.hosts[name].append(host)
            if host not in self.order:
                self.order.append(host)
            self.host_vars[host] = merge(self.host_vars.get(host, {}), hvars)
        for child, child_node in (node.get('children') or {}).items():
            if child not in self.children[name]:
                self.children[name].append(child)
            self.add(child, child_node)

    def members(self, group):
        found = list(self.hosts.get(group, []))
        for child in self.children.get(group, []):
            found += [h for h in self.members(child) if h not in found]
        return [h for h in self.order if h in found]

    def depth(self, group):
        parents = [g for g, kids in self.children.items() if group in kids]
        return 0 if not parents else 1 + max(self.depth(p) for p in parents)

    def groups_of(self, host):
        names = [g for g in self.children if g != 'all' and host in self.members(g)]
        return sorted(names, key=lambda g: (self.depth(g), g))

    def groups(self):
        result = {'all': list(self.order)}
        for name in self.children:
            if name != 'all':
                result[name] = self.members(name)
        result['ungrouped'] = [h for h in self.order if not self.groups_of(h)]
        return result


def layered(root, env, inventory, host, service):
    chain = env_chain(root, env)
    SECRET_DIRECTORIES[:] = [os.path.join(root, 'environments', item, 'secrets')
                             for item in reversed(chain)]
    values = {}
    for svc in sorted(os.listdir(os.path.join(root, 'templates'))):
        values = merge(values, load(root, 'templates/%s/defaults.yaml' % svc))
    values = merge(values, inventory.group_vars.get('all'))
    for item in chain:
        values = merge(values, load(root, 'environments/%s/group_vars/all.yaml' % item))
    for group in inventory.groups_of(host):
        values = merge(values, inventory.group_vars.get(group))
        for item in chain:
            values = merge(values, load(root, 'environments/%s/group_vars/%s.yaml' % (item, group)))
    values = merge(values, inventory.host_vars.get(host))
    for item in chain:
        values = merge(values, load(root, 'environments/%s/host_vars/%s.yaml' % (item, host)))
    for overlay in (load(root, 'environments/%s/env.yaml' % env) or {}).get('overlays', []):
        spec = load(root, 'overlays/%s/overlay.yaml' % overlay) or {}
        applies = spec.get('applies-to') or {}
        if applies.get('envs') and env not in applies['envs']:
            continue
        if applies.get('groups') and not set(applies['groups']) & set(inventory.groups_of(host)):
            continue
        if applies.get('hosts') and host not in applies['hosts']:
            continue
        if applies.get('services') and service not in applies['services']:
            continue
        values = merge(values, spec.get('values'))
    return values


def evaluate(values, extra):
    """Evaluate `{{ }}` in every value with Ansible (trusted, lazily, as inventory vars are)."""
    from ansible.parsing.dataloader import DataLoader
    from ansible.template import Templar, trust_as_template

    def trust(value):
        if isinstance(value, str):
            return trust_as_template(value)
        if isinstance(value, list):
            return [trust(v) for v in value]
        if isinstance(value, dict):
            return {k: trust(v) for k, v in value.items()}
        return value

    variables = {k: trust(v) for k, v in values.items()}
    variables.update(extra)
    templar = Templar(loader=DataLoader(), variables=variables)
    return {key: plain(templar.template(variables[key])) for key in values}


def plain(value):
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def main(root, output):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    cases = []
    for env in ('prod', 'staging'):
        inventory = Inventory()
        for item in env_chain(root, env):
            for name, node in (load(root, 'environments/%s/inventory.yaml' % item) or {}).items():
                inventory.add(name, node)
        groups = inventory.groups()
        for service in sorted(os.listdir(os.path.join(root, 'templates'))):
            spec = load(root, 'templates/%s/service.yaml' % service)
            if not spec:
                continue
            service_dir = os.path.join(root, 'templates', service)
            texts = {}
            for base, _, names in os.walk(service_dir):
                for name in names:
                    if name.endswith('.j2'):
                        path = os.path.join(base, name)
                        texts[os.path.relpath(path, service_dir)] = open(path, encoding='utf-8').read()
            words = set(re.findall(r'[A-Za-z_][A-Za-z0-9_]*', ''.join(texts.values())))
            members = groups.get(spec.get('hosts', service), [])
            chosen = [h for i, h in enumerate(members) if i in (0, len(members) - 1)]
            resolved = {}
            for host in groups['all']:
                extra = {'inventory_hostname': host, 'groups': groups}
                resolved[host] = evaluate(layered(root, env, inventory, host, service), extra)
            hostvars = {h: {k: v for k, v in resolved[h].items() if k in words} for h in groups['all']}
            for entry in spec.get('files', []):
                source = entry['src']
                for host in chosen:
                    variables = dict(resolved[host])
                    variables.update({'inventory_hostname': host, 'groups': groups, 'hostvars': hostvars})
                    cases.append({
                        'name': 'example/%s/%s/%s@%s' % (env, service, source, host),
                        'template': texts[source],
                        'vars': variables,
                        'templates': {k: v for k, v in texts.items() if k != source},
                    })
    with open(output, 'w', encoding='utf-8') as handle:
        json.dump(cases, handle, indent=1, ensure_ascii=False)
        handle.write('\n')
    print('%d cases written to %s' % (len(cases), output))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
