/// Why an age operation failed; the message names what was wrong and never carries key or
/// plaintext bytes.
public struct AgeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The family of a failure, for callers that react differently to each.
  public enum Kind: Sendable, Equatable {
    /// An identity or recipient string is not a valid age key.
    case malformedKey
    /// The ASCII armor around a file is malformed.
    case armor
    /// The header cannot be parsed or a stanza is malformed.
    case header
    /// No identity (or passphrase) given can unwrap the file key.
    case noMatch
    /// The header MAC does not verify: the header was changed.
    case headerMAC
    /// The payload is truncated, tampered with or followed by trailing data.
    case payload
    /// The caller asked for something age cannot do (no recipients, empty passphrase…).
    case invalidRequest
  }

  /// The family of the failure.
  public var kind: Kind
  /// What went wrong, for people.
  public var message: String

  /// A failure of `kind` described by `message`.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
