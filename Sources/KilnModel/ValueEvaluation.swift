import Jinja
import KilnDiagnostics
import KilnYAML
import Synchronization

/// Evaluates layered values to template values, rendering `{{ }}` strings in a host's context,
/// with cycle detection across variables and hosts.
struct ValueEvaluation {
  let variables: HostVariables

  /// One variable being evaluated, for cycle detection and messages.
  struct Frame: Sendable {
    var host: String
    var name: String
    var location: SourceLocation?
  }

  /// The evaluation in progress on this task or thread, and the first failure it met (kept so
  /// that an engine that wraps resolver errors cannot hide the original diagnostic).
  struct Context: Sendable {
    var stack: [Frame] = []
    var failure = FailureBox()
  }

  final class FailureBox: Sendable {
    private let stored = Mutex<Diagnostic?>(nil)
    var diagnostic: Diagnostic? { stored.withLock { $0 } }
    func record(_ diagnostic: Diagnostic) { stored.withLock { $0 = $0 ?? diagnostic } }
    func clear() { stored.withLock { $0 = nil } }
  }

  @TaskLocal static var context: Context?

  /// Evaluates the top-level variable `name`, whose layered value is `value`.
  func evaluateTopLevel(_ name: String, _ value: LayeredValue) throws -> Value {
    let host = variables.host
    var context = Self.context ?? Context()
    let frame = Frame(host: host, name: name, location: value.origin?.location)
    if let start = context.stack.firstIndex(where: { $0.host == host && $0.name == name }) {
      let diagnostic = cycle(Array(context.stack[start...]) + [frame])
      context.failure.record(diagnostic)
      throw diagnostic
    }
    context.stack.append(frame)
    return try Self.$context.withValue(context) { try evaluate(value, name: name) }
  }

  /// Evaluates a value of variable `name`, recursively through lists and maps.
  func evaluate(_ value: LayeredValue, name: String) throws -> Value {
    switch value.content {
    case .scalar(let scalar):
      switch scalar {
      case .null: return .none
      case .bool(let flag): return .bool(flag)
      case .int(let number): return .int(number)
      case .float(let number): return .float(number)
      case .string(let text):
        guard Self.isTemplate(text) else { return .string(text) }
        return try render(text, name: name, node: value.origin?.node)
      }
    case .secret(let secret): return .string(try placeholder(secret, at: value.origin?.location))
    case .list(let items):
      return .list(try items.filter(\.isDefined).map { try evaluate($0, name: name) })
    case .map(let map):
      return .map(
        ValueMap(
          try map.definedEntries.map { (.string($0.key), try evaluate($0.value, name: name)) }))
    case .unset: return .none  // unreachable: lists, maps and lookups skip unset values

    }
  }

  /// The text for `!secret name`: the resolver's placeholder, or `<secret name>` without one.
  private func placeholder(_ name: String, at location: SourceLocation?) throws -> String {
    guard let secrets = variables.core.secrets else { return "<secret \(name)>" }
    do {
      return try secrets.placeholder(
        forSecret: name, chain: variables.core.chain.map(\.name), at: location)
    } catch {
      Self.context?.failure.record(error)
      throw error
    }
  }

  /// Whether a string holds template syntax (`{{`, `{%` or `{#`) and must be rendered.
  /// Scans the UTF-8 bytes: every value of every host passes through here.
  static func isTemplate(_ text: String) -> Bool {
    var afterBrace = false
    for byte in text.utf8 {
      if afterBrace
        && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "#"))
      {
        return true
      }
      afterBrace = byte == UInt8(ascii: "{")
    }
    return false
  }

  private func render(_ text: String, name: String, node: YAMLNode?) throws -> Value {
    let location = node?.location
    let failure = Self.context?.failure
    do {
      let template = try variables.core.template(
        for: text, name: location?.description ?? "value of \(name)")
      return try template.renderNative(variables)
    } catch let diagnostic as Diagnostic {
      failure?.record(diagnostic)
      throw diagnostic
    } catch {
      if let original = failure?.diagnostic { throw original }
      let diagnostic = templateFailure(error, name: name, node: node)
      failure?.record(diagnostic)
      throw diagnostic
    }
  }

  private func templateFailure(_ error: any Error, name: String, node: YAMLNode?) -> Diagnostic {
    let jinja = error as? JinjaError
    var located = node?.location
    if let span = jinja?.span, let node, span.line > 0 {
      located = Self.location(of: span, in: node)
    }
    return Diagnostic(
      id: jinja?.kind == .undefined
        ? ModelDiagnostics.undefinedReference : ModelDiagnostics.valueTemplate,
      message:
        "in the value of '\(name)' (host \(variables.host)): \(jinja?.message ?? String(describing: error))",
      location: located,
      hint: jinja?.hint ?? "fix the {{ }} expression in this value")
  }

  private func cycle(_ frames: [Frame]) -> Diagnostic {
    let crossHost = Set(frames.map(\.host)).count > 1
    let names = frames.map { crossHost ? "\($0.host):\($0.name)" : $0.name }
    let related = frames.dropLast().compactMap { frame in
      frame.location.map { RelatedLocation($0, note: "'\(frame.name)' is defined here") }
    }
    return Diagnostic(
      id: ModelDiagnostics.valueCycle,
      message:
        "values refer to each other in a cycle: \(names.joined(separator: " → ")) (host \(frames[0].host))",
      location: frames[0].location, related: related,
      hint: "break the cycle: one of these values must not refer back")
  }

  /// Where a template position falls in the YAML file: block scalars start on the line after
  /// their indicator; other scalars at the node, exact only on their first line.
  static func location(of span: SourceSpan, in node: YAMLNode) -> SourceLocation {
    let base = node.location
    var isBlock = false
    if case .scalar(let scalar) = node.content {
      isBlock = scalar.style == .literal || scalar.style == .folded
    }
    if isBlock {
      return SourceLocation(file: base.file, line: base.line + span.line, column: span.column)
    }
    if span.line == 1 { return base }
    return SourceLocation(file: base.file, line: base.line + span.line - 1, column: span.column)
  }
}
