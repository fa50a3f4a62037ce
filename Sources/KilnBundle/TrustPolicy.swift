import KilnDiagnostics
import KilnYAML

/// The trust policy (`--trust FILE`): trusted keys with the environments each may sign for,
/// the number of distinct signers each environment needs, and the largest bundle accepted.
public struct TrustPolicy: Sendable {
  /// One trusted signer.
  public struct Key: Sendable, Hashable {
    /// The signer's name, used in messages.
    public var name: String
    /// The public key.
    public var publicKey: PublicKey
    /// Environments this key may sign for.
    public var environments: [String]

    /// Creates a trusted key.
    public init(name: String, publicKey: PublicKey, environments: [String]) {
      self.name = name
      self.publicKey = publicKey
      self.environments = environments
    }
  }

  /// The trusted keys, in file order.
  public var keys: [Key]
  /// Environment → distinct signatures required.
  public var thresholds: [String: Int]
  /// The largest archive accepted, in bytes.
  public var maxBundleBytes: Int

  /// The default size limit: 1 GiB.
  public static let defaultMaxBundleBytes = 1 << 30

  /// Creates a policy.
  public init(keys: [Key], thresholds: [String: Int], maxBundleBytes: Int = defaultMaxBundleBytes) {
    self.keys = keys
    self.thresholds = thresholds
    self.maxBundleBytes = maxBundleBytes
  }

  /// Diagnostic for an unreadable trust policy.
  public static let invalidPolicy: DiagnosticID = "KLN601"

  /// Parses a trust policy file's bytes; `file` names it in diagnostics.
  public init(yaml bytes: [UInt8], file: String) throws(DiagnosticsError) {
    let root: YAMLNode
    do {
      root = try YAMLParser.parse(bytes: bytes, file: file).root
    } catch {
      throw DiagnosticsError(error.diagnostic)
    }
    guard let pairs = root.mappingPairs else { throw Self.problem(root, "a mapping") }
    for pair in pairs
    where !["keys", "thresholds", "max_bundle_bytes"].contains(pair.key.string ?? "") {
      throw Self.problem(pair.key, "one of keys, thresholds, max_bundle_bytes")
    }
    guard let keyNodes = root["keys"], let items = keyNodes.sequenceItems, !items.isEmpty else {
      throw Self.problem(root["keys"] ?? root, "'keys:' with a list of trusted keys")
    }
    var keys: [Key] = []
    for item in items { keys.append(try Self.key(item)) }
    guard let thresholdNode = root["thresholds"], let thresholdPairs = thresholdNode.mappingPairs
    else { throw Self.problem(root["thresholds"] ?? root, "'thresholds:' mapping env → count") }
    var thresholds: [String: Int] = [:]
    for pair in thresholdPairs {
      guard let env = pair.key.string, let count = pair.value.int, count >= 1 else {
        throw Self.problem(pair.value, "a positive number of signatures")
      }
      thresholds[env] = count
    }
    var limit = Self.defaultMaxBundleBytes
    if let node = root["max_bundle_bytes"] {
      guard let value = node.int, value > 0 else {
        throw Self.problem(node, "a positive byte count")
      }
      limit = value
    }
    self.init(keys: keys, thresholds: thresholds, maxBundleBytes: limit)
  }

  private static func key(_ node: YAMLNode) throws(DiagnosticsError) -> Key {
    guard let name = node["name"]?.string, !name.isEmpty else {
      throw problem(node["name"] ?? node, "'name:' naming the signer")
    }
    guard let publicNode = node["public"], let text = publicNode.string else {
      throw problem(node, "'public:' with a minisign public key (RW…)")
    }
    let publicKey: PublicKey
    do {
      publicKey = try PublicKey(minisign: text)
    } catch {
      throw problem(publicNode, "a minisign public key (\(error.message))")
    }
    guard let envItems = node["envs"]?.sequenceItems, !envItems.isEmpty else {
      throw problem(node["envs"] ?? node, "'envs:' listing the environments this key signs for")
    }
    var environments: [String] = []
    for item in envItems {
      guard let env = item.string else { throw problem(item, "an environment name") }
      environments.append(env)
    }
    return Key(name: name, publicKey: publicKey, environments: environments)
  }

  private static func problem(_ node: YAMLNode, _ expected: String) -> DiagnosticsError {
    DiagnosticsError(
      Diagnostic(
        id: invalidPolicy, severity: .error,
        message: "trust policy: expected \(expected), found \(node.kindName)",
        location: node.location,
        hint: "see the README's trust policy example (keys, thresholds, max_bundle_bytes)"))
  }
}
