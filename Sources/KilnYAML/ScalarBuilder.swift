import KilnDiagnostics

/// Makes scalar nodes from scalar events: applies tags, resolves values by the YAML 1.2 core
/// schema, and notes YAML 1.1 booleans.
struct ScalarBuilder {
  let file: String
  /// KLN108 warnings, in source order.
  private(set) var warnings: [Diagnostic] = []

  init(file: String) {
    self.file = file
  }

  /// The node for one scalar event.
  mutating func node(for event: YAMLEvent.Scalar) throws(YAMLError) -> YAMLNode {
    let location = SourceLocation(file: file, line: event.mark.line, column: event.mark.column)
    var kilnTag: KilnTag?
    let value: ScalarValue
    let tagKind = TagKind(event.tag)
    switch tagKind {
    case .unknown(let name):
      throw YAMLDiagnostics.unknown(tag: name, at: location)
    case .nonSpecific:
      value = .string(event.text)
    case .standard(let standard):
      guard let typed = standard.value(of: event.text) else {
        throw YAMLDiagnostics.misfit(
          tag: standard.written, reason: misfitReason(standard, text: event.text), at: location)
      }
      value = typed
    case .none, .kiln:
      if case .kiln(let kiln) = tagKind { kilnTag = kiln }
      value = event.style == .plain ? ScalarResolver.resolve(event.text) : .string(event.text)
      if event.style == .plain { noteYAML11Reading(of: event.text, value: value, at: location) }
    }
    return YAMLNode(
      .scalar(YAMLScalar(text: event.text, style: event.style, value: value)), tag: kilnTag,
      location: location)
  }

  /// Warns where YAML 1.1 (Ansible) would read a plain scalar differently.
  private mutating func noteYAML11Reading(
    of text: String, value: ScalarValue, at location: SourceLocation
  ) {
    switch value {
    case .string:
      if let meaning = ScalarResolver.yaml11Boolean(text) {
        warnings.append(YAMLDiagnostics.yaml11(text: text, meaning: meaning, at: location))
      }
    case .int(let decimal):
      if let octal = ScalarResolver.yaml11Octal(text), octal != decimal {
        warnings.append(
          YAMLDiagnostics.octal(text: text, decimal: decimal, octal: octal, at: location))
      }
    default:
      break
    }
  }

  private func misfitReason(_ tag: StandardTag, text: String) -> String {
    switch tag {
    case .map, .seq: return "the value is a scalar"
    case .int: return "'\(text)' is not an integer"
    case .float: return "'\(text)' is not a number"
    case .bool: return "'\(text)' is not true or false"
    case .null: return "'\(text)' is not null"
    case .str: return "'\(text)' is not a string"
    }
  }
}
