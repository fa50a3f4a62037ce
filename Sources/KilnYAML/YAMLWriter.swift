/// Writes node trees as deterministic block-style YAML.
public enum YAMLWriter {
  /// Deterministic block-style YAML that `YAMLParser` reads back to an equal tree (modulo marks
  /// and scalar styles): 2-space indentation, strings quoted only where needed, tags kept.
  public static func write(_ node: YAMLNode) -> String {
    var emitter = BlockEmitter()
    emitter.writeRoot(node)
    return emitter.output
  }
}

/// The writer's state: the text so far.
private struct BlockEmitter {
  var output = ""
  /// Indentation strings by width, made once.
  private var pads: [String] = []

  /// `width` spaces.
  private mutating func pad(_ width: Int) -> String {
    while pads.count <= width { pads.append(String(repeating: " ", count: pads.count)) }
    return pads[width]
  }

  /// Longest key written as an implicit `key:`; libyaml rejects longer implicit keys.
  private static let longestImplicitKey = 1000

  mutating func writeRoot(_ node: YAMLNode) {
    switch node.content {
    case .mapping(let pairs) where !pairs.isEmpty:
      if let tag = node.tag { output += tag.rawValue + "\n" }
      writeMapping(pairs, indent: 0, firstOnCurrentLine: false)
    case .sequence(let items) where !items.isEmpty:
      if let tag = node.tag { output += tag.rawValue + "\n" }
      writeSequence(items, indent: 0, firstOnCurrentLine: false)
    default:
      writeAfterIndicator(node, indent: 0)
    }
  }

  /// Writes a node that follows `key:` or `-` on the current line; `indent` is the column of
  /// that key or dash. Always ends the line.
  private mutating func writeNested(_ node: YAMLNode, indent: Int, inSequence: Bool) {
    let tag = node.tag.map { " " + $0.rawValue } ?? ""
    switch node.content {
    case .mapping(let pairs) where !pairs.isEmpty:
      let sameLine = startCollection(tag: tag, inSequence: inSequence)
      writeMapping(pairs, indent: indent + 2, firstOnCurrentLine: sameLine)
    case .sequence(let items) where !items.isEmpty:
      let sameLine = startCollection(tag: tag, inSequence: inSequence)
      writeSequence(items, indent: indent + 2, firstOnCurrentLine: sameLine)
    default:
      writeAfterIndicator(node, indent: indent)
    }
  }

  /// Starts a non-empty nested collection: an untagged one inside a sequence begins on the
  /// dash's line, any other on the next line after its tag. Returns whether it stays on the
  /// current line.
  private mutating func startCollection(tag: String, inSequence: Bool) -> Bool {
    let sameLine = inSequence && tag.isEmpty
    output += sameLine ? " " : tag + "\n"
    return sameLine
  }

  /// Writes a scalar or an empty collection, with its tag, on the current line.
  private mutating func writeAfterIndicator(_ node: YAMLNode, indent: Int) {
    var parts: [String] = node.tag.map { [$0.rawValue] } ?? []
    var blockLines: [Substring] = []
    switch node.content {
    case .mapping: parts.append("{}")
    case .sequence: parts.append("[]")
    case .scalar(let scalar)
    where scalar.value == .null && (node.tag != nil || scalar.text.isEmpty):
      break
    case .scalar(let scalar):
      switch ScalarStyleChooser.spelling(of: scalar, isKey: false) {
      case .inline(let text):
        parts.append(text)
      case .literal(let header, let lines):
        parts.append(header)
        blockLines = lines
      }
    }
    let atLineStart = output.isEmpty || output.hasSuffix("\n")
    if !parts.isEmpty { output += (atLineStart ? "" : " ") + parts.joined(separator: " ") }
    output += "\n"
    let pad = pad(indent + 2)
    for line in blockLines { output += line.isEmpty ? "\n" : pad + line + "\n" }
  }

  private mutating func writeMapping(_ pairs: [YAMLPair], indent: Int, firstOnCurrentLine: Bool) {
    let pad = pad(indent)
    for (index, pair) in pairs.enumerated() {
      if index > 0 || !firstOnCurrentLine { output += pad }
      if let key = implicitKey(pair.key) {
        output += key + ":"
      } else {
        output += "?"
        writeNested(pair.key, indent: indent, inSequence: true)
        output += pad + ":"
      }
      writeNested(pair.value, indent: indent, inSequence: false)
    }
  }

  private mutating func writeSequence(_ items: [YAMLNode], indent: Int, firstOnCurrentLine: Bool) {
    let pad = pad(indent)
    for (index, item) in items.enumerated() {
      if index > 0 || !firstOnCurrentLine { output += pad }
      output += "-"
      writeNested(item, indent: indent, inSequence: true)
    }
  }

  /// The key as written before `:`, or nil when it needs the explicit `? ` form.
  private func implicitKey(_ key: YAMLNode) -> String? {
    guard case .scalar(let scalar) = key.content,
      case .inline(let text) = ScalarStyleChooser.spelling(of: scalar, isKey: true),
      text.utf8.count <= Self.longestImplicitKey
    else { return nil }
    if let tag = key.tag {
      return scalar.value == .null ? nil : tag.rawValue + " " + text
    }
    return text
  }
}
