import Testing

@testable import Jinja

/// Path filters, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("Path filters")
struct FilterPathTests {
  static let cases: [FilterCase] = [
    FilterCase("{{ path | basename }}|{{ path | dirname }}", "nova.conf|/etc/kolla/nova"),
    FilterCase(
      "{{ '/etc/' | basename }}|{{ '/etc/' | dirname }}|{{ 'x' | dirname }}|{{ '/' | dirname }}|{{ '//a//b' | dirname }}",
      "|/etc||/|//a"),
    FilterCase(
      "{{ 'a/b.tar.gz' | splitext }}|{{ '.bashrc' | splitext }}",
      "['a/b.tar', '.gz']|['.bashrc', '']"),
    FilterCase(
      "{{ ['/etc', 'kolla', 'x.conf'] | path_join }}|{{ ['a', '/b', 'c'] | path_join }}",
      "/etc/kolla/x.conf|/b/c"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
