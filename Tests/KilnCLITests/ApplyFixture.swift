import Foundation
import KilnTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The example repository sealed at three commits for `kiln apply` tests, with a quick health
/// check in place of the example's service checks:
/// * `p1.kiln` (version 1) — the example as it is;
/// * `p2.kiln` (version 2) — a new DNS domain and Fluentd flush interval (changes every host);
/// * `p3.kiln` (version 3) — p2's files, with a health check that fails in wave 2;
/// * `s1.kiln` — the staging environment, signed by the staging-only key.
/// prod needs two signers: `p*.kiln` are sealed by release-a and co-signed with `kiln sign`;
/// the example's age secrets are revealed at install with the example executor identity.
struct ApplyFixture {
  let example: ExampleFixture
  /// The directory holding bundles, keys and the trust policy.
  let work: URL
  /// `kiln render` of each prod commit: host → path → bytes.
  let rendered: [String: [String: [String: Data]]]

  /// The example's executor identity (public, example only): decrypts the bundle secrets.
  static let identity = packageRoot.appendingPathComponent(
    "Tests/Fixtures/secrets/example-executor.key"
  ).path

  static let health = """
      health:
        timeout: 10
        checks:
          - {name: installed, command: "test -L \\"$KILN_ROOT/{host}\\""}

    """

  init() throws {
    example = try ExampleFixture(label: "apply")
    work = try TemporaryDirectory.make("apply-work")
    let envPath = "environments/prod/env.yaml"
    let original = try example.read(envPath)
    let prefix = original.components(separatedBy: "  health:\n")[0]
    try example.write(envPath, prefix + Self.health)
    for name in ["release-a", "release-b", "ci"] {
      try Self.require(try example.kiln("keygen", "--out", "\(work.path)/\(name)"))
    }
    try Self.writeTrust(in: work)
    var rendered: [String: [String: [String: Data]]] = [:]
    try shell("git commit -qam 'quick health check'", in: example.root)
    rendered["p1"] = try Self.seal(example, work, "p1", version: 1)
    try example.edit(
      "environments/prod/group_vars/all.yaml", replacing: "prod.example.net",
      with: "prod2.example.net")
    try example.edit(
      "environments/prod/group_vars/compute.yaml", replacing: "30s", with: "45s")
    try shell("git commit -qam 'new domain'", in: example.root)
    rendered["p2"] = try Self.seal(example, work, "p2", version: 2)
    try example.write(
      envPath,
      try example.read(envPath) + "      - {name: wave-two-breaks, command: \"test {wave} != 2\"}\n"
    )
    try shell("git commit -qam 'a health check that fails in wave 2'", in: example.root)
    rendered["p3"] = try Self.seal(example, work, "p3", version: 3)
    try Self.require(
      try example.kiln(
        "seal", "--env", "staging", "--rev", "HEAD", "--key", "\(work.path)/ci.key", "--version",
        "9",
        "--out", "\(work.path)/s1.kiln"))
    self.rendered = rendered
  }

  /// Seals prod at HEAD as `work/NAME.kiln`, co-signs it, and returns what HEAD renders.
  private static func seal(
    _ example: ExampleFixture, _ work: URL, _ name: String, version: Int
  ) throws
    -> [String: [String: Data]]
  {
    try Self.require(
      try example.kiln(
        "seal", "--env", "prod", "--rev", "HEAD", "--key", "\(work.path)/release-a.key",
        "--version",
        String(version), "--out", "\(work.path)/\(name).kiln"))
    try Self.require(
      try example.kiln("sign", "\(work.path)/\(name).kiln", "--key", "\(work.path)/release-b.key"))
    try Self.require(
      try example.kiln(
        "render", "--env", "prod", "--rev", "HEAD", "--reveal", "--identity", identity, "--out",
        "\(work.path)/rendered-\(name)"))
    var hosts: [String: [String: Data]] = [:]
    for (path, bytes) in files(under: work.appendingPathComponent("rendered-\(name)"))
    where path != "manifest.json" {
      let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
      hosts[parts[0], default: [:]][parts[1]] = bytes
    }
    return hosts
  }

  private static func writeTrust(in work: URL) throws {
    func key(_ name: String) throws -> String {
      try String(contentsOf: work.appendingPathComponent("\(name).pub"), encoding: .utf8)
        .split(separator: "\n")[1].description
    }
    let policy = """
      keys:
        - {name: ci, public: "\(try key("ci"))", envs: [staging]}
        - {name: release-a, public: "\(try key("release-a"))", envs: [staging, prod]}
        - {name: release-b, public: "\(try key("release-b"))", envs: [prod]}
      thresholds: {staging: 1, prod: 2}

      """
    try Data(policy.utf8).write(to: work.appendingPathComponent("trust.yaml"))
  }

  static func require(
    _ result: KilnProcess.Result, sourceLocation: SourceLocation = #_sourceLocation
  )
    throws
  {
    try #require(
      result.exitCode == 0, "\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
  }

  func remove() {
    example.remove()
    try? FileManager.default.removeItem(at: work)
  }

  /// `kiln apply work/BUNDLE.kiln` into `target/state` and `target/hosts` with the copy driver.
  func apply(_ bundle: String, into target: URL, _ extra: [String] = []) throws
    -> KilnProcess.Result
  {
    try KilnProcess.run(
      applyArguments(bundle, into: target) + extra, in: example.root)
  }

  func applyArguments(_ bundle: String, into target: URL) -> [String] {
    [
      "apply", "\(work.path)/\(bundle).kiln", "--trust", "\(work.path)/trust.yaml",
      "--identity", Self.identity, "--state",
      target.appendingPathComponent("state").path, "--driver", "copy", "--root",
      target.appendingPathComponent("hosts").path,
    ]
  }

  /// Each host root under `target/hosts` (links followed): host → path → bytes.
  static func hostTrees(_ target: URL) -> [String: [String: Data]] {
    let hostsDirectory = target.appendingPathComponent("hosts")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: hostsDirectory.path)) ?? []
    var trees: [String: [String: Data]] = [:]
    for name in names where !name.hasPrefix(".") {
      trees[name] = files(
        under: hostsDirectory.appendingPathComponent(name).resolvingSymlinksInPath())
    }
    return trees
  }

  /// Each host whose root is not exactly one of `allowed` renders, by name.
  func hostsNotOn(_ allowed: [String], in target: URL) -> [String] {
    let trees = Self.hostTrees(target)
    let hosts = Set(rendered["p1", default: [:]].keys).union(trees.keys).sorted()
    return hosts.filter { host in
      !allowed.contains { (rendered[$0]?[host] ?? [:]) == (trees[host] ?? [:]) }
    }
  }

  /// The digest `target/state/current` points at.
  static func current(_ target: URL) -> String? {
    (try? FileManager.default.destinationOfSymbolicLink(
      atPath: target.appendingPathComponent("state/current").path))
      .map { URL(fileURLWithPath: $0).lastPathComponent }
  }

  /// The hex SHA-256 of `work/BUNDLE.kiln`: the release digest it gets.
  func digest(_ bundle: String) throws -> String {
    let output = try shell("sha256sum \(work.path)/\(bundle).kiln", in: example.root)
    return String(output.prefix(64))
  }

  /// Every entry under `directory`, links as their targets, for byte-identical comparisons.
  static func snapshot(_ directory: URL) -> [String: String] {
    var result: [String: String] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else {
      return [:]
    }
    for case let path as String in enumerator {
      let full = directory.appendingPathComponent(path).path
      if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
        result[path] = "-> \(target)"
      } else if let data = FileManager.default.contents(atPath: full) {
        result[path] = data.base64EncodedString()
      } else {
        result[path] = "/"
      }
    }
    return result
  }
}
