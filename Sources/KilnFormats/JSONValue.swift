/// A JSON value with object members in document order.
public indirect enum JSONValue: Sendable, Hashable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, kept as its literal text so that it is written back unchanged.
  case number(String)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object; members in document order, keys unique.
  case object([JSONMember])

  /// The member `key` of an object, compared by Unicode scalars.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key.scalarsEqual(key) }?.value
  }

  /// Structural equality as RFC 6902 `test` defines it: numbers by numeric value, objects
  /// regardless of member order, strings by code points.
  public func isEqual(to other: JSONValue) -> Bool {
    switch (self, other) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b || Double(a) == Double(b)
    case (.string(let a), .string(let b)): return a.scalarsEqual(b)
    case (.array(let a), .array(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.isEqual(to: $1) }
    case (.object(let a), .object(let b)):
      guard a.count == b.count else { return false }
      return a.allSatisfy { member in
        b.first { $0.key.scalarsEqual(member.key) }.map { $0.value.isEqual(to: member.value) }
          ?? false
      }
    default: return false
    }
  }

  /// Path/value pairs for a semantic diff: JSON Pointers to every scalar, empty array and
  /// empty object, with the scalar written as JSON.
  public func semanticEntries() -> [(path: String, value: String)] {
    var result: [(path: String, value: String)] = []
    collect(into: &result, path: "")
    return result
  }

  private func collect(into result: inout [(path: String, value: String)], path: String) {
    switch self {
    case .array(let items) where !items.isEmpty:
      for (index, item) in items.enumerated() { item.collect(into: &result, path: "\(path)/\(index)") }
    case .object(let members) where !members.isEmpty:
      for member in members {
        member.value.collect(into: &result, path: path + "/" + JSONPointer.escape(member.key))
      }
    default:
      result.append((path, JSONWriter.write(self, indent: nil)))
    }
  }
}

/// One member of a JSON object.
public struct JSONMember: Sendable, Hashable {
  /// The member's name.
  public var key: String
  /// The member's value.
  public var value: JSONValue

  /// Creates a member.
  public init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}
