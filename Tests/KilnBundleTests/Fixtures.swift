import Foundation
import KilnCompiler
import Testing

@testable import KilnBundle

/// Keys, archives and helpers shared by the bundle tests.
enum Fixtures {
  static func key(_ byte: UInt8) -> SigningKey {
    // A fixed seed per signer keeps failures reproducible.
    (try? SigningKey(seed: [UInt8](repeating: byte, count: 32))) ?? SigningKey()
  }

  static let ci = key(1)
  static let releaseA = key(2)
  static let releaseB = key(3)
  static let stranger = key(9)

  static let policy = TrustPolicy(
    keys: [
      .init(name: "ci-staging", publicKey: ci.publicKey, environments: ["staging"]),
      .init(name: "release-a", publicKey: releaseA.publicKey, environments: ["staging", "prod"]),
      .init(name: "release-b", publicKey: releaseB.publicKey, environments: ["prod"]),
    ],
    thresholds: ["staging": 1, "prod": 2], maxBundleBytes: 1 << 20)

  static let commit = String(repeating: "ab", count: 20)

  static func facts(
    env: String = "prod", version: UInt64 = 42, expires: String = "2099-01-01T00:00:00Z"
  )
    -> PolicyFacts
  {
    PolicyFacts(
      env: env, version: version, expires: expires, commit: commit, repository: "example",
      kiln: "0.1.0")
  }

  /// A small archive shaped like a sealed bundle, for `env`.
  static func archive(env: String = "prod", extra: [TarEntry] = []) -> [UInt8] {
    let files = [
      ("ctl01", "mariadb/galera.cnf", "[mysqld]\nmax_connections = 4096\n"),
      (
        "ctl01", "rabbitmq/rabbitmq.conf",
        "cluster_formation.peer_discovery_backend = classic_config\n"
      ),
      ("ctl02", "mariadb/galera.cnf", "[mysqld]\nmax_connections = 2048\n"),
    ]
    var manifest =
      "{\"kiln\": 1, \"env\": \"\(env)\", \"source\": \"commit \(commit)\", \"files\": ["
    var entries: [TarEntry] = []
    for (index, file) in files.enumerated() {
      let bytes = Array(file.2.utf8)
      entries.append(TarEntry(path: "files/\(file.0)/\(file.1)", mode: 0o640, contents: bytes))
      manifest +=
        (index == 0 ? "" : ",") + """
          {"host": "\(file.0)", "path": "\(file.1)", "sha256": "\(Digest.sha256Hex(bytes))", \
          "size": \(bytes.count), "mode": "0640", "service": "x", "format": "ini", "secret": false}
          """
    }
    entries.append(
      TarEntry(path: "manifest.json", mode: 0o644, contents: Array((manifest + "]}\n").utf8)))
    return (try? TarWriter.archive(entries + extra, modificationTime: 1_767_225_600)) ?? []
  }

  /// A bundle signed in both forms by each of `keys` (DSSE co-signatures appended).
  static func input(
    archive: [UInt8] = archive(), facts: PolicyFacts = facts(),
    keys: [SigningKey] = [releaseA, releaseB]
  ) -> BundleInput {
    var sealed = BundleSealer.sign(
      archive: archive, facts: facts, name: "b.kiln", key: keys[0], fileCount: 3)
    var minisigns = [(name: "b.kiln.minisig", text: sealed.minisign.fileText)]
    for (index, key) in keys.dropFirst().enumerated() {
      sealed.envelope.append(signatureBy: key)
      let extra = MinisignSignature(
        blake2bDigest: BLAKE2b.hash(archive), trustedComment: facts.trustedComment, key: key)
      minisigns.append((name: "b.kiln.\(index).minisig", text: extra.fileText))
    }
    return BundleInput(
      archive: archive, archiveName: "b.kiln", envelope: Array(sealed.envelope.json.utf8),
      minisigns: minisigns)
  }

  /// A raw ustar header with any name and type, for archives the writer refuses to make.
  static func rawEntry(name: String, type: UInt8 = UInt8(ascii: "0"), contents: [UInt8] = [])
    -> [UInt8]
  {
    var block = [UInt8](repeating: 0, count: 512)
    func put(_ bytes: [UInt8], _ offset: Int) {
      block.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
    }
    put(Array(name.utf8.prefix(100)), 0)
    put(TarWriter.octal(0o644, width: 8), 100)
    put(TarWriter.octal(0, width: 8), 108)
    put(TarWriter.octal(0, width: 8), 116)
    put(TarWriter.octal(UInt64(contents.count), width: 12), 124)
    put(TarWriter.octal(0, width: 12), 136)
    block[156] = type
    put(Array("ustar\0".utf8), 257)
    put(Array("00".utf8), 263)
    put([UInt8](repeating: 32, count: 8), 148)
    let sum = block.reduce(UInt64(0)) { $0 + UInt64($1) }
    put(TarWriter.octal(sum, width: 7) + [32], 148)
    let padding = [UInt8](repeating: 0, count: TarWriter.padded(contents.count) - contents.count)
    return block + contents + padding
  }

  static let endMarker = [UInt8](repeating: 0, count: 1024)
}
