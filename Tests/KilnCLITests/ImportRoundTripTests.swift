import Foundation
import KilnSecrets
import KilnTestSupport
import Testing

/// The round-trip proof: a kolla-ansible deployment imported with `kiln import kolla` and
/// rendered with `kiln render` gives, for every service the templates define, the same bytes
/// as kolla-ansible's own generation from the same inputs — Ansible's inventory and templating
/// (ansible-core from PyPI) and kolla's `merge_configs` (kolla-ansible 22.2.0 from PyPI), run by
/// Tests/Fixtures/import/reference/kolla_genconfig.py.
///
/// Secrets: when the rendered files carry `<secret NAME sha256:…>` placeholders they are
/// completed with the values decrypted from the imported `.age` files (the test's identity) and
/// compared with a reference rendered from the real passwords; when they carry the key-less
/// `<secret NAME>` form, the reference renders with those texts as the passwords.
@Suite(.enabled(if: GenconfigReference.isAvailable))
struct ImportRoundTripTests {
  @Test func renderedImportMatchesKollaGenconfig() throws {
    let fixture = try ImportFixture("import-roundtrip")
    defer { fixture.remove() }
    let imported = try fixture.importKolla()
    #expect(imported.exitCode == 1, "\(imported.stderr)")
    let rendered = fixture.directory.appendingPathComponent("rendered")
    let render = try KilnProcess.run(
      ["render", "-C", fixture.out.path, "--env", "prod", "--out", rendered.path],
      in: fixture.directory)
    try #require(render.exitCode == 0, "\(render.stderr)")
    var ours = files(under: rendered)
    ours["manifest.json"] = nil
    let completed = ours.values.contains {
      String(decoding: $0, as: UTF8.self).contains(" sha256:")
    }
    if completed {
      for (path, data) in ours {
        ours[path] = Data(
          try SecretPlaceholder.substitute(in: Array(data)) { name in try fixture.secret(name) })
      }
    }
    let expected = fixture.directory.appendingPathComponent("expected")
    try GenconfigReference.run(into: expected, placeholders: !completed)
    let theirs = files(under: expected)
    #expect(theirs.count == 38, "kolla genconfig produced \(theirs.count) files")
    #expect(Set(ours.keys) == Set(theirs.keys))
    for (path, data) in theirs.sorted(by: { $0.key < $1.key }) {
      #expect(
        ours[path] == data,
        "\(path) differs:\n--- kiln\n\(String(decoding: ours[path] ?? Data(), as: UTF8.self))\n--- kolla\n\(String(decoding: data, as: UTF8.self))"
      )
    }
  }
}

/// Runs kolla_genconfig.py (Ansible + kolla-ansible from PyPI) on the kolla fixture.
enum GenconfigReference {
  static let isAvailable: Bool = {
    (try? shell("python3 -c 'import ansible.template, oslo_config, yaml, netaddr'", in: packageRoot))
      != nil
  }()

  static func run(into directory: URL, placeholders: Bool) throws {
    let arguments =
      [
        ImportFixture.genconfig.path, ImportFixture.kolla.path,
        packageRoot.appendingPathComponent("templates").path, directory.path,
      ] + (placeholders ? ["--placeholder-passwords"] : [])
    try shell(
      "python3 " + arguments.map { "'\($0)'" }.joined(separator: " ") + " >/dev/null",
      in: packageRoot)
  }
}
