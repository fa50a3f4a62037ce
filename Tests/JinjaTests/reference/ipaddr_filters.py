"""The ansible.utils IP filters (ipaddr, ipwrap, ipv4, ipv6), reproduced for Kiln's reference.

Used only when the real `ansible.utils` collection is not installed (CI installs
ansible-core, jinja2 and netaddr from PyPI; the collection ships with the full
`ansible` package). Covers the queries kolla-style templates use, with the
collection's semantics: a value that is not an address gives False, lists are
filtered element by element, an unknown query is an error.
"""

import netaddr
from ansible.errors import AnsibleFilterError


def _is_global(ip):
    return ip.is_global()


def _empty(v, vtype, value):
    return str(v.ip) if vtype == 'address' else str(v)


def _address(v, vtype, value):
    if v.size == 1:
        return str(v.ip)
    if v.ip != v.network or not v.broadcast or v.version == 6:
        return str(v.ip)
    return None


def _host(v, vtype, value):
    if v.size == 1:
        return str(v)
    if v.ip != v.network or not v.broadcast:
        return '%s/%d' % (v.ip, v.prefixlen)
    return None


def _net(v, vtype, value):
    if v.size > 1 and v.ip == v.network:
        return '%s/%d' % (v.network, v.prefixlen)
    return None


def _type(v, vtype, value):
    if v.size == 1 or v.ip != v.network:
        return 'address'
    return 'network'


def _private(v, vtype, value):
    return value if not _is_global(v.ip) else None


def _public(v, vtype, value):
    ip = v.ip
    if ip.is_unicast() and _is_global(ip) and not ip.is_loopback() \
            and not ip.is_netmask() and not ip.is_hostmask():
        return value
    return None


def _ipv4(v, vtype, value):
    if v.version == 6:
        try:
            return str(v.ipv4())
        except Exception:
            return False
    return value


def _ipv6(v, vtype, value):
    return str(v.ipv6()) if v.version == 4 else value


def _wrap(v, vtype, value):
    if v.version != 6:
        return value
    if vtype == 'address':
        return '[%s]' % v.ip
    return '[%s]/%d' % (v.ip, v.prefixlen)


_QUERIES = {
    '': _empty,
    'address': _address,
    'ip': _address,
    'host': _host,
    'net': _net,
    'network': lambda v, t, x: str(v.network),
    'network_id': lambda v, t, x: str(v.network),
    'netmask': lambda v, t, x: str(v.netmask),
    'hostmask': lambda v, t, x: str(v.hostmask),
    'prefix': lambda v, t, x: int(v.prefixlen),
    'size': lambda v, t, x: v.size,
    'cidr': lambda v, t, x: str(v),
    'subnet': lambda v, t, x: str(v.cidr),
    'network/prefix': lambda v, t, x: str(v.cidr),
    'broadcast': lambda v, t, x: str(v.broadcast) if v.size > 2 else None,
    'version': lambda v, t, x: v.version,
    'type': _type,
    'bool': lambda v, t, x: True if v else None,
    'int': lambda v, t, x: ('%d/%d' % (int(v.ip), v.prefixlen)) if t == 'network' else int(v.ip),
    'private': _private,
    'public': _public,
    'ipv4': _ipv4,
    'v4': _ipv4,
    'ipv6': _ipv6,
    'v6': _ipv6,
    'wrap': _wrap,
    'loopback': lambda v, t, x: x if v.ip.is_loopback() else None,
    'multicast': lambda v, t, x: x if v.is_multicast() else None,
    'link-local': lambda v, t, x: x if v.ip in netaddr.IPNetwork(
        '169.254.0.0/16' if v.version == 4 else 'fe80::/10') else None,
}


def _parse(value, version):
    if str(value).isdigit():
        for family in ((4, 6) if not version or version == 4 else (6,)):
            try:
                network = netaddr.IPNetwork('%s/%d' % (netaddr.IPAddress(int(value), family),
                                                        32 if family == 4 else 128))
                return network, 'address', str(network)
            except Exception:
                continue
        return None, None, value
    try:
        network = netaddr.IPNetwork(value)
    except Exception:
        return None, None, value
    return network, ('network' if '/' in value else 'address'), value


def ipaddr(value, query='', version=False, alias='ipaddr'):
    """Filter or transform an address, a network or a list of them."""
    if isinstance(value, (list, tuple)):
        results = [ipaddr(element, str(query), version, alias) for element in value]
        return [item for item in results if item]
    if not value or value is True:
        return False
    v, vtype, value = _parse(value, version)
    if v is None:
        return False
    if version and v.version != version:
        return False
    if query in _QUERIES:
        return _QUERIES[query](v, vtype, value)
    if query and not str(query).isdigit() and _is_network(query):
        return value if v in netaddr.IPSet([netaddr.IPNetwork(query)]) else None
    try:
        float(query)
    except Exception:
        raise AnsibleFilterError(alias + ': unknown filter type: %s' % query)
    if v.size == 1:
        return str(v.ip) if vtype == 'address' else str(v)
    try:
        return '%s/%d' % (v[query], v.prefixlen)
    except Exception:
        return False


def _is_network(text):
    try:
        return bool(ipaddr(text, 'network'))
    except Exception:
        return False


def _checked(name, value):
    if not isinstance(value, (str, list, int)):
        raise AnsibleFilterError('Unrecognized type <%s> for %s filter <value>' % (type(value), name))


def ipaddr_filter(value, query='', version=False, alias='ipaddr'):
    """`ansible.utils.ipaddr`."""
    _checked('ipaddr', value)
    return ipaddr(value, query, version, alias)


def ipv4_filter(value, query=''):
    """`ansible.utils.ipv4`."""
    _checked('ipv4', value)
    return ipaddr(value, query, 4, 'ipv4')


def ipv6_filter(value, query=''):
    """`ansible.utils.ipv6`."""
    _checked('ipv6', value)
    return ipaddr(value, query, 6, 'ipv6')


def ipwrap_filter(value, query=''):
    """`ansible.utils.ipwrap`: wrap IPv6 addresses in brackets, leave the rest."""
    if not isinstance(value, (str, list, bool)):
        raise AnsibleFilterError('Unrecognized type <%s> for ipwrap filter <value>' % type(value))
    try:
        if isinstance(value, (list, tuple)):
            return [ipaddr(e, 'wrap') if ipaddr(e, query, False, 'ipwrap') else e for e in value]
        result = ipaddr(value, query, False, 'ipwrap')
        return ipaddr(result, 'wrap') if result else value
    except Exception:
        return value


FILTERS = {
    'ipaddr': ipaddr_filter,
    'ipv4': ipv4_filter,
    'ipv6': ipv6_filter,
    'ipwrap': ipwrap_filter,
}


class FilterModule(object):
    """Ansible filter plugin entry point."""

    def filters(self):
        return dict(FILTERS)
