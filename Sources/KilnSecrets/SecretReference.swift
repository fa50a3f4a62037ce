import Crypto

/// One `<secret NAME sha256:FINGERPRINT[ | TRANSFORM ARG…]…>` placeholder: which secret, the
/// fingerprint of its encrypted file, and the transforms to apply to the value at install.
///
/// Grammar (ABNF):
///
///     placeholder = "<secret " name " sha256:" fingerprint *(" | " transform) ">"
///     name        = 1*(ALPHA / DIGIT / "_" / "-" / ".")
///     fingerprint = 12(DIGIT / %x61-66)          ; first 12 hex digits of SHA-256(file)
///     transform   = tname *(" " argument)
///     tname       = 1*(ALPHA / DIGIT / "_")
///     argument    = 1*(unreserved / pct-encoded)  ; RFC 3986 percent-encoding
public struct SecretReference: Sendable, Hashable, CustomStringConvertible {
  /// The secret's name (`environments/<env>/secrets/<name>.age`).
  public var name: String
  /// The first 12 hex digits of the SHA-256 of the secret's encrypted file.
  public var fingerprint: String
  /// Transforms applied to the value, in order, when the placeholder is completed.
  public var transforms: [SecretTransform]

  /// A reference to `name` whose encrypted file has `fingerprint`.
  public init(name: String, fingerprint: String, transforms: [SecretTransform] = []) {
    self.name = name
    self.fingerprint = fingerprint
    self.transforms = transforms
  }

  /// The placeholder text.
  public var description: String {
    "<secret \(name) sha256:\(fingerprint)"
      + transforms.map { " | " + $0.encoded }.joined() + ">"
  }

  /// This reference with `transform` appended.
  public func appending(_ transform: SecretTransform) -> SecretReference {
    SecretReference(name: name, fingerprint: fingerprint, transforms: transforms + [transform])
  }

  /// The value the placeholder stands for, given the secret's plaintext.
  public func complete(with value: [UInt8]) throws(SecretError) -> [UInt8] {
    var result = value
    for transform in transforms { result = try transform.apply(to: result, secret: name) }
    return result
  }

  /// Whether `text` is a valid secret name.
  public static func isValidName(_ text: some StringProtocol) -> Bool {
    !text.isEmpty
      && text.utf8.allSatisfy { isAlphanumeric($0) || $0 == 0x5f || $0 == 0x2d || $0 == 0x2e }
  }

  static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte)
  }

  /// The reference spelled by exactly `text` (one whole placeholder), or nil.
  public init?(parsing text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard bytes.first == UInt8(ascii: "<"), bytes.last == UInt8(ascii: ">") else { return nil }
    let inner = String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
    let segments = inner.split(separator: " | ", omittingEmptySubsequences: false)
    let head = segments[0].split(separator: " ", omittingEmptySubsequences: false)
    guard head.count == 3, head[0] == "secret", Self.isValidName(head[1]),
      head[2].hasPrefix("sha256:")
    else { return nil }
    let fingerprint = head[2].dropFirst("sha256:".count)
    guard fingerprint.utf8.count == SecretPlaceholder.fingerprintLength,
      fingerprint.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    else { return nil }
    var transforms: [SecretTransform] = []
    for segment in segments.dropFirst() {
      guard let transform = SecretTransform(parsing: segment) else { return nil }
      transforms.append(transform)
    }
    self.init(name: String(head[1]), fingerprint: String(fingerprint), transforms: transforms)
  }
}

/// Why a placeholder cannot be completed; names the secret, never its value.
public struct SecretError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The secret concerned.
  public var secret: String
  /// What went wrong.
  public var message: String

  /// A failure about `secret`.
  public init(secret: String, _ message: String) {
    self.secret = secret
    self.message = message
  }

  /// `secret NAME: message`.
  public var description: String { "secret '\(secret)': \(message)" }
}
