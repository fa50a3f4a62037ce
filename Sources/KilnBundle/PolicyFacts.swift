import Foundation

/// What every signature of a bundle binds besides the archive digest: environment, version,
/// expiry, source commit, repository and Kiln version (design §6).
public struct PolicyFacts: Sendable, Hashable, Codable {
  /// The environment the bundle is for.
  public var env: String
  /// Monotonic version (anti-rollback).
  public var version: UInt64
  /// Expiry, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
  public var expires: String
  /// Full id of the source commit.
  public var commit: String
  /// The repository's identity.
  public var repository: String
  /// The Kiln version that sealed the bundle.
  public var kiln: String

  /// Creates the facts.
  public init(
    env: String, version: UInt64, expires: String, commit: String, repository: String,
    kiln: String
  ) {
    self.env = env
    self.version = version
    self.expires = expires
    self.commit = commit
    self.repository = repository
    self.kiln = kiln
  }

  /// The expiry as a date, or nil when the text is not `YYYY-MM-DDTHH:MM:SSZ`.
  public var expiryDate: Date? { Self.parseTimestamp(expires) }

  /// minisign's trusted comment: `kiln env=… version=… expires=… commit=… repository=… kiln=…`,
  /// values percent-encoded where they hold spaces, `=` or `%`.
  public var trustedComment: String {
    "kiln " + fields.map { "\($0.0)=\(Self.escape($0.1))" }.joined(separator: " ")
  }

  private var fields: [(String, String)] {
    [
      ("env", env), ("version", String(version)), ("expires", expires), ("commit", commit),
      ("repository", repository), ("kiln", kiln),
    ]
  }

  /// Reads a trusted comment written by `trustedComment` (or typed to match it).
  public init?(trustedComment: String) {
    let words = trustedComment.split(separator: " ", omittingEmptySubsequences: true)
    guard words.first == "kiln" else { return nil }
    var values: [String: String] = [:]
    for word in words.dropFirst() {
      guard let equals = word.firstIndex(of: "="),
        let value = String(word[word.index(after: equals)...]).removingPercentEncoding,
        values.updateValue(value, forKey: String(word[..<equals])) == nil
      else { return nil }
    }
    guard values.count == 6, let env = values["env"], let text = values["version"],
      let version = UInt64(text), let expires = values["expires"], let commit = values["commit"],
      let repository = values["repository"], let kiln = values["kiln"]
    else { return nil }
    self.init(
      env: env, version: version, expires: expires, commit: commit, repository: repository,
      kiln: kiln)
  }

  private static func escape(_ value: String) -> String {
    var allowed = CharacterSet.urlQueryAllowed
    allowed.remove(charactersIn: "=%& ")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
  }

  /// `date` as `YYYY-MM-DDTHH:MM:SSZ`.
  public static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  /// Parses `YYYY-MM-DDTHH:MM:SSZ`.
  public static func parseTimestamp(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}
