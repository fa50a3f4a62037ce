/// RFC 6901 JSON Pointers: `/a/b~1c` with `~0` for `~` and `~1` for `/`.
public enum JSONPointer {
  /// The reference tokens of `pointer`, or `nil` when it is not a valid pointer.
  public static func tokens(_ pointer: String) -> [String]? {
    if pointer.isEmpty { return [] }
    guard pointer.hasPrefix("/") else { return nil }
    var tokens: [String] = []
    for raw in pointer.unicodeScalars.dropFirst().split(
      separator: "/", omittingEmptySubsequences: false)
    {
      var token = String.UnicodeScalarView()
      var iterator = raw.makeIterator()
      while let c = iterator.next() {
        guard c == "~" else {
          token.append(c)
          continue
        }
        switch iterator.next() {
        case "0": token.append("~")
        case "1": token.append("/")
        default: return nil
        }
      }
      tokens.append(String(token))
    }
    return tokens
  }

  /// One token escaped for use in a pointer.
  public static func escape(_ token: String) -> String {
    var result = String.UnicodeScalarView()
    for c in token.unicodeScalars {
      switch c {
      case "~": result.append(contentsOf: "~0".unicodeScalars)
      case "/": result.append(contentsOf: "~1".unicodeScalars)
      default: result.append(c)
      }
    }
    return String(result)
  }

  /// The pointer made of `tokens`.
  public static func pointer(_ tokens: [String]) -> String {
    tokens.map { "/" + escape($0) }.joined()
  }

  /// The array index a token names (`0`, `17`; no leading zeros), or `nil`.
  static func arrayIndex(_ token: String) -> Int? {
    guard !token.isEmpty, token.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
      token == "0" || !token.hasPrefix("0")
    else { return nil }
    return Int(token)
  }

  /// The value at `tokens` inside `root`, or `nil` when the path does not exist.
  static func resolve(_ tokens: [String], in root: JSONValue) -> JSONValue? {
    var current = root
    for token in tokens {
      switch current {
      case .object:
        guard let next = current[token] else { return nil }
        current = next
      case .array(let items):
        guard let index = arrayIndex(token), index < items.count else { return nil }
        current = items[index]
      default: return nil
      }
    }
    return current
  }
}
