import KilnDiagnostics

/// A fluentd configuration: top-level `<source>`/`<match>`/`<filter>`/`<label>`/`<system>`
/// directives with nested sections (`<buffer>`, `<parse>`, `<format>`, `<store>`, …),
/// `key value` parameters and `@include` lines.
public struct FluentdConfig: Sendable, Hashable {
  /// The top-level element: parameters (including `@include`) and directives, in file order.
  public var root: FluentdElement

  /// Creates a configuration.
  public init(root: FluentdElement) {
    self.root = root
  }

  /// Path/value pairs for a semantic diff: `match[**]#1.store#0.buffer#0.path` style paths
  /// (element name, argument in brackets, index among siblings of that name).
  public func semanticEntries() -> [(path: String, value: String)] {
    var result: [(path: String, value: String)] = []
    root.collect(path: "", into: &result)
    return result
  }

  /// The text: 2-space indentation per nesting level.
  public func write() -> String {
    var output = ""
    root.write(indent: -1, into: &output)
    return output
  }
}

/// One directive or section with its parameters and children.
public struct FluentdElement: Sendable, Hashable {
  /// The element name (`source`, `buffer`, …); empty for the file's top level.
  public var name: String
  /// The argument after the name (`<match kolla.**>` has `kolla.**`), possibly empty.
  public var argument: String
  /// The contents in file order.
  public var items: [FluentdItem]
  /// Where the element opens.
  public var location: SourceLocation?

  /// Creates an element.
  public init(name: String, argument: String = "", items: [FluentdItem] = [], location: SourceLocation? = nil) {
    self.name = name
    self.argument = argument
    self.items = items
    self.location = location
  }

  /// The value of parameter `key`, if set directly on this element.
  public func parameter(_ key: String) -> String? {
    for case .parameter(let name, let value) in items where name == key { return value }
    return nil
  }

  /// The child elements named `name`.
  public func children(named name: String) -> [FluentdElement] {
    items.compactMap { if case .element(let child) = $0, child.name == name { child } else { nil } }
  }

  func collect(path: String, into result: inout [(path: String, value: String)]) {
    var counts: [String: Int] = [:]
    for item in items {
      switch item {
      case .parameter(let key, let value): result.append((path + key, value))
      case .element(let child):
        let index = counts[child.name, default: 0]
        counts[child.name] = index + 1
        let argument = child.argument.isEmpty ? "" : "[\(child.argument)]"
        child.collect(path: "\(path)\(child.name)\(argument)#\(index).", into: &result)
      }
    }
  }

  func write(indent: Int, into output: inout String) {
    let pad = String(repeating: "  ", count: max(indent, 0))
    if indent >= 0 {
      output += pad + "<" + name + (argument.isEmpty ? "" : " " + argument) + ">\n"
    }
    let inner = String(repeating: "  ", count: indent + 1)
    for item in items {
      switch item {
      case .parameter(let key, let value):
        output += inner + key + (value.isEmpty ? "" : " " + value) + "\n"
      case .element(let child): child.write(indent: indent + 1, into: &output)
      }
    }
    if indent >= 0 { output += pad + "</" + name + ">\n" }
  }
}

/// One line of an element's contents.
public enum FluentdItem: Sendable, Hashable {
  /// `key value` (also `@type x`, `@include path`).
  case parameter(key: String, value: String)
  /// A nested section.
  case element(FluentdElement)
}
