/// A port of libyaml's emitter (what PyYAML's `CSafeDumper` uses) for one implicit document:
/// the same indentation, simple-key, line-folding (width 80) and scalar-style rules.
struct YAMLEmitter {
  private var output = ""
  private let bestIndent: Int
  private let bestWidth = 80
  private var indent = -1
  private var indents: [Int] = []
  private var flowLevel = 0
  private var column = 0
  private var whitespace = true
  private var indention = true
  private var mappingContext = false
  private var simpleKeyContext = false

  /// Emits `node` as a whole document (`yaml.dump` output without `---`).
  static func emit(_ node: YAMLNode, indent: Int) -> String {
    var emitter = YAMLEmitter(bestIndent: (2...9).contains(indent) ? indent : 2)
    emitter.emitNode(node, mapping: false, simpleKey: false)
    emitter.writeIndent()
    return emitter.output
  }

  private init(bestIndent: Int) { self.bestIndent = bestIndent }

  private mutating func increaseIndent(flow: Bool, indentless: Bool) {
    indents.append(indent)
    if indent < 0 {
      indent = flow ? bestIndent : 0
    } else if !indentless {
      indent += bestIndent
    }
  }

  private mutating func popIndent() { indent = indents.popLast() ?? -1 }

  private mutating func emitNode(_ node: YAMLNode, mapping: Bool, simpleKey: Bool) {
    mappingContext = mapping
    simpleKeyContext = simpleKey
    switch node {
    case .scalar(let text, let plainImplicit):
      emitScalar(text, plainImplicit: plainImplicit)
    case .sequence(let items, let flow):
      if flowLevel > 0 || flow || items.isEmpty {
        emitFlowSequence(items)
      } else {
        emitBlockSequence(items)
      }
    case .mapping(let pairs, let flow):
      if flowLevel > 0 || flow || pairs.isEmpty {
        emitFlowMapping(pairs)
      } else {
        emitBlockMapping(pairs)
      }
    }
  }

  private mutating func emitFlowSequence(_ items: [YAMLNode]) {
    writeIndicator("[", needWhitespace: true, isWhitespace: true, isIndention: false)
    increaseIndent(flow: true, indentless: false)
    flowLevel += 1
    for (offset, item) in items.enumerated() {
      if offset > 0 {
        writeIndicator(",", needWhitespace: false, isWhitespace: false, isIndention: false)
      }
      if column > bestWidth { writeIndent() }
      emitNode(item, mapping: false, simpleKey: false)
    }
    flowLevel -= 1
    popIndent()
    writeIndicator("]", needWhitespace: false, isWhitespace: false, isIndention: false)
  }

  private mutating func emitFlowMapping(_ pairs: [(YAMLNode, YAMLNode)]) {
    writeIndicator("{", needWhitespace: true, isWhitespace: true, isIndention: false)
    increaseIndent(flow: true, indentless: false)
    flowLevel += 1
    for (offset, pair) in pairs.enumerated() {
      if offset > 0 {
        writeIndicator(",", needWhitespace: false, isWhitespace: false, isIndention: false)
      }
      if column > bestWidth { writeIndent() }
      if isSimpleKey(pair.0) {
        emitNode(pair.0, mapping: true, simpleKey: true)
        writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
      } else {
        writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: false)
        emitNode(pair.0, mapping: true, simpleKey: false)
        if column > bestWidth { writeIndent() }
        writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: false)
      }
      emitNode(pair.1, mapping: true, simpleKey: false)
    }
    flowLevel -= 1
    popIndent()
    writeIndicator("}", needWhitespace: false, isWhitespace: false, isIndention: false)
  }

  private mutating func emitBlockSequence(_ items: [YAMLNode]) {
    increaseIndent(flow: false, indentless: mappingContext && !indention)
    for item in items {
      writeIndent()
      writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
      emitNode(item, mapping: false, simpleKey: false)
    }
    popIndent()
  }

  private mutating func emitBlockMapping(_ pairs: [(YAMLNode, YAMLNode)]) {
    increaseIndent(flow: false, indentless: false)
    for pair in pairs {
      writeIndent()
      if isSimpleKey(pair.0) {
        emitNode(pair.0, mapping: true, simpleKey: true)
        writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
      } else {
        writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
        emitNode(pair.0, mapping: true, simpleKey: false)
        writeIndent()
        writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
      }
      emitNode(pair.1, mapping: true, simpleKey: false)
    }
    popIndent()
  }

  private func isSimpleKey(_ node: YAMLNode) -> Bool {
    switch node {
    case .scalar(let text, _):
      let analysis = ScalarAnalysis(text)
      return !analysis.multiline && text.utf8.count <= 128
    case .sequence(let items, _): return items.isEmpty
    case .mapping(let pairs, _): return pairs.isEmpty
    }
  }

  private mutating func emitScalar(_ text: String, plainImplicit: Bool) {
    let analysis = ScalarAnalysis(text)
    var style = ScalarStyle.plain
    if simpleKeyContext, analysis.multiline { style = .doubleQuoted }
    if style == .plain {
      if (flowLevel > 0 && !analysis.flowPlainAllowed)
        || (flowLevel == 0 && !analysis.blockPlainAllowed)
      {
        style = .singleQuoted
      }
      if text.isEmpty, flowLevel > 0 || simpleKeyContext { style = .singleQuoted }
      if !plainImplicit { style = .singleQuoted }
    }
    if style == .singleQuoted, !analysis.singleQuotedAllowed { style = .doubleQuoted }
    increaseIndent(flow: true, indentless: false)
    switch style {
    case .plain: writePlain(text, allowBreaks: !simpleKeyContext)
    case .singleQuoted: writeSingleQuoted(text, allowBreaks: !simpleKeyContext)
    case .doubleQuoted: writeDoubleQuoted(text, allowBreaks: !simpleKeyContext)
    }
    popIndent()
  }

  private enum ScalarStyle { case plain, singleQuoted, doubleQuoted }

  // MARK: Writers

  private mutating func put(_ text: String) {
    output += text
    column += text.unicodeScalars.count
  }

  private mutating func putBreak() {
    output += "\n"
    column = 0
  }

  /// Writes a line break character (`\n` as a newline, others as themselves).
  private mutating func writeBreak(_ scalar: Unicode.Scalar) {
    if scalar == "\n" {
      putBreak()
    } else {
      output.unicodeScalars.append(scalar)
      column = 0
    }
  }

  mutating func writeIndent() {
    let target = max(indent, 0)
    if !indention || column > target || (column == target && !whitespace) { putBreak() }
    if column < target { put(String(repeating: " ", count: target - column)) }
    whitespace = true
    indention = true
  }

  private mutating func writeIndicator(
    _ indicator: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool
  ) {
    if needWhitespace, !whitespace { put(" ") }
    put(indicator)
    whitespace = isWhitespace
    indention = indention && isIndention
  }

  private mutating func writePlain(_ text: String, allowBreaks: Bool) {
    if !whitespace, !text.isEmpty || flowLevel > 0 { put(" ") }
    writeFolding(Array(text.unicodeScalars), allowBreaks: allowBreaks, singleQuoted: false)
    whitespace = false
    indention = false
  }

  private mutating func writeSingleQuoted(_ text: String, allowBreaks: Bool) {
    writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
    let breaks = writeFolding(
      Array(text.unicodeScalars), allowBreaks: allowBreaks, singleQuoted: true)
    if breaks { writeIndent() }
    writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
  }

  /// The text of a plain or single-quoted scalar, as libyaml writes both: a lone space past
  /// the best width becomes a line break (never at either end of a quoted scalar), line breaks
  /// are doubled, and a quote inside single quotes is doubled. Returns whether it ended in
  /// line breaks.
  @discardableResult
  private mutating func writeFolding(
    _ scalars: [Unicode.Scalar], allowBreaks: Bool, singleQuoted: Bool
  ) -> Bool {
    var spaces = false
    var breaks = false
    for (index, scalar) in scalars.enumerated() {
      if scalar == " " {
        let nextIsSpace = index + 1 < scalars.count && scalars[index + 1] == " "
        let atEnd = index == 0 || index == scalars.count - 1
        if allowBreaks, !spaces, column > bestWidth, !(singleQuoted && atEnd), !nextIsSpace {
          writeIndent()
        } else {
          put(" ")
        }
        spaces = true
      } else if ScalarAnalysis.isBreak(scalar) {
        if !breaks, scalar == "\n" { putBreak() }
        writeBreak(scalar)
        indention = true
        breaks = true
      } else {
        if breaks { writeIndent() }
        if singleQuoted, scalar == "'" { put("'") }
        put(String(scalar))
        indention = false
        spaces = false
        breaks = false
      }
    }
    return breaks
  }

  private mutating func writeDoubleQuoted(_ text: String, allowBreaks: Bool) {
    writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
    let scalars = Array(text.unicodeScalars)
    var spaces = false
    for (index, scalar) in scalars.enumerated() {
      if !ScalarAnalysis.isPrintable(scalar) || scalar == "\u{FEFF}"
        || ScalarAnalysis.isBreak(scalar)
        || scalar == "\"" || scalar == "\\"
      {
        put("\\" + YAMLEmitter.escape(scalar))
        spaces = false
      } else if scalar == " " {
        if allowBreaks, !spaces, column > bestWidth, index != 0, index != scalars.count - 1 {
          writeIndent()
          if index + 1 < scalars.count, scalars[index + 1] == " " { put("\\") }
        } else {
          put(" ")
        }
        spaces = true
      } else {
        put(String(scalar))
        spaces = false
      }
    }
    writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
  }

  private static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x00: return "0"
    case 0x07: return "a"
    case 0x08: return "b"
    case 0x09: return "t"
    case 0x0A: return "n"
    case 0x0B: return "v"
    case 0x0C: return "f"
    case 0x0D: return "r"
    case 0x1B: return "e"
    case 0x22: return "\""
    case 0x5C: return "\\"
    case 0x85: return "N"
    case 0xA0: return "_"
    case 0x2028: return "L"
    case 0x2029: return "P"
    default:
      let (prefix, width) =
        scalar.value <= 0xFF ? ("x", 2) : (scalar.value <= 0xFFFF ? ("u", 4) : ("U", 8))
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return prefix + String(repeating: "0", count: width - hex.count) + hex
    }
  }
}
