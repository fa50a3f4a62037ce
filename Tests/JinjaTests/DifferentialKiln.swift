import Foundation
import Jinja

/// What Kiln produced for one case.
enum KilnResult: Sendable {
  /// The rendered file content.
  case output(String)
  /// A located engine error.
  case error(JinjaError)
  /// Any other thrown error (never expected: the engine throws only `JinjaError`).
  case foreign(String)

  /// A one-line rendering for failure messages.
  var summary: String {
    switch self {
    case .output(let text): return "output \(text.debugDescription)"
    case .error(let error): return "JinjaError \(error.description.debugDescription)"
    case .foreign(let text): return "non-Jinja error \(text.debugDescription)"
    }
  }
}

/// Renders corpus cases with Kiln the way `kiln` renders a service template file.
enum KilnCaseRenderer {
  /// The name the case's main template is compiled under.
  static let mainTemplateName = "template.j2"

  /// An environment whose loader serves the case's extra templates, with `lookup` as Kiln's
  /// compiler supplies it (only `lookup('template', name)` is needed by the corpus).
  static func environment(for corpusCase: CorpusCase) -> Environment {
    Environment(
      loader: DictionaryLoader(corpusCase.templates), options: .ansible,
      globals: ["lookup": .callable(templateLookup)])
  }

  /// Compiles and renders `corpusCase`.
  static func render(_ corpusCase: CorpusCase) -> KilnResult {
    do {
      let template = try environment(for: corpusCase).compile(
        corpusCase.template, name: mainTemplateName)
      return .output(try template.render(corpusCase.values))
    } catch let error as JinjaError {
      return .error(error)
    } catch {
      return .foreign(String(describing: error))
    }
  }

  /// `lookup('template', name)`: renders another template with the caller's variables.
  static let templateLookup = Callable(name: "lookup") { arguments, context in
    guard case .string(let plugin)? = arguments.argument(0, "plugin"), plugin == "template",
      case .string(let name)? = arguments.argument(1, "name")
    else {
      throw context.error("only lookup('template', NAME) is available here")
    }
    let template = try context.environment.template(named: name)
    return .string(try template.render(context.variables))
  }
}
