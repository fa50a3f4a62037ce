import KilnCompiler

/// A minisign signature file (`.minisig`) in the prehashed `ED` form: an Ed25519 signature of
/// the BLAKE2b-512 digest of the file, and a global signature over signature ‖ trusted comment.
public struct MinisignSignature: Sendable, Hashable {
  /// The signer's key number.
  public var keyNumber: [UInt8]
  /// Ed25519 signature of BLAKE2b-512(file).
  public var signature: [UInt8]
  /// The signed comment line, without its `trusted comment: ` prefix.
  public var trustedComment: String
  /// Ed25519 signature of `signature ‖ trustedComment`.
  public var globalSignature: [UInt8]

  /// Signs `digest` (BLAKE2b-512 of the file) with `key`, binding `trustedComment`.
  public init(blake2bDigest digest: [UInt8], trustedComment: String, key: SigningKey) {
    keyNumber = key.publicKey.keyNumber
    signature = key.sign(digest)
    self.trustedComment = trustedComment
    globalSignature = key.sign(signature + Array(trustedComment.utf8))
  }

  /// Parses a `.minisig` file's text; `name` is used in messages.
  public init(parsing text: String, name: String) throws(BundleRejection) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    func malformed(_ what: String) -> BundleRejection {
      BundleRejection(.malformedSignature, "\(name): \(what)")
    }
    guard lines.count >= 4, lines[0].hasPrefix("untrusted comment:") else {
      throw malformed("expected four lines starting with 'untrusted comment:'")
    }
    guard let body = Encoding.bytes(base64: lines[1].trimmingWhitespace), body.count == 74 else {
      throw malformed("the signature line is not 100 base64 characters")
    }
    guard body[0..<2].elementsEqual("ED".utf8) else {
      throw malformed("signature algorithm is not the prehashed 'ED' (sign with minisign ≥ 0.8)")
    }
    let prefix = "trusted comment: "
    guard lines[2].hasPrefix(prefix) else { throw malformed("third line is not a trusted comment") }
    guard let global = Encoding.bytes(base64: lines[3].trimmingWhitespace), global.count == 64
    else {
      throw malformed("the global signature line is not 88 base64 characters")
    }
    guard lines.dropFirst(4).allSatisfy(\.isEmpty) else {
      throw malformed("unexpected text after the global signature")
    }
    keyNumber = Array(body[2..<10])
    signature = Array(body[10..<74])
    trustedComment = String(lines[2].dropFirst(prefix.count)).trimmingWhitespace
    globalSignature = global
  }

  /// The `.minisig` file's text.
  public var fileText: String {
    let id = Digest.hex(keyNumber.reversed()).uppercased()
    return "untrusted comment: signature from kiln secret key \(id)\n"
      + Encoding.base64(Array("ED".utf8) + keyNumber + signature) + "\n"
      + "trusted comment: \(trustedComment)\n" + Encoding.base64(globalSignature) + "\n"
  }

  /// Whether both signatures verify under `key` for a file whose BLAKE2b-512 is `digest`.
  public func isValid(for digest: [UInt8], key: PublicKey) -> Bool {
    key.isValidSignature(signature, for: digest)
      && key.isValidSignature(globalSignature, for: signature + Array(trustedComment.utf8))
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line ends (minisign's `trim`).
  var trimmingWhitespace: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}
