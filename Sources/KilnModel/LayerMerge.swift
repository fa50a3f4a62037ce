import KilnDiagnostics
import KilnYAML

/// Merges layers into values per design §2: deep map merge, type change replaces, list tags.
enum LayerMerge {
  /// Applies a layer (a mapping node) on top of `map`, key by key.
  static func apply(_ layer: VariableLayer, to map: inout LayeredMap) {
    guard case .mapping(let pairs) = layer.node.content else { return }
    for pair in pairs {
      guard let key = pair.key.scalarText else { continue }
      map[key] = merged(map[key], with: pair.value, layer: layer.description)
    }
  }

  /// `node` written in `layer` on top of `existing` (nil when the key is new).
  static func merged(_ existing: LayeredValue?, with node: YAMLNode, layer: String)
    -> LayeredValue
  {
    let prior = existing?.history ?? []
    func result(_ content: LayeredValue.Content, _ operation: MergeOperation) -> LayeredValue {
      LayeredValue(
        content: content,
        history: prior + [Contribution(layer: layer, operation: operation, node: node)])
    }
    switch node.tag {
    case .unset?:
      return result(.unset, .unset)
    case .secret?:
      return result(.secret(node.scalarText ?? ""), .secret)
    case .replace?:
      return result(fresh(node, layer: layer), .replace)
    case .append?:
      return result(.list(existingItems(existing) + items(of: node, layer: layer)), .append)
    case .prepend?:
      return result(.list(items(of: node, layer: layer) + existingItems(existing)), .prepend)
    case .remove?:
      return result(removing(node, from: existing), .remove)
    case nil:
      if case .mapping(let pairs) = node.content, let existing,
        case .map(var map) = existing.content
      {
        for pair in pairs {
          guard let key = pair.key.scalarText else { continue }
          map[key] = merged(map[key], with: pair.value, layer: layer)
        }
        return result(.map(map), .merge)
      }
      return result(fresh(node, layer: layer), .set)
    }
  }

  /// The content of `node` as a new value, ignoring what lies below.
  static func fresh(_ node: YAMLNode, layer: String) -> LayeredValue.Content {
    switch node.content {
    case .scalar(let scalar): return .scalar(scalar.value)
    case .sequence(let items):
      return .list(items.map { merged(nil, with: $0, layer: layer) })
    case .mapping(let pairs):
      var map = LayeredMap()
      for pair in pairs {
        guard let key = pair.key.scalarText else { continue }
        map[key] = merged(map[key], with: pair.value, layer: layer)
      }
      return .map(map)
    }
  }

  private static func existingItems(_ existing: LayeredValue?) -> [LayeredValue] {
    if case .list(let items)? = existing?.content { return items }
    return []
  }

  private static func items(of node: YAMLNode, layer: String) -> [LayeredValue] {
    let nodes: [YAMLNode]
    switch node.content {
    case .sequence(let items): nodes = items
    case .scalar(let scalar) where scalar.value == .null: nodes = []
    default: nodes = [node]
    }
    return nodes.map { item in
      LayeredValue(
        content: item.tag == .secret ? .secret(item.scalarText ?? "") : fresh(item, layer: layer),
        history: [Contribution(layer: layer, operation: .set, node: item)])
    }
  }

  private static func removing(_ node: YAMLNode, from existing: LayeredValue?)
    -> LayeredValue.Content
  {
    let targets: [YAMLNode]
    if case .sequence(let items) = node.content { targets = items } else { targets = [node] }
    switch existing?.content {
    case .list(let items)?:
      return .list(items.filter { item in !targets.contains { matches(item, $0) } })
    case .map(var map)?:
      for target in targets { if let key = target.scalarText { map[key] = nil } }
      return .map(map)
    case let other?:
      return other
    case nil:
      return .list([])
    }
  }

  /// Whether a layered value holds the same data as a node (for `!remove`).
  static func matches(_ value: LayeredValue, _ node: YAMLNode) -> Bool {
    switch (value.content, node.content) {
    case (.scalar(let a), .scalar(let b)): return node.tag != .secret && a == b.value
    case (.secret(let a), .scalar(let b)): return node.tag == .secret && a == b.text
    case (.list(let a), .sequence(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { matches($0, $1) }
    case (.map(let a), .mapping(let b)):
      let entries = a.definedEntries
      return entries.count == b.count
        && b.allSatisfy { pair in
          pair.key.scalarText.flatMap { a[$0] }.map { matches($0, pair.value) } ?? false
        }
    default: return false
    }
  }
}

extension YAMLNode {
  /// The text of a scalar node, nil for collections.
  var scalarText: String? {
    if case .scalar(let scalar) = content { return scalar.text }
    return nil
  }
}
