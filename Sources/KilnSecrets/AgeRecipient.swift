import Crypto

/// An age X25519 recipient (`age1…`): the public half that files are encrypted to.
public struct AgeRecipient: Sendable, Hashable, CustomStringConvertible {
  /// The 32-byte Curve25519 public key.
  public let publicKey: [UInt8]

  /// Reads a Bech32 `age1…` recipient string.
  public init(parsing text: String) throws(AgeError) {
    let trimmed = text.trimmingWhitespace()
    guard let (hrp, data) = Bech32.decode(trimmed), hrp == "age", data.count == 32 else {
      throw AgeError(
        .malformedKey,
        "'\(trimmed.prefix(80))' is not an age recipient (expected age1… as printed by "
          + "age-keygen or `kiln secret` commands)")
    }
    publicKey = data
  }

  init(publicKey: [UInt8]) { self.publicKey = publicKey }

  /// The Bech32 form, `age1…`.
  public var encoded: String { Bech32.encode(hrp: "age", data: publicKey) }

  /// The Bech32 form.
  public var description: String { encoded }
}

/// An age X25519 identity (`AGE-SECRET-KEY-1…`): the private key that opens files encrypted to
/// its recipient. Its description never shows the key.
public struct AgeIdentity: Sendable, CustomStringConvertible {
  private let secretKey: [UInt8]

  /// The recipient that files for this identity are encrypted to.
  public let recipient: AgeRecipient

  /// Reads one Bech32 `AGE-SECRET-KEY-1…` string.
  public init(parsing text: String) throws(AgeError) {
    let trimmed = text.trimmingWhitespace()
    guard let (hrp, data) = Bech32.decode(trimmed), hrp == "AGE-SECRET-KEY-", data.count == 32,
      let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: data)
    else {
      throw AgeError(
        .malformedKey,
        "not an age identity (expected one AGE-SECRET-KEY-1… line as written by age-keygen)")
    }
    secretKey = data
    recipient = AgeRecipient(publicKey: Array(key.publicKey.rawRepresentation))
  }

  private init(key: Curve25519.KeyAgreement.PrivateKey) {
    secretKey = Array(key.rawRepresentation)
    recipient = AgeRecipient(publicKey: Array(key.publicKey.rawRepresentation))
  }

  /// A new random identity.
  public static func generate() -> AgeIdentity {
    AgeIdentity(key: Curve25519.KeyAgreement.PrivateKey())
  }

  /// Every identity in an identity file as age-keygen writes it: `#` comment lines, blank
  /// lines and one `AGE-SECRET-KEY-1…` per line.
  public static func parseFile(_ text: String) throws(AgeError) -> [AgeIdentity] {
    var identities: [AgeIdentity] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      let content = String(line).trimmingWhitespace()
      if content.isEmpty || content.hasPrefix("#") { continue }
      do {
        identities.append(try AgeIdentity(parsing: content))
      } catch {
        throw AgeError(.malformedKey, "line \(index + 1) of the identity file: \(error.message)")
      }
    }
    guard !identities.isEmpty else {
      throw AgeError(.malformedKey, "the identity file holds no AGE-SECRET-KEY-1… line")
    }
    return identities
  }

  /// The Bech32 form, `AGE-SECRET-KEY-1…` (secret: never print it).
  public var encoded: String { Bech32.encode(hrp: "AGE-SECRET-KEY-", data: secretKey) }

  /// An identity file in age-keygen's layout: a public-key comment, then the key.
  public var fileContents: String {
    "# public key: \(recipient.encoded)\n\(encoded)\n"
  }

  /// Names the recipient only, so that logging an identity never leaks it.
  public var description: String { "age identity for \(recipient.encoded)" }

  /// X25519 of the secret key with `share`, or nil for a low-order share (all-zero result).
  func sharedSecret(with share: [UInt8]) -> [UInt8]? {
    guard let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: secretKey),
      let peer = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: share),
      let secret = try? key.sharedSecretFromKeyAgreement(with: peer)
    else { return nil }
    let bytes = secret.withUnsafeBytes { Array($0) }
    return bytes.allSatisfy { $0 == 0 } ? nil : bytes
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs, carriage returns and newlines.
  func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
