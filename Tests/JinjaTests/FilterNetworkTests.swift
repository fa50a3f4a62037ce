import Testing

@testable import Jinja

/// ansible.utils address filters, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("ansible.utils address filters")
struct FilterNetworkTests {
  static let cases: [FilterCase] = [
    FilterCase(
      "{{ '192.168.1.10' | ansible.utils.ipaddr }}|{{ '192.168.1.10/24' | ansible.utils.ipaddr('address') }}|{{ '192.168.1.0/24' | ansible.utils.ipaddr('address') }}",
      "192.168.1.10|192.168.1.10|"),
    FilterCase(
      "{{ '192.168.1.0/24' | ansible.utils.ipaddr('net') }}|{{ '192.168.1.10/24' | ansible.utils.ipaddr('net') }}|{{ '192.168.1.10/24' | ansible.utils.ipaddr('network') }}",
      "192.168.1.0/24||192.168.1.0"),
    FilterCase(
      "{{ '192.168.1.10/24' | ansible.utils.ipaddr('netmask') }}|{{ '192.168.1.10/24' | ansible.utils.ipaddr('prefix') }}|{{ '192.168.1.10/24' | ansible.utils.ipaddr('broadcast') }}",
      "255.255.255.0|24|192.168.1.255"),
    FilterCase(
      "{{ '192.168.1.10/24' | ansible.utils.ipaddr('size') }}|{{ '192.168.1.10/24' | ansible.utils.ipaddr('host') }}|{{ '192.168.1.10/24' | ansible.utils.ipaddr('subnet') }}",
      "256|192.168.1.10/24|192.168.1.0/24"),
    FilterCase(
      "{{ 'fd00::10/64' | ansible.utils.ipaddr('address') }}|{{ 'fd00::10/64' | ansible.utils.ipaddr('network') }}|{{ 'FD00:0:0::1' | ansible.utils.ipaddr }}",
      "fd00::10|fd00::|fd00::1"),
    FilterCase(
      "{{ ['10.0.0.1', 'fd00::1', 'host', '10.0.0.0/8'] | ansible.utils.ipaddr }}",
      "['10.0.0.1', 'fd00::1', '10.0.0.0/8']"),
    FilterCase(
      "{{ ['10.0.0.1', 'fd00::1', 'host'] | ansible.utils.ipv4 }}|{{ ['10.0.0.1', 'fd00::1'] | ansible.utils.ipv6 }}",
      "['10.0.0.1']|['fd00::1']"),
    FilterCase(
      "{{ 'not-an-ip' | ansible.utils.ipaddr }}|{{ '' | ansible.utils.ipaddr }}|{{ 3232235777 | ansible.utils.ipaddr }}",
      "False|False|192.168.1.1"),
    FilterCase("{{ '192.168.1.10' | ansible.utils.ipaddr('192.168.0.0/16') }}", "192.168.1.10"),
    FilterCase(
      "{{ '192.168.1.0/24' | ansible.utils.ipaddr(5) }}|{{ '192.168.1.0/24' | ansible.utils.ipaddr(-1) }}",
      "192.168.1.5/24|192.168.1.255/24"),
    FilterCase(
      "{{ '10.0.0.1' | ansible.utils.ipaddr('private') }}|{{ '8.8.8.8' | ansible.utils.ipaddr('public') }}",
      "10.0.0.1|8.8.8.8"),
    FilterCase(
      "{{ 'fd00::10' | ansible.utils.ipwrap }}|{{ '10.0.0.1' | ansible.utils.ipwrap }}|{{ 'fd00::/64' | ansible.utils.ipwrap }}|{{ 'name' | ansible.utils.ipwrap }}",
      "[fd00::10]|10.0.0.1|[fd00::]/64|name"),
    FilterCase(
      "{{ ['10.0.0.1', 'fd00::1', 'host'] | ansible.utils.ipwrap }}",
      "['10.0.0.1', '[fd00::1]', 'host']"),
    FilterCase(
      "{{ '10.0.0.1' | ansible.utils.ipaddr('ipv6') }}|{{ '::ffff:10.0.0.1' | ansible.utils.ipaddr('ipv4') }}",
      "::ffff:10.0.0.1/128|10.0.0.1/32"),
    FilterCase(
      "{{ 'fd00::10' | ansible.utils.ipaddr('version') }}|{{ '10.0.0.1/8' | ansible.utils.ipaddr('type') }}|{{ '10.0.0.0/8' | ansible.utils.ipaddr('type') }}",
      "6|address|network"),
    FilterCase(
      "{{ '10.0.0.1' | put_address_in_context('url') }}|{{ 'fd00::1' | put_address_in_context('url') }}|{{ 'fd00::1' | put_address_in_context('memcache') }}",
      "10.0.0.1|[fd00::1]|inet6:[fd00::1]"),
    FilterCase(
      "{{ '10.0.0.1' | put_address_in_context('rabbitmq') }}|{{ 'fd00::12' | put_address_in_context('rabbitmq') }}",
      "10,0,0,1|16#fd00,16#0,16#0,16#0,16#0,16#0,16#0,16#12"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
