import ArgumentParser
import Foundation
import KilnExecutor

/// `kiln apply --identity FILE`: the resolver that reveals secret files at install.
enum ApplySecrets {
  /// The resolver for the identity at `identityPath`, or nil when none was given.
  static func resolver(identityPath: String?) throws -> (any SecretResolver)? {
    guard let identityPath else { return nil }
    guard let data = FileManager.default.contents(atPath: identityPath) else {
      throw ValidationError("--identity \(identityPath): cannot read the file")
    }
    return try AgeSecretResolver(
      identityFile: String(decoding: data, as: UTF8.self), path: identityPath)
  }
}
