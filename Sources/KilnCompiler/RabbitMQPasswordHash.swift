import Jinja
import KilnSecrets

/// `rabbitmq_password_hash(seed)`: the `password_hash` RabbitMQ's definitions file takes with
/// `hashing_algorithm: rabbit_password_hashing_sha256` (`SecretTransform.rabbitMQPasswordHash`).
/// Given a secret placeholder it returns the placeholder with the transform recorded, which the
/// executor completes at install; the plaintext never reaches the rendered file.
enum RabbitMQPasswordHash {
  static let filter: Filter = { value, arguments, context in
    guard case .string(let password) = value else {
      throw context.error(
        "rabbitmq_password_hash expects the password as a string",
        hint: "pass the password variable, e.g. rabbitmq_password | rabbitmq_password_hash(user)")
    }
    let seed = arguments.argument(0, "seed").map { $0.pythonString() } ?? ""
    if let reference = SecretReference(parsing: password) {
      return .string(reference.appending(.rabbitMQPasswordHash(seed: seed)).description)
    }
    if password.contains("<secret ") {
      throw context.error(
        "rabbitmq_password_hash needs the whole secret, not a string that contains one",
        hint: "apply the filter to the secret variable itself")
    }
    return .string(hash(password: password, seed: seed))
  }

  static func hash(password: String, seed: String) -> String {
    SecretTransform.rabbitMQPasswordHash(password: Array(password.utf8), seed: seed)
  }
}
