import KilnDiagnostics
import KilnYAML

/// Load-time checks of layer contents: tag use and conflicting service defaults.
enum LayerValidation {
  /// Reports tags used where they have no meaning, anywhere inside `layer`.
  static func checkTags(_ layer: VariableLayer, sink: DiagnosticSink) {
    if let tag = layer.node.tag {
      sink.add(
        invalid(
          "\(tag.rawValue) cannot tag a whole file", at: layer.node.location,
          hint: "tag the values inside it"))
    }
    walk(layer.node, sink: sink)
  }

  private static func walk(_ node: YAMLNode, sink: DiagnosticSink) {
    if let tag = node.tag { check(tag, on: node, sink: sink) }
    switch node.content {
    case .scalar: break
    case .sequence(let items): for item in items { walk(item, sink: sink) }
    case .mapping(let pairs): for pair in pairs { walk(pair.value, sink: sink) }
    }
  }

  private static func check(_ tag: KilnTag, on node: YAMLNode, sink: DiagnosticSink) {
    let found = node.kindDescription
    switch tag {
    case .append, .prepend, .remove:
      if case .mapping = node.content {
        sink.add(
          invalid(
            "\(tag.rawValue) applies to lists, found a mapping", at: node.location,
            hint: "maps merge key by key already; use !replace to replace a whole map"))
      }
    case .unset:
      if case .scalar(let scalar) = node.content, scalar.value == .null { return }
      sink.add(
        invalid(
          "!unset takes no value, found \(found)", at: node.location,
          hint: "write 'name: !unset'"))
    case .secret:
      if case .scalar(let scalar) = node.content, case .string(let name) = scalar.value,
        !name.isEmpty
      {
        return
      }
      sink.add(
        invalid(
          "!secret takes a secret's name, found \(found)", at: node.location,
          hint: "write 'name: !secret secret_name'"))
    case .replace:
      return
    }
  }

  private static func invalid(_ message: String, at location: SourceLocation, hint: String)
    -> Diagnostic
  {
    Diagnostic(id: ModelDiagnostics.invalidTag, message: message, location: location, hint: hint)
  }

  /// Reports keys that two services' defaults set to different values, naming both files.
  static func checkDefaultsConflicts(_ services: [ServiceDefinition], sink: DiagnosticSink) {
    var firstDefinition: [String: (service: String, node: YAMLNode)] = [:]
    for service in services {
      guard let defaults = service.defaults, case .mapping(let pairs) = defaults.node.content
      else { continue }
      for pair in pairs {
        guard let key = pair.key.scalarText else { continue }
        guard let first = firstDefinition[key] else {
          firstDefinition[key] = (service.name, pair.value)
          continue
        }
        if !first.node.sameData(as: pair.value) {
          sink.add(
            Diagnostic(
              id: ModelDiagnostics.conflictingDefaults,
              message:
                "services '\(first.service)' and '\(service.name)' give '\(key)' different defaults: \(first.node.location.file) and \(pair.value.location.file)",
              location: pair.value.location,
              related: [
                RelatedLocation(first.node.location, note: "'\(first.service)' sets it here")
              ],
              hint: "define '\(key)' in one service's defaults.yaml, or in group_vars/all"))
        }
      }
    }
  }
}
