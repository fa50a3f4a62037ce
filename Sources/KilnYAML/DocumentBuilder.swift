import KilnDiagnostics

/// Builds one document's node tree from libyaml events, with an explicit stack (no recursion,
/// so deep nesting cannot exhaust the call stack).
struct DocumentBuilder {
  /// Deepest nesting accepted; deeper input is rejected rather than risking the stack of
  /// recursive consumers.
  static let maximumDepth = 256
  /// Most nodes a document may expand to through aliases (guards against alias bombs).
  static let maximumExpandedNodes = 5_000_000

  private struct Frame {
    var isMapping: Bool
    var isFlow = false
    var tag: KilnTag?
    var anchor: String?
    var location: SourceLocation
    /// A sequence's items so far.
    var items: [YAMLNode] = []
    /// A mapping's pairs so far, and a key still waiting for its value.
    var pairs: [YAMLPair] = []
    var pendingKey: YAMLNode?
    var expandedAtStart: Int
  }

  private struct Anchored {
    var node: YAMLNode
    var expandedNodes: Int
  }

  let file: String
  private var stack: [Frame] = []
  private var anchors: [String: Anchored] = [:]
  private var openAnchors: [String: SourceLocation] = [:]
  private var expanded = 0
  private var root: YAMLNode?
  private var scalars: ScalarBuilder
  private let assembler: MappingAssembler

  init(file: String) {
    self.file = file
    self.scalars = ScalarBuilder(file: file)
    self.assembler = MappingAssembler()
  }

  /// Warnings collected so far.
  var warnings: [Diagnostic] { scalars.warnings }

  /// Reads events up to the document's end and returns its root.
  mutating func build(from reader: EventReader, start: Mark) throws(YAMLError) -> YAMLNode {
    while true {
      switch try reader.next() {
      case .scalar(let event):
        let node = try scalars.node(for: event)
        try finish(node, anchor: event.anchor, expandedAtStart: expanded)
      case .alias(let name, let mark):
        try appendAlias(name, at: location(mark))
      case .sequenceStart(let tag, let anchor, let mark):
        try open(isMapping: false, tag: tag, anchor: anchor, at: location(mark))
      case .mappingStart(let tag, let anchor, let isFlow, let mark):
        if isFlow { try rejectTemplateBraces(at: location(mark)) }
        try open(isMapping: true, tag: tag, anchor: anchor, at: location(mark))
        stack[stack.count - 1].isFlow = isFlow
      case .sequenceEnd, .mappingEnd:
        try close()
      case .documentEnd, .streamEnd:
        return root ?? YAMLNode(.scalar(YAMLScalar(plain: "")), location: location(start))
      case .streamStart, .documentStart:
        continue
      }
    }
  }

  private func location(_ mark: Mark) -> SourceLocation {
    SourceLocation(file: file, line: mark.line, column: mark.column)
  }

  private mutating func open(
    isMapping: Bool, tag: String?, anchor: String?, at location: SourceLocation
  )
    throws(YAMLError)
  {
    guard stack.count < Self.maximumDepth else {
      throw YAMLDiagnostics.syntax(
        "nesting deeper than \(Self.maximumDepth) levels", at: location,
        hint: "flatten the structure; configuration data never needs this depth")
    }
    var kilnTag: KilnTag?
    switch TagKind(tag) {
    case .none: break
    case .kiln(let kiln): kilnTag = kiln
    case .standard(.map) where isMapping: break
    case .standard(.seq) where !isMapping: break
    case .standard(let standard):
      throw YAMLDiagnostics.misfit(
        tag: standard.written, reason: "the value is a \(isMapping ? "mapping" : "sequence")",
        at: location)
    case .nonSpecific: break
    case .unknown(let name): throw YAMLDiagnostics.unknown(tag: name, at: location)
    }
    if let anchor { openAnchors[anchor] = location }
    stack.append(
      Frame(
        isMapping: isMapping, tag: kilnTag, anchor: anchor, location: location,
        expandedAtStart: expanded))
  }

  /// Rejects `{{` where a flow mapping opens as the first key of another: an unquoted
  /// template expression (`key: {{ value }}`) that YAML would read as nested mappings.
  private func rejectTemplateBraces(at location: SourceLocation) throws(YAMLError) {
    guard let outer = stack.last, outer.isMapping, outer.isFlow, outer.pairs.isEmpty,
      outer.pendingKey == nil, outer.location.line == location.line,
      outer.location.column + 1 == location.column
    else { return }
    throw YAMLDiagnostics.syntax(
      "unquoted template expression: '{{' reads as a YAML mapping inside a mapping",
      at: outer.location,
      hint: "quote the whole value, for example: key: \"{{ expression }}\"")
  }

  private mutating func close() throws(YAMLError) {
    guard let frame = stack.popLast() else { return }
    let content: YAMLNode.Content
    if frame.isMapping {
      content = .mapping(try assembler.assemble(frame.pairs))
    } else {
      content = .sequence(frame.items)
    }
    if let anchor = frame.anchor { openAnchors[anchor] = nil }
    let node = YAMLNode(content, tag: frame.tag, location: frame.location)
    try finish(node, anchor: frame.anchor, expandedAtStart: frame.expandedAtStart)
  }

  private mutating func appendAlias(_ name: String, at location: SourceLocation) throws(YAMLError) {
    if let anchored = anchors[name] {
      try count(anchored.expandedNodes, at: location)
      attach(anchored.node)
    } else if let anchorLocation = openAnchors[name] {
      throw YAMLDiagnostics.recursive(alias: name, at: location, anchor: anchorLocation)
    } else {
      throw YAMLDiagnostics.undefined(alias: name, at: location)
    }
  }

  private mutating func finish(_ node: YAMLNode, anchor: String?, expandedAtStart: Int)
    throws(YAMLError)
  {
    try count(1, at: node.location)
    if let anchor {
      anchors[anchor] = Anchored(node: node, expandedNodes: expanded - expandedAtStart)
    }
    attach(node)
  }

  private mutating func count(_ nodes: Int, at location: SourceLocation) throws(YAMLError) {
    expanded += nodes
    guard expanded <= Self.maximumExpandedNodes else {
      throw YAMLDiagnostics.syntax(
        "the document expands to more than \(Self.maximumExpandedNodes) nodes through aliases",
        at: location, hint: "reduce the nesting of aliases of aliases")
    }
  }

  private mutating func attach(_ node: YAMLNode) {
    let top = stack.count - 1
    if top < 0 {
      root = node
    } else if !stack[top].isMapping {
      stack[top].items.append(node)
    } else if let key = stack[top].pendingKey {
      stack[top].pairs.append(YAMLPair(key: key, value: node))
      stack[top].pendingKey = nil
    } else {
      stack[top].pendingKey = node
    }
  }
}
