import Foundation
import KilnSecrets
import KilnTestSupport

/// The example repository's secrets: the example-only identities under Tests/Fixtures/secrets/
/// and the plaintext of every secret, for tests that must find (or must not find) them.
enum SecretFixture {
  /// Path of an example-only identity file (`executor` or `operator`).
  static func identityPath(_ who: String) -> String {
    packageRoot.appendingPathComponent("Tests/Fixtures/secrets/example-\(who).key").path
  }

  /// The identities of an example-only identity file.
  static func identities(_ who: String) throws -> [AgeIdentity] {
    try AgeIdentity.parseFile(String(contentsOfFile: identityPath(who), encoding: .utf8))
  }

  /// The plaintext of secret `name` of the example (stored in environments/base/secrets).
  static func value(_ name: String, under root: URL = packageRoot) throws -> String {
    let url = root.appendingPathComponent("environments/base/secrets/\(name).age")
    let file = Array(try Data(contentsOf: url))
    return String(
      decoding: try Age.decrypt(file, identities: identities("executor")), as: UTF8.self)
  }

  /// Every secret of the example, by name.
  static let names = [
    "database_password", "haproxy_password", "keepalived_password", "monasca_agent_password",
    "rabbitmq_cluster_cookie", "rabbitmq_password",
  ]

  /// Every plaintext value of the example's secrets.
  static func values() throws -> [String] { try names.map { try value($0) } }

  /// The secret values found in `bytes`.
  static func leaks(in bytes: some Sequence<UInt8>, values: [String]) -> [String] {
    let haystack = Array(bytes)
    return values.filter { value in
      let needle = Array(value.utf8)
      guard needle.count <= haystack.count else { return false }
      return (0...(haystack.count - needle.count)).contains {
        haystack[$0] == needle[0] && Array(haystack[$0..<($0 + needle.count)]) == needle
      }
    }
  }
}
