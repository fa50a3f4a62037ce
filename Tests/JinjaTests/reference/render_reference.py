#!/usr/bin/env python3
"""Render Kiln's differential corpus with Ansible's own templating.

Usage: render_reference.py CORPUS.json [CORPUS.json ...]

Each corpus file is a JSON list of cases
    {"name": str, "template": str, "vars": {...}, "templates": {name: text}?, "expect_error": bool?}
and each case is rendered the way ansible-core 2.19's `template` action renders a
file: `Templar.copy_with_new_env(searchpath=..., available_variables=...)` then
`template(data, escape_backslashes=False, overrides={trim_blocks: True,
lstrip_blocks: False, newline_sequence: "\\n"})`, a `None` result written as "" and a
non-string result written as `str(result)`. Extra named templates are files in the
search path (for include, import and lookup('template')).

Prints one JSON document on standard output:
    {"ansible": ver, "jinja2": ver, "ipaddr": "collection"|"reproduction",
     "files": {path: [{"name": ..., "output": str} | {"name": ..., "error": true,
                                                      "type": str, "message": str}]}}
Exits 3 with an installation hint when Ansible cannot be imported.

Filters: ansible.builtin (ansible-core), ansible.utils' ipaddr family (the real
collection when installed, else ipaddr_filters.py beside this file), and kolla's
kolla_address / put_address_in_context (kolla_filters.py beside this file).
Set KILN_REFERENCE_IPADDR=reproduction to force the reproduction.
"""

import json
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
INSTALL_HINT = "pip install 'ansible-core>=2.19,<2.20' jinja2==3.1.6 netaddr"
IP_FILTERS = ('ipaddr', 'ipv4', 'ipv6', 'ipwrap')


def _find_utils_collection():
    """Return a collections root holding ansible.utils, or None."""
    roots = [p for p in os.environ.get('ANSIBLE_COLLECTIONS_PATH', '').split(os.pathsep) if p]
    roots += [os.path.expanduser('~/.ansible/collections'), '/usr/share/ansible/collections']
    roots += [p for p in sys.path if p.endswith('site-packages')]
    for root in roots:
        if os.path.isdir(os.path.join(root, 'ansible_collections', 'ansible', 'utils', 'plugins')):
            return root
    return None


def _prepare_plugins(workdir):
    """Make the kolla filters and the ipaddr family loadable; return the ipaddr source."""
    filter_dir = os.path.join(workdir, 'filter_plugins')
    os.makedirs(filter_dir)
    shutil.copy(os.path.join(HERE, 'kolla_filters.py'), filter_dir)
    os.environ['ANSIBLE_FILTER_PLUGINS'] = filter_dir
    root = None if os.environ.get('KILN_REFERENCE_IPADDR') == 'reproduction' else _find_utils_collection()
    source = 'collection'
    if root is None:
        source = 'reproduction'
        root = os.path.join(workdir, 'collections')
        plugin_dir = os.path.join(root, 'ansible_collections', 'ansible', 'utils', 'plugins', 'filter')
        os.makedirs(plugin_dir)
        for part in (('ansible_collections',), ('ansible_collections', 'ansible'),
                     ('ansible_collections', 'ansible', 'utils'),
                     ('ansible_collections', 'ansible', 'utils', 'plugins')):
            open(os.path.join(root, *part, '__init__.py'), 'w').close()
        for name in IP_FILTERS:
            with open(os.path.join(plugin_dir, name + '.py'), 'w') as shim:
                shim.write('import sys\nsys.path.insert(0, %r)\n' % HERE)
                shim.write('from ipaddr_filters import FILTERS\n\n\n')
                shim.write('class FilterModule(object):\n')
                shim.write('    def filters(self):\n')
                shim.write('        return {%r: FILTERS[%r]}\n' % (name, name))
    os.environ['ANSIBLE_COLLECTIONS_PATH'] = root
    return source


def _quiet_ansible():
    os.environ.setdefault('ANSIBLE_DEPRECATION_WARNINGS', 'False')
    os.environ.setdefault('ANSIBLE_LOCALHOST_WARNING', 'False')
    os.environ.setdefault('ANSIBLE_NOCOLOR', 'True')
    os.environ.setdefault('ANSIBLE_LOCAL_TEMP', tempfile.gettempdir())


class Renderer(object):
    """Renders cases with a fresh Templar per case, as the template action does."""

    def __init__(self):
        from ansible.parsing.dataloader import DataLoader
        from ansible.plugins.loader import init_plugin_loader
        init_plugin_loader()
        from ansible.template import Templar, trust_as_template
        self._loader_class = DataLoader
        self._templar_class = Templar
        self._trust = trust_as_template

    def render(self, case, workdir):
        casedir = tempfile.mkdtemp(dir=workdir)
        for name, text in (case.get('templates') or {}).items():
            path = os.path.join(casedir, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w', encoding='utf-8', newline='') as handle:
                handle.write(text)
        loader = self._loader_class()
        loader.set_basedir(casedir)
        templar = self._templar_class(loader=loader)
        variables = dict(case.get('vars') or {})
        variables.setdefault('ansible_search_path', [casedir])
        data_templar = templar.copy_with_new_env(searchpath=[casedir], available_variables=variables)
        overrides = dict(trim_blocks=True, lstrip_blocks=False, newline_sequence='\n')
        try:
            result = data_templar.template(self._trust(case['template']),
                                           escape_backslashes=False, overrides=overrides)
            if result is None:
                result = ''
            text = result if isinstance(result, str) else str(result)
            return {'name': case['name'], 'output': text}
        except Exception as error:  # Ansible raises many error classes; all mean "failed"
            message = str(error).split('\n')[0]
            return {'name': case['name'], 'error': True, 'type': type(error).__name__,
                    'message': message}
        finally:
            shutil.rmtree(casedir, ignore_errors=True)


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    workdir = tempfile.mkdtemp(prefix='kiln-reference-')
    try:
        source = _prepare_plugins(workdir)
        _quiet_ansible()
        try:
            import ansible.release
            import jinja2
            renderer = Renderer()
        except ImportError as error:
            sys.stderr.write('Ansible is not importable (%s). Install the reference with:\n  %s\n'
                             % (error, INSTALL_HINT))
            return 3
        files = {}
        for path in argv[1:]:
            with open(path, encoding='utf-8') as handle:
                cases = json.load(handle)
            files[path] = [renderer.render(case, workdir) for case in cases]
        json.dump({'ansible': ansible.release.__version__, 'jinja2': jinja2.__version__,
                   'ipaddr': source, 'files': files}, sys.stdout, ensure_ascii=False)
        sys.stdout.write('\n')
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
