import Foundation

/// Which variable files mention `hostvars`, remembered by content identity (git blob id), so
/// that computing render keys reads only the files not seen before instead of every
/// group_vars/host_vars file of the estate.
///
/// A blob's answer never changes (the id names the bytes), so the memo can be kept across
/// runs in the cache directory (`hostvars-v1`, one `<id> <0|1>` line per blob) and shared by
/// the two sides of a review. Safe to use from many tasks at once.
public final class HostvarsMentions: @unchecked Sendable {
  /// Where the memo is kept between runs; nil keeps it in memory only.
  public let file: String?
  private let lock = NSLock()
  private var known: [String: Bool] = [:]
  private var added = 0

  /// A memo read from `file` (a missing or unreadable file is an empty memo), or kept in
  /// memory only when `file` is nil.
  public init(file: String?) {
    self.file = file
    guard let file, let data = FileManager.default.contents(atPath: file) else { return }
    // `<id> <0|1>\n` lines; anything else is skipped.
    let bytes = [UInt8](data)
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      if end - start >= 3, bytes[end - 2] == UInt8(ascii: " ") {
        let flag = bytes[end - 1]
        if flag == UInt8(ascii: "0") || flag == UInt8(ascii: "1") {
          known[String(decoding: bytes[start..<end - 2], as: UTF8.self)] =
            flag == UInt8(ascii: "1")
        }
      }
      start = end + 1
    }
  }

  /// Whether the blob `id` mentions `hostvars`; `read` gives its bytes the first time an id
  /// is asked for (nil counts as empty).
  public func mentionsHostvars<Failure: Error>(
    id: String, read: () throws(Failure) -> [UInt8]?
  ) throws(Failure) -> Bool {
    if let answer = lock.withLock({ known[id] }) { return answer }
    let answer = Self.contains(try read() ?? [], Array("hostvars".utf8))
    lock.withLock {
      if known.updateValue(answer, forKey: id) == nil { added += 1 }
    }
    return answer
  }

  /// Writes the memo back when it learned something; a memo that cannot be written only
  /// costs time on the next run. Lines are sorted, so the file is deterministic.
  public func save() {
    guard let file else { return }
    let lines: [String]? = lock.withLock {
      guard added > 0 else { return nil }
      added = 0
      return known.map { "\($0.key) \($0.value ? 1 : 0)\n" }.sorted()
    }
    guard let lines else { return }
    let folder = (file as NSString).deletingLastPathComponent
    let temporary = "\(file).\(ProcessInfo.processInfo.processIdentifier).tmp"
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true)
      try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: temporary))
      _ = rename(temporary, file)
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
    }
  }

  /// Whether `needle` occurs in `bytes`.
  static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, bytes.count >= needle.count else { return false }
    var index = 0
    let last = bytes.count - needle.count
    while index <= last {
      if bytes[index] == first && bytes[index..<index + needle.count].elementsEqual(needle) {
        return true
      }
      index += 1
    }
    return false
  }
}
