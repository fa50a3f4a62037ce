"""Kolla-ansible's address filters, reproduced for Kiln's differential reference.

`kolla_address` and `put_address_in_context` behave as kolla-ansible's filter
plugins do (kolla_ansible/kolla_address.py and put_address_in_context.py):
the same lookups through `hostvars`, the same errors, the same output.
"""

import ipaddress

from jinja2 import pass_context
from jinja2.runtime import Undefined


class KollaFilterError(Exception):
    """Raised when a kolla address filter cannot produce an address."""


def _host_value(host, key):
    value = host.get(key)
    if isinstance(value, Undefined):
        return None
    return value


@pass_context
def kolla_address(context, network_name, hostname=None):
    """Return the address of `hostname` (default: the current host) on a network."""
    if hostname is None:
        hostname = context.get('inventory_hostname')
        if hostname is None or isinstance(hostname, Undefined):
            raise KollaFilterError("'inventory_hostname' variable is unavailable")
    hostvars = context.get('hostvars')
    if hostvars is None or isinstance(hostvars, Undefined):
        raise KollaFilterError("'hostvars' variable is unavailable")
    host = hostvars.get(hostname)
    if host is None or isinstance(host, Undefined):
        raise KollaFilterError("'%s' not in 'hostvars'" % hostname)

    interface_name = _host_value(host, network_name + '_interface')
    if interface_name is None:
        raise KollaFilterError("Interface name undefined for network '%s' (set '%s_interface')"
                               % (network_name, network_name))
    family = _host_value(host, network_name + '_address_family')
    if family is None:
        raise KollaFilterError("Address family undefined for network '%s' (set '%s_address_family')"
                               % (network_name, network_name))
    family = family.lower()
    if family not in ('ipv4', 'ipv6'):
        raise KollaFilterError("Unknown address family '%s' for network '%s'" % (family, network_name))

    interface = _host_value(host, 'ansible_' + interface_name.replace('-', '_'))
    if interface is None:
        raise KollaFilterError("Interface '%s' not present on host '%s'" % (interface_name, hostname))
    family_facts = interface.get(family)
    if family_facts is None:
        raise KollaFilterError("Address family '%s' undefined on interface '%s' for host: '%s'"
                               % (family, interface_name, hostname))

    if family == 'ipv4':
        address = family_facts.get('address')
    else:
        haproxy = _host_value(host, 'enable_haproxy')
        if haproxy is None:
            raise KollaFilterError("'enable_haproxy' variable is unavailable")
        haproxy = context.environment.filters['bool'](haproxy)
        virtual = []
        if haproxy:
            virtual = [_host_value(host, 'kolla_internal_vip_address'),
                       _host_value(host, 'kolla_external_vip_address')]
        candidates = [entry['address'] for entry in family_facts
                      if entry['scope'] == 'global' and entry['address'] not in virtual]
        address = candidates[0] if candidates else None

    if address is None:
        raise KollaFilterError("%s address missing on interface '%s' for host '%s'"
                               % (family, interface_name, hostname))
    return address


def put_address_in_context(address, context):
    """Format an address for a URL, memcached or RabbitMQ (Erlang) setting."""
    if context not in ('url', 'memcache', 'rabbitmq'):
        raise KollaFilterError("Unknown context '%s'" % context)
    if ':' not in address and context != 'rabbitmq':
        return address
    if context == 'url':
        return '[%s]' % address
    if context == 'memcache':
        return 'inet6:[%s]' % address
    parsed = ipaddress.ip_address(address)
    if parsed.version == 6:
        return ','.join('16#%x' % int(group, 16) for group in parsed.exploded.split(':'))
    return address.replace('.', ',')


class FilterModule(object):
    """Ansible filter plugin entry point."""

    def filters(self):
        return {
            'kolla_address': kolla_address,
            'put_address_in_context': put_address_in_context,
        }
