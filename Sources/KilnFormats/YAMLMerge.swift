import KilnDiagnostics
import KilnYAML

/// kolla-ansible's `merge_yaml`: mappings merged deeply, everything else replaced (lists too,
/// unless `extendLists`), the result written with keys sorted as PyYAML's `yaml.dump` does.
public enum YAMLMerge {
  /// Merges `sources` in order into one document; an empty source counts as `{}`.
  public static func merge(_ sources: [YAMLNode], extendLists: Bool = false)
    throws(DiagnosticsError) -> YAMLNode
  {
    var result: YAMLNode?
    for source in sources {
      let update = source.isNull ? emptyMapping(at: source.location) : source
      guard case .mapping = update.content else {
        throw conflict(
          "expected a mapping at the top of the document, found a \(update.kindName)",
          at: update.location, hint: "a merged YAML fragment must be a mapping of keys to values")
      }
      result = try mergeNode(result ?? emptyMapping(at: update.location), update, extendLists)
    }
    return result ?? emptyMapping(at: .file(""))
  }

  /// Parses, merges and writes; `sortKeys` (kolla's behaviour) sorts every mapping's keys.
  public static func merge(
    _ sources: [(file: String, bytes: [UInt8])], extendLists: Bool = false, sortKeys: Bool = true
  ) throws(DiagnosticsError) -> [UInt8] {
    var nodes: [YAMLNode] = []
    for source in sources {
      do {
        nodes.append(try YAMLParser.parse(bytes: source.bytes, file: source.file).root)
      } catch {
        throw DiagnosticsError(error.diagnostic)
      }
    }
    let merged = try merge(nodes, extendLists: extendLists)
    return Array(YAMLWriter.write(sortKeys ? sorted(merged) : merged).utf8)
  }

  /// `Utils.update_nested_conf`: `update`'s keys merged into `base`.
  static func mergeNode(_ base: YAMLNode, _ update: YAMLNode, _ extendLists: Bool)
    throws(DiagnosticsError) -> YAMLNode
  {
    guard case .mapping(let updatePairs) = update.content, !updatePairs.isEmpty else {
      return base
    }
    guard case .mapping(var pairs) = base.content else {
      throw conflict(
        "cannot merge a mapping into a \(base.kindName)", at: update.location,
        hint: "make both values mappings, or replace the key in a separate fragment")
    }
    for pair in updatePairs {
      let existing = pairs.firstIndex { $0.key.hasSameValue(as: pair.key) }
      if case .mapping = pair.value.content {
        let old = existing.map { pairs[$0].value } ?? emptyMapping(at: pair.value.location)
        let merged = try mergeNode(old, pair.value, extendLists)
        store(YAMLPair(key: pair.key, value: merged), at: existing, in: &pairs)
      } else if let existing, extendLists, case .sequence(let items) = pairs[existing].value.content {
        guard case .sequence(let more) = pair.value.content else {
          throw conflict(
            "expected a list to extend the list of this key, found a \(pair.value.kindName)",
            at: pair.value.location, hint: "write the value as a list, or turn extend_lists off")
        }
        var extended = pairs[existing].value
        extended.content = .sequence(items + more)
        pairs[existing].value = extended
      } else {
        store(pair, at: existing, in: &pairs)
      }
    }
    var merged = base
    merged.content = .mapping(pairs)
    return merged
  }

  private static func store(_ pair: YAMLPair, at index: Int?, in pairs: inout [YAMLPair]) {
    if let index { pairs[index].value = pair.value } else { pairs.append(pair) }
  }

  /// Every mapping's pairs sorted by key text (by Unicode scalars), recursively.
  static func sorted(_ node: YAMLNode) -> YAMLNode {
    var copy = node
    switch node.content {
    case .mapping(let pairs):
      let ordered = pairs.map { YAMLPair(key: $0.key, value: sorted($0.value)) }.sorted { a, b in
        let left = a.key.scalar?.text ?? ""
        let right = b.key.scalar?.text ?? ""
        return left.unicodeScalars.lexicographicallyPrecedes(right.unicodeScalars)
      }
      copy.content = .mapping(ordered)
    case .sequence(let items): copy.content = .sequence(items.map(sorted))
    case .scalar: break
    }
    return copy
  }

  static func emptyMapping(at location: SourceLocation) -> YAMLNode {
    YAMLNode(.mapping([]), location: location)
  }

  static func conflict(_ message: String, at location: SourceLocation, hint: String)
    -> DiagnosticsError
  {
    FormatDiagnostics.error(FormatDiagnostics.yamlMergeConflict, message, at: location, hint: hint)
  }
}
