import Foundation

/// An in-toto Statement v1 whose one subject is the bundle archive and whose predicate is the
/// bundle's policy facts.
public struct InTotoStatement: Sendable, Hashable, Codable {
  /// The statement type URI.
  public static let type = "https://in-toto.io/Statement/v1"
  /// The predicate type URI of a Kiln bundle.
  public static let bundlePredicateType = "https://kiln.dev/bundle/v1"

  /// One artifact and its digests.
  public struct Subject: Sendable, Hashable, Codable {
    /// The artifact's file name.
    public var name: String
    /// Algorithm → lower-case hex digest.
    public var digest: [String: String]
  }

  /// `https://in-toto.io/Statement/v1`.
  public var _type: String
  /// The artifacts the statement is about.
  public var subject: [Subject]
  /// The predicate's type URI.
  public var predicateType: String
  /// The policy facts.
  public var predicate: PolicyFacts

  /// A statement about the archive named `name` with SHA-256 `sha256`.
  public init(archiveName name: String, sha256: String, facts: PolicyFacts) {
    _type = Self.type
    subject = [Subject(name: name, digest: ["sha256": sha256])]
    predicateType = Self.bundlePredicateType
    predicate = facts
  }

  /// The statement's JSON bytes, keys sorted.
  public var json: [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? Array(encoder.encode(self))) ?? []
  }
}
