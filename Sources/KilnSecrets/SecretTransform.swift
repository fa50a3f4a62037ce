import Crypto
import Foundation

/// A derived-value transform a placeholder records (`| rabbitmq_password_hash guest`), applied
/// to the plaintext at install so that templates can use secrets inside expressions.
public struct SecretTransform: Sendable, Hashable {
  /// The transform's name (the template filter that produced it).
  public var name: String
  /// Its arguments, as strings.
  public var arguments: [String]

  /// Transforms the executor knows how to apply.
  public static let known = ["rabbitmq_password_hash"]

  /// A transform `name` with `arguments`.
  public init(name: String, arguments: [String]) {
    self.name = name
    self.arguments = arguments
  }

  /// `rabbitmq_password_hash(seed)`: RabbitMQ's `rabbit_password_hashing_sha256` hash with a
  /// salt derived from the password and `seed`.
  public static func rabbitMQPasswordHash(seed: String) -> SecretTransform {
    SecretTransform(name: "rabbitmq_password_hash", arguments: [seed])
  }

  /// The transform as placeholder text: the name, then percent-encoded arguments.
  var encoded: String {
    ([name] + arguments.map(Self.percentEncode)).joined(separator: " ")
  }

  init?(parsing text: some StringProtocol) {
    let words = text.split(separator: " ", omittingEmptySubsequences: false)
    guard let first = words.first, !first.isEmpty,
      first.utf8.allSatisfy({ SecretReference.isAlphanumeric($0) || $0 == 0x5f })
    else { return nil }
    var arguments: [String] = []
    for word in words.dropFirst() {
      guard let decoded = Self.percentDecode(word) else { return nil }
      arguments.append(decoded)
    }
    self.init(name: String(first), arguments: arguments)
  }

  /// Applies the transform to `value` (the plaintext of `secret`).
  func apply(to value: [UInt8], secret: String) throws(SecretError) -> [UInt8] {
    switch (name, arguments.count) {
    case ("rabbitmq_password_hash", 1):
      return Array(Self.rabbitMQPasswordHash(password: value, seed: arguments[0]).utf8)
    default:
      throw SecretError(
        secret: secret,
        "the placeholder asks for the transform '\(name)' with \(arguments.count) argument(s), "
          + "which this Kiln does not know (known: \(Self.known.joined(separator: ", ")))")
    }
  }

  /// The `password_hash` RabbitMQ's definitions file takes with `rabbit_password_hashing_sha256`:
  /// base64 of a 4-byte salt followed by SHA-256(salt ‖ password). The salt is derived from the
  /// password and `seed` (the user name), so the same inputs give the same bytes.
  public static func rabbitMQPasswordHash(password: [UInt8], seed: String) -> String {
    let material = Array("kiln-rabbitmq-salt\u{0}\(seed)\u{0}".utf8) + password
    let salt = Array(SHA256.hash(data: material).prefix(4))
    let digest = SHA256.hash(data: salt + password)
    return Data(salt + Array(digest)).base64EncodedString()
  }

  private static func isUnreserved(_ byte: UInt8) -> Bool {
    SecretReference.isAlphanumeric(byte) || byte == 0x2d || byte == 0x2e || byte == 0x5f
      || byte == 0x7e
  }

  static func percentEncode(_ text: String) -> String {
    guard !text.isEmpty else { return "%" }  // a lone "%" spells the empty argument
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    for byte in text.utf8 {
      if isUnreserved(byte) {
        out.append(byte)
      } else {
        out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]]
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func percentDecode(_ text: some StringProtocol) -> String? {
    if text == "%" { return "" }
    var out: [UInt8] = []
    var bytes = Array(text.utf8)[...]
    guard !bytes.isEmpty else { return nil }
    while let byte = bytes.popFirst() {
      if byte == UInt8(ascii: "%") {
        guard bytes.count >= 2,
          let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16)
        else { return nil }
        out.append(value)
        bytes = bytes.dropFirst(2)
      } else {
        guard isUnreserved(byte) else { return nil }
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
