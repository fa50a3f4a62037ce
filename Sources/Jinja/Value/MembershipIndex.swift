import Synchronization

/// Hash sets behind `x in list` for long lists of strings, such as `groups['compute']`.
///
/// A template that tests `inventory_hostname in groups['libvirt']` for every host of a large
/// estate would scan a list of thousands of names per host. The set of a list is built once and
/// found again by the address of the list's storage. Each entry keeps its list alive, so that
/// storage can be neither freed nor, being shared, mutated in place: a live address always
/// names the same contents.
enum MembershipIndex {
  /// Shorter lists are scanned; hashing them would cost more than it saves.
  static let minimumCount = 32
  /// Entries kept before the index starts over (each entry is one distinct long list).
  static let capacity = 256

  private struct Entry: Sendable {
    /// The indexed list; holding it keeps its storage (and so its address) alive.
    let items: [Value]
    /// The items as a set, or nil when some item is not a string.
    let strings: Set<String>?
  }

  private static let entries = Mutex<[UInt: Entry]>([:])

  /// Python `needle in items` answered from the list's set; nil when the list is too short or
  /// holds non-string items (scan it instead).
  static func contains(_ needle: Value, in items: [Value]) -> Bool? {
    guard items.count >= minimumCount else { return nil }
    let address = items.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    let known = entries.withLock { $0[address] }
    let entry = known ?? index(items, at: address)
    guard let strings = entry.strings else { return nil }
    // A list of strings holds only values equal to strings: any other needle is absent.
    guard case .string(let text) = needle else { return false }
    return strings.contains(text)
  }

  private static func index(_ items: [Value], at address: UInt) -> Entry {
    var strings = Set<String>(minimumCapacity: items.count)
    var allStrings = true
    for item in items {
      guard case .string(let text) = item else {
        allStrings = false
        break
      }
      strings.insert(text)
    }
    let entry = Entry(items: items, strings: allStrings ? strings : nil)
    entries.withLock { table in
      if table.count >= capacity { table.removeAll(keepingCapacity: true) }
      table[address] = entry
    }
    return entry
  }
}
