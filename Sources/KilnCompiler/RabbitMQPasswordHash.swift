import Crypto
import Foundation
import Jinja

/// `rabbitmq_password_hash(seed)`: the `password_hash` RabbitMQ's definitions file takes with
/// `hashing_algorithm: rabbit_password_hashing_sha256` — base64 of a 4-byte salt followed by
/// SHA-256(salt ‖ password). The salt is derived from the password and `seed` (the user name) so
/// the same inputs render the same bytes; the plaintext never reaches the rendered file.
enum RabbitMQPasswordHash {
  static let filter: Filter = { value, arguments, context in
    guard case .string(let password) = value else {
      throw context.error(
        "rabbitmq_password_hash expects the password as a string",
        hint: "pass the password variable, e.g. rabbitmq_password | rabbitmq_password_hash(user)")
    }
    let seed = arguments.argument(0, "seed").map { $0.pythonString() } ?? ""
    return .string(hash(password: password, seed: seed))
  }

  static func hash(password: String, seed: String) -> String {
    let salt = Array(
      SHA256.hash(data: Array("kiln-rabbitmq-salt\u{0}\(seed)\u{0}\(password)".utf8))
    )
    .prefix(4)
    let digest = SHA256.hash(data: Array(salt) + Array(password.utf8))
    return Data(Array(salt) + Array(digest)).base64EncodedString()
  }
}
