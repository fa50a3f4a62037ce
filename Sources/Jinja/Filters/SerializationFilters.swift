/// Serialization filters: to_json, to_nice_json, to_yaml, to_nice_yaml (Python `json.dumps`
/// and PyYAML/libyaml `yaml.dump` output, as Ansible calls them).
enum SerializationFilters {
  /// The filters of this family by name.
  static let all: [String: Filter] = [
    "to_json": toJSON, "to_nice_json": toNiceJSON, "to_yaml": toYAML,
    "to_nice_yaml": toNiceYAML, "from_json": fromJSON,
  ]

  /// `from_json`: `json.loads`, keeping key order.
  static func fromJSON(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "from_json", context)
    do {
      return try JSONParser.parse(try Builtins.text(value, context))
    } catch let error as JSONParser.Failure {
      throw context.error(error.message, kind: .filter)
    }
  }

  /// `to_json(indent=None, sort_keys=False, ensure_ascii=True, separators=None)`: insertion order.
  static func toJSON(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    guard arguments.positional.isEmpty else {
      throw context.error("to_json() takes no positional arguments", kind: .filter)
    }
    var encoder = PythonJSON()
    try configure(&encoder, arguments, context)
    return try encode(value, encoder, context)
  }

  /// `to_nice_json(indent=4, sort_keys=True)`: `json.dumps` with `(',', ': ')` separators.
  static func toNiceJSON(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    guard arguments.positional.count <= 2 else {
      throw context.error("to_nice_json() takes at most 2 positional arguments", kind: .filter)
    }
    var encoder = PythonJSON(indent: 4, sortKeys: true)
    encoder.indent = try arguments.int(0, "indent", default: 4, context)
    encoder.sortKeys = arguments.flag(1, "sort_keys", default: true)
    try configure(&encoder, arguments.removing(["indent", "sort_keys", "separators"]), context)
    encoder.separators = (",", ": ")
    return try encode(value, encoder, context)
  }

  private static func configure(
    _ encoder: inout PythonJSON, _ arguments: Arguments, _ context: CallContext
  ) throws {
    for entry in arguments.named {
      switch entry.name {
      case "indent":
        encoder.indent =
          entry.value.isNone ? nil : try arguments.int(-1, "indent", default: nil, context)
      case "sort_keys": encoder.sortKeys = entry.value.isTruthy
      case "ensure_ascii": encoder.ensureASCII = entry.value.isTruthy
      case "separators":
        guard case .list(let parts) = entry.value, parts.count == 2,
          case .string(let item) = parts[0], case .string(let key) = parts[1]
        else { throw context.error("separators must be a pair of strings", kind: .filter) }
        encoder.separators = (item, key)
      case "profile", "vault_to_text", "preprocess_unsafe": continue
      default:
        throw context.error(
          "to_json() got an unexpected keyword argument '\(entry.name)'", kind: .filter)
      }
    }
  }

  private static func encode(_ value: Value, _ encoder: PythonJSON, _ context: CallContext) throws
    -> Value
  {
    try Builtins.requireDefined(value, context)
    do {
      return .string(try encoder.encode(value))
    } catch {
      throw context.error(error.message, kind: .filter)
    }
  }

  /// `to_yaml(indent=2, default_flow_style=None)`: `yaml.dump`, keys sorted.
  static func toYAML(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try dumpYAML(value, arguments, context, indent: 2, flowStyle: nil)
  }

  /// `to_nice_yaml(indent=4, default_flow_style=False)`: block style throughout.
  static func toNiceYAML(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    let indent = try arguments.int(0, "indent", default: 4, context)
    return try dumpYAML(
      value, arguments.removing(["indent"]).dropping(1), context, indent: indent,
      flowStyle: false)
  }

  private static func dumpYAML(
    _ value: Value, _ arguments: Arguments, _ context: CallContext, indent: Int, flowStyle: Bool?
  ) throws -> Value {
    try Builtins.requireDefined(value, context)
    var indent = indent
    var flowStyle = flowStyle
    for entry in arguments.named {
      switch entry.name {
      case "indent": indent = try arguments.int(-1, "indent", default: nil, context)
      case "default_flow_style": flowStyle = entry.value.isNone ? nil : entry.value.isTruthy
      case "sort_keys", "allow_unicode", "width", "explicit_start": continue
      default:
        throw context.error(
          "to_yaml() got an unexpected keyword argument '\(entry.name)'", kind: .filter)
      }
    }
    do {
      let node = try YAMLNode.represent(value, flowStyle: flowStyle)
      return .string(YAMLEmitter.emit(node, indent: indent))
    } catch {
      throw context.error(error.message, kind: .filter)
    }
  }
}
