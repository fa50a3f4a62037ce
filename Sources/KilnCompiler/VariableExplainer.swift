import Jinja
import KilnDiagnostics
import KilnModel
import KilnYAML

extension EnvironmentCompiler {
  /// `kiln explain --var NAME --host H`: the effective value, then every layer that set it,
  /// lowest first, each with `file:line:col`.
  public func explain(variable: String, host: String) throws(DiagnosticsError) -> String {
    let explanation: VariableExplanation
    do {
      explanation = try environment.explain(variable: variable, host: host)
    } catch let error as DiagnosticsError {
      throw error
    } catch let error as Diagnostic {
      throw DiagnosticsError(error)
    } catch let error as JinjaError {
      throw DiagnosticsError(TemplateDiagnostics.diagnostic(error))
    } catch {
      throw DiagnosticsError(Diagnostic(id: "KLN209", message: String(describing: error)))
    }
    var text = "\(variable) on \(host) (env \(environment.name), \(sourceDescription))\n"
    guard let value = explanation.effectiveValue else {
      text += "  undefined: no layer sets it"
      if let layered = explanation.layered, let last = layered.history.last {
        text += " (last change: \(last.operation.rawValue) at \(last.location))"
      }
      return text + "\n"
    }
    text += "  value: \(ValueText.oneLine(value))\n"
    if explanation.isMagic {
      return text + "  set by Kiln: a magic variable derived from the inventory\n"
    }
    let history = explanation.contributions
    text += "  layers, lowest first (\(history.count)):\n"
    let locations = history.map { $0.location.description }
    let width = locations.map(\.count).max() ?? 0
    for (index, contribution) in history.enumerated() {
      let marker = index == history.count - 1 ? "  ← effective" : ""
      let location = locations[index].padding(toLength: width, withPad: " ", startingAt: 0)
      text +=
        "    \(location)  \(LayerText.short(contribution)): \(contribution.operation.rawValue) "
        + "\(NodeText.oneLine(contribution.node))\(marker)\n"
    }
    return text
  }
}

/// One-line renderings of values and YAML nodes for explanations.
enum ValueText {
  static func oneLine(_ value: Value) -> String {
    let text: String
    switch value {
    case .string(let string): text = string
    default: text = value.pythonRepr()
    }
    return text.count > 160 ? String(text.prefix(157)) + "..." : text
  }
}

enum NodeText {
  static func oneLine(_ node: YAMLNode) -> String {
    if case .scalar(let scalar) = node.content {
      return scalar.style == .plain ? scalar.text : "\"\(scalar.text)\""
    }
    let text = YAMLWriter.write(node).split(separator: "\n").joined(separator: " ")
    return text.count > 120 ? String(text.prefix(117)) + "..." : text
  }
}

/// A contribution's layer without the file name the location already shows:
/// `templates/x/defaults.yaml (service x defaults)` → `service x defaults`.
enum LayerText {
  static func short(_ contribution: Contribution) -> String {
    let layer = contribution.layer
    let prefix = contribution.location.file + " ("
    if layer.hasPrefix(prefix), layer.hasSuffix(")") {
      return String(layer.dropFirst(prefix.count).dropLast())
    }
    return layer
  }
}
