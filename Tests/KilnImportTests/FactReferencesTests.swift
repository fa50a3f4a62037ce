import Testing

@testable import KilnImport

/// Which Jinja expressions reference Ansible facts.
struct FactReferencesTests {
  @Test(arguments: [
    ("{{ ansible_facts.hostname }}", ["ansible_facts"]),
    ("{{ hostvars[h]['ansible_' + i]['ipv4'] }}", ["ansible_"]),
    ("{{ hostvars[h]['ansible_eth0'].ipv4.address }}", ["ansible_eth0"]),
    ("{% if ansible_os_family == 'Debian' %}x{% endif %}", ["ansible_os_family"]),
    ("{{ ansible_host }}:{{ ansible_port }}", []),
    ("ansible_default_ipv4 outside jinja", []),
    ("{{ groups['control'] | length }}", []),
  ])
  func facts(_ text: String, _ expected: [String]) {
    #expect(FactReferences.facts(in: text) == expected)
  }
}
