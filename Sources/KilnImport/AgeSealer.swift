import KilnSecrets

/// Encrypts imported secrets with age (binary format) to the import's recipients.
public struct AgeSealer: SecretSealing {
  /// Who can decrypt the secrets.
  public var recipients: [AgeRecipient]

  /// A sealer for `recipients` (at least one).
  public init(recipients: [AgeRecipient]) { self.recipients = recipients }

  /// A sealer for `age1…` strings; throws a usage error naming a malformed one.
  public init(parsing texts: [String]) throws(ImportError) {
    guard !texts.isEmpty else {
      throw ImportError(
        ImportDiagnostics.usage, "a passwords file needs at least one --recipient", at: nil,
        hint: "pass --recipient age1… (an age public key) to encrypt the passwords to")
    }
    var recipients: [AgeRecipient] = []
    for text in texts {
      do {
        recipients.append(try AgeRecipient(parsing: text))
      } catch {
        throw ImportError(
          ImportDiagnostics.usage, "--recipient: \(error.message)", at: nil,
          hint: "pass the public key age-keygen printed (age1…)")
      }
    }
    self.recipients = recipients
  }

  /// The age file for `plaintext`.
  public func seal(_ plaintext: [UInt8]) throws -> [UInt8] {
    try Age.encrypt(plaintext, to: recipients, armor: false)
  }
}
