import KilnYAML

/// Path/value pairs of parsed files in the notation reviewers read: `[section] key` for INI,
/// `$.a.b[2]` for JSON and YAML, `<match **> <store> @type` for fluentd.
enum DiffPaths {
  /// One leaf of a parsed file.
  typealias Entry = (path: String, value: String)

  /// INI entries by section and key; a multi-valued key is one entry whose value lists every
  /// occurrence in order; sections and keys may be reordered without a change.
  static func ini(_ document: IniDocument) -> [Entry] {
    var order: [String] = []
    var values: [String: [String]] = [:]
    for section in document.sections {
      let prefix = section.name.map { "[\($0)] " } ?? ""
      if section.entries.isEmpty, let name = section.name, values["[\(name)]"] == nil {
        order.append("[\(name)]")
        values["[\(name)]"] = []
      }
      for entry in section.entries {
        let path = prefix + entry.key
        if values[path] == nil { order.append(path) }
        values[path, default: []] += entry.values.map { $0.joined(separator: "\n") }
      }
    }
    return order.map { path in
      let list = values[path] ?? []
      return (
        path, list.count == 1 ? list[0] : "[" + list.map(quoted).joined(separator: ", ") + "]"
      )
    }
  }

  /// JSON leaves by `$`-path; with `keyedBy`, arrays of objects that all carry a distinct
  /// string under one of those keys are addressed by it (`$.logical_disks[volume_name=root]`).
  static func json(_ value: JSONValue, keyedBy keys: [String] = []) -> [Entry] {
    var result: [Entry] = []
    collect(value, path: "$", keys: keys, into: &result)
    return result
  }

  private static func collect(
    _ value: JSONValue, path: String, keys: [String], into result: inout [Entry]
  ) {
    switch value {
    case .object(let members) where !members.isEmpty:
      for field in members {
        collect(field.value, path: path + member(field.key), keys: keys, into: &result)
      }
    case .array(let items) where !items.isEmpty:
      let labels = identityLabels(items, keys: keys)
      for (index, item) in items.enumerated() {
        collect(item, path: path + (labels?[index] ?? "[\(index)]"), keys: keys, into: &result)
      }
    default:
      result.append((path, JSONWriter.write(value, indent: nil)))
    }
  }

  /// `[name=x]` labels when every item is an object with a distinct string under a key.
  private static func identityLabels(_ items: [JSONValue], keys: [String]) -> [String]? {
    for key in keys {
      let names = items.compactMap { item -> String? in
        if case .string(let name)? = item[key] { return name }
        return nil
      }
      if names.count == items.count, Set(names).count == names.count {
        return names.map { "[\(key)=\($0)]" }
      }
    }
    return nil
  }

  /// YAML leaves by `$`-path.
  static func yaml(_ node: YAMLNode) -> [Entry] {
    var result: [Entry] = []
    collect(node, path: "$", into: &result)
    return result
  }

  private static func collect(_ node: YAMLNode, path: String, into result: inout [Entry]) {
    switch node.content {
    case .mapping(let pairs) where !pairs.isEmpty:
      for pair in pairs {
        let key = pair.key.scalar?.text ?? YAMLWriter.write(pair.key)
        collect(pair.value, path: path + member(key), into: &result)
      }
    case .sequence(let items) where !items.isEmpty:
      for (index, item) in items.enumerated() {
        collect(item, path: "\(path)[\(index)]", into: &result)
      }
    case .scalar(let scalar): result.append((path, scalar.text))
    default:
      var text = YAMLWriter.write(node)
      if text.hasSuffix("\n") { text.removeLast() }
      result.append((path, text))
    }
  }

  /// fluentd parameters by directive: `<match kolla.**> <store> @type`; a directive repeated
  /// with the same argument gets `#2`, `#3`, …
  static func fluentd(_ config: FluentdConfig) -> [Entry] {
    var result: [Entry] = []
    collect(config.root, path: "", into: &result)
    return result
  }

  private static func collect(_ element: FluentdElement, path: String, into result: inout [Entry]) {
    var seen: [String: Int] = [:]
    for item in element.items {
      switch item {
      case .parameter(let key, let value): result.append((path + key, value))
      case .element(let child):
        let label = "<" + child.name + (child.argument.isEmpty ? "" : " " + child.argument) + ">"
        let count = seen[label, default: 0] + 1
        seen[label] = count
        let directive = label + (count > 1 ? "#\(count)" : "")
        if child.items.isEmpty { result.append((path + directive, "")) }
        collect(child, path: path + directive + " ", into: &result)
      }
    }
  }

  /// `.key` for identifier-like keys, else `["key"]`.
  static func member(_ key: String) -> String {
    let plain =
      !key.isEmpty
      && key.unicodeScalars.allSatisfy { scalar in
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
          || scalar == "-" || scalar == "@"
      }
    return plain ? "." + key : "[" + JSONWriter.quoted(key) + "]"
  }

  private static func quoted(_ text: String) -> String { JSONWriter.quoted(text) }
}
