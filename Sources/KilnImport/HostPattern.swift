/// Ansible's host patterns in inventories: an optional `:port` (`parse_address`) and ranges
/// expanded as `expand_hostname_range` does (`ctl[01:03]`, `node-[a:c]`, `n[0:10:5]`, several
/// ranges in one name; a zero-padded start fixes the width and needs an end of equal width).
public enum HostPattern {
  /// Why a pattern cannot be expanded, in Ansible's words.
  public struct Failure: Error, Sendable, Equatable {
    /// What is wrong.
    public var message: String
  }

  /// The most hosts one pattern may stand for.
  public static let limit = 100_000

  /// The hosts `pattern` stands for and the port it names, as Ansible's file inventories read it.
  public static func expand(_ pattern: String) throws(Failure) -> (hosts: [String], port: Int?) {
    var (name, port) = splitPort(pattern)
    if port != nil && !isValidAddress(name) { (name, port) = (pattern, nil) }
    if pattern.trimmingWhitespace().hasSuffix(":") && port == nil {
      throw Failure(
        message: "Invalid host pattern '\(pattern)' supplied, ending in ':' is not allowed, "
          + "this character is reserved to provide a port.")
    }
    var hosts: [String] = []
    if name.contains("[") { try expandRanges(name, into: &hosts) } else { hosts = [name] }
    if hosts.contains(where: { $0.trimmingWhitespace() == "---" }) {
      throw Failure(
        message: "Invalid host pattern '\(pattern)' supplied, '---' is normally a sign this is "
          + "a YAML file.")
    }
    return (hosts, port)
  }

  /// `[host]:port` or `host:port` where the host part holds no bare `:` (IPv6 needs brackets).
  private static func splitPort(_ text: String) -> (String, Int?) {
    var address = text
    var port: Int?
    if address.hasPrefix("["), let close = address.lastIndex(of: "]"),
      address[address.index(after: close)...].hasPrefix(":"),
      let number = digits(address[address.index(close, offsetBy: 2)...]),
      close > address.index(after: address.startIndex)
    {
      port = number
      address = String(address[address.index(after: address.startIndex)..<close])
    }
    if let colon = address.lastIndex(of: ":"),
      let number = digits(address[address.index(after: colon)...]),
      hasNoBareColon(address[..<colon])
    {
      port = number
      address = String(address[..<colon])
    }
    return (address, port)
  }

  private static func digits(_ text: Substring) -> Int? {
    guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(text)
  }

  /// Whether every `:` and `[` sits inside a complete `[…]`.
  private static func hasNoBareColon(_ text: Substring) -> Bool {
    var inBrackets = false
    for character in text {
      switch character {
      case "[" where !inBrackets: inBrackets = true
      case "]" where inBrackets: inBrackets = false
      case ":", "[", "]": if !inBrackets { return false }
      default: continue
      }
    }
    return !inBrackets
  }

  /// A host name of labels (letters, digits, `_`, `-`, ranges; not ending in `-`/`_`), an IPv4
  /// address or an IPv6 address: what `parse_address` accepts.
  private static func isValidAddress(_ text: String) -> Bool {
    if text.contains(":") && text.allSatisfy({ $0.isHexDigit || ":.[]".contains($0) }) {
      return true
    }
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    return labels.allSatisfy { label in
      guard let first = label.first, let last = label.last,
        first.isLetter || first.isNumber || first == "_" || first == "[",
        last != "-" && last != "_"
      else { return false }
      return label.allSatisfy { $0.isLetter || $0.isNumber || "_-[]:".contains($0) }
    }
  }

  private static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

  /// Where `text` first occurs in `string.ascii_letters` (Python's `str.index`).
  private static func offset(of text: String) -> Int? {
    let needle = Array(text)
    guard !needle.isEmpty, needle.count <= letters.count else { return nil }
    return (0...(letters.count - needle.count)).first {
      Array(letters[$0..<($0 + needle.count)]) == needle
    }
  }

  /// `expand_hostname_range`: the first `[…]` is expanded, then each result again.
  private static func expandRanges(_ line: String, into hosts: inout [String]) throws(Failure) {
    var marked = line
    if let open = marked.firstIndex(of: "[") { marked.replaceSubrange(open...open, with: "|") }
    if let close = marked.firstIndex(of: "]") { marked.replaceSubrange(close...close, with: "|") }
    let parts = marked.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3 else {
      throw Failure(message: "host pattern '\(line)' has unbalanced or extra '|', '[' or ']'")
    }
    let (head, range, tail) = (parts[0], parts[1], parts[2])
    for middle in try rangeValues(range) {
      let name = head + middle + tail
      if name.contains("[") { try expandRanges(name, into: &hosts) } else { hosts.append(name) }
      if hosts.count > limit {
        throw Failure(message: "host pattern '\(line)' stands for more than \(limit) hosts")
      }
    }
  }

  private static func rangeValues(_ range: String) throws(Failure) -> [String] {
    let bounds = range.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard bounds.count == 2 || bounds.count == 3 else {
      throw Failure(message: "host range must be begin:end or begin:end:step")
    }
    let begin = bounds[0].isEmpty ? "0" : bounds[0]
    let end = bounds[1]
    guard !end.isEmpty else { throw Failure(message: "host range must specify end value") }
    guard let step = bounds.count == 3 ? Int(bounds[2]) : 1, step > 0 else {
      throw Failure(message: "host range step must be a positive integer, got '\(bounds[2])'")
    }
    let width = begin.hasPrefix("0") && begin.count > 1 ? begin.count : 0
    if width > 0 && end.count != width {
      throw Failure(message: "host range must specify equal-length begin and end formats")
    }
    if let low = offset(of: begin), let high = offset(of: end) {
      guard low <= high else { throw Failure(message: "host range must have begin <= end") }
      return stride(from: low, through: high, by: step).map { String(letters[$0]) }
    }
    guard let low = Int(begin), let high = Int(end) else {
      throw Failure(message: "host range [\(range)] is neither numeric nor alphabetic")
    }
    guard high - low <= limit else {
      throw Failure(message: "host range [\(range)] stands for more than \(limit) hosts")
    }
    guard low <= high else { return [] }
    return stride(from: low, through: high, by: step).map { number in
      let text = String(number)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing whitespace (Python's `str.strip()`).
  func trimmingWhitespace() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
