import Foundation

/// Encoding and hashing filters: b64encode/b64decode, hash, md5, sha1, checksum, to_uuid,
/// e/escape, urlencode, quote.
enum EncodingFilters {
  /// The filters of this family by name.
  static let all: [String: Filter] = [
    "b64encode": b64encode, "b64decode": b64decode, "hash": hash, "md5": md5, "sha1": sha1,
    "checksum": sha1, "to_uuid": toUUID, "e": escape, "escape": escape, "urlencode": urlencode,
    "quote": quote,
  ]

  /// `b64encode(encoding='utf-8', urlsafe=False)`.
  static func b64encode(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["encoding", "urlsafe"], "b64encode", context)
    var text = Data(try Builtins.text(value, context).utf8).base64EncodedString()
    if arguments.flag(1, "urlsafe", default: false) {
      text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }
    return .string(text)
  }

  /// `b64decode(encoding='utf-8', urlsafe=False)`: the decoded bytes as UTF-8 text.
  static func b64decode(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["encoding", "urlsafe"], "b64decode", context)
    var text = try Builtins.text(value, context)
    if arguments.flag(1, "urlsafe", default: false) {
      text = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    }
    text = String(text.filter { !$0.isWhitespace })
    guard let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8)
    else {
      throw context.error("b64decode: invalid base64 or non-UTF-8 data", kind: .filter)
    }
    return .string(decoded)
  }

  /// `hash(hashtype='sha1')`: hex digest of the UTF-8 text.
  static func hash(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
    try arguments.check(["hashtype"], "hash", context)
    let name = try arguments.string(0, "hashtype", default: "sha1", context)
    guard let digest = Digest.algorithms[name.lowercased()] else {
      throw context.error(
        "unsupported hash type \(name)",
        hint: "use one of \(Digest.algorithms.keys.sorted().joined(separator: ", "))",
        kind: .filter)
    }
    return .string(Digest.hex(digest(Array(try Builtins.text(value, context).utf8))))
  }

  /// `md5`: hex MD5 digest.
  static func md5(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
    try arguments.check([], "md5", context)
    return .string(Digest.hex(Digest.md5(Array(try Builtins.text(value, context).utf8))))
  }

  /// `sha1`/`checksum`: hex SHA-1 digest.
  static func sha1(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
    try arguments.check([], "sha1", context)
    return .string(Digest.hex(Digest.sha1(Array(try Builtins.text(value, context).utf8))))
  }

  /// `to_uuid(namespace=Ansible's)`: a name-based (version 5) UUID.
  static func toUUID(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["namespace"], "to_uuid", context)
    let namespaceText = try arguments.string(
      0, "namespace", default: "361E6D51-FAEC-444A-9079-341386DA8E2E", context)
    guard let namespace = UUID(uuidString: namespaceText) else {
      throw context.error("Invalid value '\(namespaceText)' for 'namespace'", kind: .filter)
    }
    let namespaceBytes = withUnsafeBytes(of: namespace.uuid) { Array($0) }
    var bytes = Array(
      Digest.sha1(namespaceBytes + Array(try Builtins.text(value, context).utf8)).prefix(16))
    bytes[6] = (bytes[6] & 0x0f) | 0x50
    bytes[8] = (bytes[8] & 0x3f) | 0x80
    let hex = Digest.hex(bytes)
    let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
      String(hex.dropFirst(range.lowerBound).prefix(range.count))
    }
    return .string(groups.joined(separator: "-"))
  }

  /// `e`/`escape`: HTML-escapes `& < > " '` as markupsafe does.
  static func escape(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "escape", context)
    var output = ""
    for character in try Builtins.text(value, context) {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&#34;"
      case "'": output += "&#39;"
      default: output.append(character)
      }
    }
    return .string(output)
  }

  /// `urlencode`: a string quoted keeping `/`; a dict or pairs as a `k=v&…` query string.
  static func urlencode(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "urlencode", context)
    let pairs: [(Value, Value)]
    switch value {
    case .string: return .string(percentEncode(try Builtins.text(value, context), forQuery: false))
    case .map(let map): pairs = map.map { ($0.key, $0.value) }
    case .list(let items):
      pairs = try items.map { item in
        guard case .list(let pair) = item, pair.count == 2 else {
          throw context.error("urlencode expects a string, a dict or pairs", kind: .filter)
        }
        return (pair[0], pair[1])
      }
    default: return .string(percentEncode(try Builtins.text(value, context), forQuery: false))
    }
    let parts = try pairs.map { key, item in
      percentEncode(try Builtins.text(key, context), forQuery: true) + "="
        + percentEncode(try Builtins.text(item, context), forQuery: true)
    }
    return .string(parts.joined(separator: "&"))
  }

  /// Python's `quote_from_bytes` (safe: letters, digits, `_.-~`, plus `/` outside queries).
  static func percentEncode(_ text: String, forQuery: Bool) -> String {
    var output = ""
    for byte in text.utf8 {
      let scalar = Unicode.Scalar(byte)
      let isSafe =
        (byte < 0x80 && (Character(scalar).isLetter || Character(scalar).isNumber))
        || "_.-~".unicodeScalars.contains(scalar) || (!forQuery && byte == UInt8(ascii: "/"))
      if isSafe {
        output.unicodeScalars.append(scalar)
      } else if forQuery, byte == 0x20 {
        output += "+"
      } else {
        output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return output
  }

  /// `quote`: `shlex.quote` (None quotes as the empty string).
  static func quote(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "quote", context)
    let text = value.isNone ? "" : try Builtins.text(value, context)
    if text.isEmpty { return .string("''") }
    let safe = text.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII
        && (Character(scalar).isLetter || Character(scalar).isNumber
          || "_@%+=:,./-".unicodeScalars.contains(scalar))
    }
    if safe { return .string(text) }
    return .string("'" + text.replacingOccurrences(of: "'", with: "'\"'\"'") + "'")
  }
}

extension String {
  /// The string left-padded with zeros to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
