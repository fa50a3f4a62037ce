/// Expands Ansible host ranges: `web[01:03]` → web01, web02, web03; `db-[a:c]`; `n[0:10:5]`.
enum HostRange {
  /// A malformed range, with what is wrong.
  struct Failure: Error {
    var message: String
  }

  /// The most hosts one pattern may stand for.
  static let limit = 100_000

  /// The host names `pattern` stands for (the pattern itself when it holds no range).
  static func expand(_ pattern: String) throws(Failure) -> [String] {
    guard let open = pattern.firstIndex(of: "["),
      let close = pattern[open...].firstIndex(of: "]"),
      pattern[open..<close].contains(":")
    else { return [pattern] }
    let head = String(pattern[..<open])
    let tail = String(pattern[pattern.index(after: close)...])
    let parts = pattern[pattern.index(after: open)..<close].split(
      separator: ":", omittingEmptySubsequences: false
    ).map(String.init)
    guard parts.count == 2 || parts.count == 3, !parts[1].isEmpty else {
      throw Failure(message: "a host range needs [start:end] or [start:end:step]")
    }
    let step = parts.count == 3 ? Int(parts[2]) : 1
    guard let step, step > 0 else {
      throw Failure(message: "the step of a host range must be a positive integer")
    }
    let middles = try values(from: parts[0], to: parts[1], step: step)
    var result: [String] = []
    for middle in middles {
      result += try expand(head + middle + tail)
      if result.count > limit {
        throw Failure(message: "the pattern stands for more than \(limit) hosts")
      }
    }
    return result
  }

  private static func values(from start: String, to end: String, step: Int) throws(Failure)
    -> [String]
  {
    if let first = Int(start.isEmpty ? "0" : start), let last = Int(end) {
      guard first <= last else {
        throw Failure(message: "host range start \(start) is after its end \(end)")
      }
      guard last - first <= limit else {
        throw Failure(message: "host range \(start):\(end) stands for more than \(limit) hosts")
      }
      let width = start.hasPrefix("0") ? start.count : 0
      return stride(from: first, through: last, by: step).map { number in
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
      }
    }
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    guard start.count == 1, end.count == 1, let first = letters.firstIndex(of: Character(start)),
      let last = letters.firstIndex(of: Character(end))
    else {
      throw Failure(
        message: "host range [\(start):\(end)] must be numbers or single lowercase letters")
    }
    guard first <= last else {
      throw Failure(message: "host range start \(start) is after its end \(end)")
    }
    return stride(from: first, through: last, by: step).map { String(letters[$0]) }
  }
}
