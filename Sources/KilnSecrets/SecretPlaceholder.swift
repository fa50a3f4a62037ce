import Crypto

/// `<secret NAME sha256:XXXXXXXXXXXX>` placeholders that render, diff and bundles carry instead
/// of values (grammar: `SecretReference`).
///
/// The fingerprint is the first 12 hex digits of the SHA-256 of the secret's encrypted file as
/// stored in git: it needs no key, changes whenever the file changes (a new value, or the same
/// value re-encrypted by `kiln secret set` or `rekey`), and reveals nothing about the value.
public enum SecretPlaceholder {
  /// Hex digits of the fingerprint.
  public static let fingerprintLength = 12
  private static let opening = Array("<secret ".utf8)

  /// The fingerprint of an encrypted secret file: SHA-256 of its bytes, first 12 hex digits.
  public static func fingerprint(ofEncryptedFile file: [UInt8]) -> String {
    let table = Array("0123456789abcdef".utf8)
    let digest = SHA256.hash(data: file).prefix(fingerprintLength / 2)
    return String(
      decoding: digest.flatMap { [table[Int($0 >> 4)], table[Int($0 & 0x0f)]] }, as: UTF8.self)
  }

  /// Every placeholder in `content`, in order of appearance, with its byte range.
  public static func references(in content: [UInt8]) -> [(
    range: Range<Int>, reference: SecretReference
  )] {
    var found: [(Range<Int>, SecretReference)] = []
    var position = 0
    while let start = firstOpening(in: content, from: position) {
      guard let end = content[start...].firstIndex(of: UInt8(ascii: ">")) else { break }
      let text = String(decoding: content[start...end], as: UTF8.self)
      if let reference = SecretReference(parsing: text) {
        found.append((start..<(end + 1), reference))
        position = end + 1
      } else {
        position = start + 1
      }
    }
    return found
  }

  /// The secret names referenced by placeholders in `content`, sorted.
  public static func names(in content: [UInt8]) -> [String] {
    Array(Set(references(in: content).map(\.reference.name))).sorted()
  }

  /// Replaces every placeholder in `content` with the value `resolve` returns for its name
  /// (applying any derived-value transform the placeholder records, e.g. a RabbitMQ hash).
  public static func substitute(in content: [UInt8], resolve: (String) throws -> [UInt8]) throws
    -> [UInt8]
  {
    var out: [UInt8] = []
    out.reserveCapacity(content.count)
    var position = 0
    var values: [String: [UInt8]] = [:]
    for (range, reference) in references(in: content) {
      out += content[position..<range.lowerBound]
      let value: [UInt8]
      if let known = values[reference.name] {
        value = known
      } else {
        value = try resolve(reference.name)
        values[reference.name] = value
      }
      out += try reference.complete(with: value)
      position = range.upperBound
    }
    out += content[position...]
    return out
  }

  /// Completes every placeholder in `content` from encrypted secret files (name → bytes of
  /// `<name>.age`, as in git and bundles): each file must match the placeholder's fingerprint
  /// and open with one of `identities`.
  public static func reveal(
    in content: [UInt8], encryptedFiles: [String: [UInt8]], identities: [AgeIdentity]
  ) throws(SecretError) -> [UInt8] {
    var fingerprints: [String: String] = [:]
    for (_, reference) in references(in: content) {
      if let known = fingerprints[reference.name], known != reference.fingerprint {
        throw SecretError(
          secret: reference.name, "placeholders carry two different fingerprints")
      }
      fingerprints[reference.name] = reference.fingerprint
    }
    do {
      return try substitute(in: content) { name throws(SecretError) in
        guard let file = encryptedFiles[name] else {
          throw SecretError(secret: name, "its encrypted file \(name).age is missing")
        }
        guard fingerprint(ofEncryptedFile: file) == fingerprints[name] else {
          throw SecretError(
            secret: name,
            "\(name).age (sha256:\(fingerprint(ofEncryptedFile: file))) is not the file the "
              + "placeholder names (sha256:\(fingerprints[name] ?? "?"))")
        }
        do {
          return try Age.decrypt(file, identities: identities)
        } catch {
          throw SecretError(secret: name, "cannot decrypt \(name).age: \(error)")
        }
      }
    } catch let error as SecretError {
      throw error
    } catch {
      throw SecretError(secret: "?", String(describing: error))
    }
  }

  private static func firstOpening(in content: [UInt8], from position: Int) -> Int? {
    var index = position
    while index + opening.count <= content.count {
      guard let next = content[index...].firstIndex(of: opening[0]) else { return nil }
      if next + opening.count <= content.count,
        content[next..<(next + opening.count)].elementsEqual(opening)
      {
        return next
      }
      index = next + 1
    }
    return nil
  }
}
