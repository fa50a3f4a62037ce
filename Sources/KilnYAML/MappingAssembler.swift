import KilnDiagnostics

/// Turns a mapping's keys and values into pairs: rejects duplicate keys and applies `<<`
/// merge keys (YAML 1.1 merge: explicit keys win over merged ones, earlier merged mappings
/// win over later ones; merged keys take the place of the `<<` entry).
struct MappingAssembler {
  /// The final pairs of a mapping whose raw entries are `pairs`.
  func assemble(_ pairs: [YAMLPair]) throws(YAMLError) -> [YAMLPair] {
    var seen = KeySet()
    var hasMerge = false
    for pair in pairs {
      if Self.isMergeKey(pair.key) {
        if let first = seen.mergeKeyLocation {
          throw YAMLDiagnostics.duplicate(key: "<<", at: pair.key.location, first: first)
        }
        seen.mergeKeyLocation = pair.key.location
        hasMerge = true
        continue
      }
      if let first = seen.insert(pair.key) {
        throw YAMLDiagnostics.duplicate(
          key: Self.describe(pair.key), at: pair.key.location, first: first)
      }
    }
    guard hasMerge else { return pairs }
    var result: [YAMLPair] = []
    result.reserveCapacity(pairs.count)
    for pair in pairs {
      guard Self.isMergeKey(pair.key) else {
        result.append(pair)
        continue
      }
      for merged in try mergedPairs(pair.value, key: pair.key.location)
      where seen.insert(merged.key) == nil {
        result.append(merged)
      }
    }
    return result
  }

  /// Whether a key is the merge key: a plain, untagged `<<`.
  static func isMergeKey(_ key: YAMLNode) -> Bool {
    guard key.tag == nil, case .scalar(let scalar) = key.content else { return false }
    return scalar.style == .plain && scalar.text == "<<"
  }

  /// The pairs a merge value contributes, earlier mappings first.
  private func mergedPairs(_ value: YAMLNode, key: SourceLocation) throws(YAMLError)
    -> [YAMLPair]
  {
    switch value.content {
    case .mapping(let pairs):
      return pairs
    case .sequence(let items):
      var all: [YAMLPair] = []
      for item in items {
        guard case .mapping(let pairs) = item.content else {
          throw YAMLDiagnostics.badMerge(
            found: "a list holding \(item.kindName.withArticle)", at: key, value: item.location)
        }
        all.append(contentsOf: pairs)
      }
      return all
    case .scalar:
      throw YAMLDiagnostics.badMerge(
        found: value.kindName.withArticle, at: key, value: value.location)
    }
  }

  /// A key as shown in a message.
  static func describe(_ key: YAMLNode) -> String {
    if case .scalar(let scalar) = key.content { return scalar.text }
    return "<\(key.kindName) key>"
  }
}

/// The keys of one mapping, by value, with where each was first seen; small mappings are
/// searched linearly, large ones through a hash table.
private struct KeySet {
  /// Mappings up to this size are searched linearly (cheaper than hashing).
  private static let linearLimit = 12
  private var scalarKeys: [(value: ScalarValue, location: SourceLocation)] = []
  private var scalarIndex: [ScalarValue: SourceLocation]?
  private var complex: [(key: YAMLNode, location: SourceLocation)] = []
  /// Where the mapping's `<<` key is, once seen.
  var mergeKeyLocation: SourceLocation?

  /// Records `key`; returns the first key's location when an equal key was seen already.
  mutating func insert(_ key: YAMLNode) -> SourceLocation? {
    guard case .scalar(let scalar) = key.content else {
      if let first = complex.first(where: { $0.key.hasSameValue(as: key) }) {
        return first.location
      }
      complex.append((key, key.location))
      return nil
    }
    if scalarIndex != nil {
      if let first = scalarIndex?[scalar.value] { return first }
      scalarIndex?[scalar.value] = key.location
      return nil
    }
    if let first = scalarKeys.first(where: { $0.value == scalar.value }) { return first.location }
    scalarKeys.append((scalar.value, key.location))
    if scalarKeys.count > Self.linearLimit {
      var index: [ScalarValue: SourceLocation] = [:]
      index.reserveCapacity(scalarKeys.count * 2)
      for entry in scalarKeys where index[entry.value] == nil {
        index[entry.value] = entry.location
      }
      scalarIndex = index
      scalarKeys = []
    }
    return nil
  }
}

extension String {
  /// The word with `a` or `an` before it.
  var withArticle: String {
    guard let first = first else { return self }
    return ("aeiou".contains(first) ? "an " : "a ") + self
  }
}
