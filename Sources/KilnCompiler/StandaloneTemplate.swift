import Foundation
import Jinja
import KilnDiagnostics
import KilnYAML

/// `kiln template`: renders one template file with variables from YAML/JSON files and
/// `--set` pairs, without a repository.
public struct StandaloneTemplate: Sendable {
  /// The template file to render.
  public var templatePath: String
  /// YAML or JSON files of variables, merged in order (later files replace top-level keys).
  public var variableFiles: [String]
  /// `name=value` pairs, values read as YAML scalars; applied last.
  public var assignments: [String]
  /// Extra directories searched for includes after the template's own directory.
  public var searchPaths: [String]

  public init(
    templatePath: String, variableFiles: [String] = [], assignments: [String] = [],
    searchPaths: [String] = []
  ) {
    self.templatePath = templatePath
    self.variableFiles = variableFiles
    self.assignments = assignments
    self.searchPaths = searchPaths
  }

  /// Renders the template and returns its bytes.
  public func render() throws(DiagnosticsError) -> String {
    let variables = try loadVariables()
    let directory = URL(fileURLWithPath: templatePath).deletingLastPathComponent().path
    let loader = DirectoryTemplateLoader(directories: [directory] + searchPaths)
    let environment = Environment(loader: loader, filters: KilnFilters.all)
    let text = try Self.readText(templatePath)
    do {
      let template = try environment.compile(text, name: templatePath)
      return try template.render(variables)
    } catch let error as JinjaError {
      throw DiagnosticsError(TemplateDiagnostics.diagnostic(error))
    } catch {
      throw DiagnosticsError(
        Diagnostic(id: "KLN209", message: String(describing: error), location: .file(templatePath)))
    }
  }

  private func loadVariables() throws(DiagnosticsError) -> [String: Value] {
    var variables: [String: Value] = [:]
    for file in variableFiles {
      let text = try Self.readText(file)
      let document: YAMLDocument
      do {
        document = try YAMLParser.parse(text, file: file)
      } catch {
        throw DiagnosticsError(error.diagnostic)
      }
      guard case .mapping(let pairs) = document.root.content else {
        if document.root.isNull { continue }
        throw DiagnosticsError(
          Diagnostic(
            id: "KLN130", message: "a variables file must be a mapping of names to values",
            location: document.root.location, hint: "write `name: value` lines at the top level"))
      }
      for pair in pairs {
        guard let name = pair.key.string else { continue }
        variables[name] = PlainValues.value(of: pair.value)
      }
    }
    for assignment in assignments {
      guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
        throw DiagnosticsError(
          Diagnostic(
            id: "KLN001", message: "--set expects name=value, got '\(assignment)'",
            hint: "write --set name=value"))
      }
      let name = String(assignment[..<equals])
      let raw = String(assignment[assignment.index(after: equals)...])
      let node = try? YAMLParser.parse(raw, file: "--set \(name)").root
      variables[name] = node.map(PlainValues.value(of:)) ?? .string(raw)
    }
    return variables
  }

  static func readText(_ path: String) throws(DiagnosticsError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DiagnosticsError(
        Diagnostic(
          id: "KLN013", message: "cannot read \(path)", location: .file(path),
          hint: "check that the file exists and is readable"))
    }
    return String(decoding: data, as: UTF8.self)
  }
}

/// Finds included templates in a list of directories, first match wins.
struct DirectoryTemplateLoader: TemplateLoader {
  var directories: [String]

  func loadTemplate(named name: String) throws -> TemplateSource? {
    for directory in directories {
      let path = name.hasPrefix("/") ? name : directory + "/" + name
      if let data = FileManager.default.contents(atPath: path) {
        return TemplateSource(name: name, path: path, text: String(decoding: data, as: UTF8.self))
      }
    }
    return nil
  }
}
