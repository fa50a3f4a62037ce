/// Why a bundle was refused: each reason has its own message, and `kiln` exits 3 for all.
public struct BundleRejection: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kinds of rejection design §6 lists.
  public enum Reason: String, Sendable, Hashable, CaseIterable {
    case oversize
    case malformedSignature
    case missingSignature
    case wrongPayloadType
    case badSignature
    case digestMismatch
    case unknownKey
    case factsDisagree
    case keyNotAllowedForEnvironment
    case wrongEnvironment
    case thresholdNotMet
    case expired
    case rollback
    case malformedArchive
    case unsafePath
    case duplicatePath
    case link
    case device
    case manifestMismatch
    case rerenderMismatch
  }

  /// The kind of rejection.
  public var reason: Reason
  /// What was wrong, naming the file, key or entry.
  public var message: String
  /// What to do about it.
  public var hint: String?

  /// Creates a rejection.
  public init(_ reason: Reason, _ message: String, hint: String? = nil) {
    self.reason = reason
    self.message = message
    self.hint = hint
  }

  /// `bundle rejected (reason): message` and the hint on its own line.
  public var description: String {
    var text = "bundle rejected (\(reason.rawValue)): \(message)"
    if let hint { text += "\n  hint: \(hint)" }
    return text
  }
}
