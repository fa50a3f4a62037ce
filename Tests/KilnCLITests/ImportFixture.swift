import Foundation
import KilnSecrets
import KilnTestSupport

/// The kolla-ansible and kayobe deployments under Tests/Fixtures/import, and runs of
/// `kiln import` on them into a fresh directory.
struct ImportFixture {
  static let root = packageRoot.appendingPathComponent("Tests/Fixtures/import")
  static let kolla = root.appendingPathComponent("kolla")
  static let kayobe = root.appendingPathComponent("kayobe/etc/kayobe")
  static let genconfig = root.appendingPathComponent("reference/kolla_genconfig.py")

  /// The fake passwords of the kolla fixture (every scalar value of passwords.yml).
  static let passwords = [
    "fake-db-Xq7rT2kP9w", "fake-rmq-Lm3vB8nZ1c", "FAKECOOKIEQWERTYUIOPASDF", "fake-rmq-mon-Hh5Jj6",
    "fake-monasca-Yu2Io3", "fakevrrp", "fake-haproxy-Pp0Oo9", "fake-keystone-Aa1Ss2",
    "fake-nova-db-Dd3Ff4", "fake-nova-ks-Gg5Hh6", "ZmFrZS1rZXktbWF0ZXJpYWwtZm9yLXRlc3RzLW9ubHk=",
    "ZmFrZS1wdWJsaWMta2V5",
  ]

  /// A scratch directory; `out` is where the import writes.
  let directory: URL
  let identity = AgeIdentity.generate()
  var out: URL { directory.appendingPathComponent("repo") }

  init(_ label: String) throws {
    directory = try TemporaryDirectory.make(label)
  }

  func remove() { try? FileManager.default.removeItem(at: directory) }

  /// The full kolla import arguments, with `changes` replacing or adding options.
  func kollaArguments(_ changes: [String: String?] = [:]) -> [String] {
    var options: [(String, String?)] = [
      ("--inventory", Self.kolla.appendingPathComponent("multinode").path),
      ("--globals", Self.kolla.appendingPathComponent("globals.yml").path),
      ("--passwords", Self.kolla.appendingPathComponent("passwords.yml").path),
      ("--config-dir", Self.kolla.appendingPathComponent("config").path),
      ("--env", "prod"), ("--out", out.path), ("--templates-from", packageRoot.path),
      ("--recipient", identity.recipient.encoded),
    ]
    for (key, value) in changes {
      if let index = options.firstIndex(where: { $0.0 == key }) {
        options[index].1 = value
      } else {
        options.append((key, value))
      }
    }
    return ["import", "kolla"]
      + options.flatMap { option, value in value.map { [option, $0] } ?? [] }
  }

  /// Runs `kiln import kolla` with `changes` applied to the full argument list.
  func importKolla(_ changes: [String: String?] = [:]) throws -> KilnProcess.Result {
    try KilnProcess.run(kollaArguments(changes), in: directory)
  }

  /// The plaintext of an imported secret, decrypted with the fixture's identity.
  func secret(_ name: String) throws -> [UInt8] {
    let file = out.appendingPathComponent("environments/prod/secrets/\(name).age")
    return try Age.decrypt(Array(try Data(contentsOf: file)), identities: [identity])
  }
}
