/// Finds templates for include, import and `lookup('template')`.
public protocol TemplateLoader: Sendable {
  /// Returns nil when there is no such template (so `include [a, b]` tries the next).
  func loadTemplate(named name: String) throws -> TemplateSource?
}

/// The text of a template and where it came from.
public struct TemplateSource: Sendable {
  /// The name used to find it.
  public var name: String
  /// The file path shown in messages.
  public var path: String
  /// The template text.
  public var text: String

  /// Creates a template source.
  public init(name: String, path: String, text: String) {
    self.name = name
    self.path = path
    self.text = text
  }
}

/// A loader over templates held in memory, keyed by name.
public struct DictionaryLoader: TemplateLoader {
  /// The templates by name.
  public var templates: [String: String]

  /// Creates a loader from name → text.
  public init(_ templates: [String: String]) { self.templates = templates }

  /// The template named `name`, or nil.
  public func loadTemplate(named name: String) throws -> TemplateSource? {
    guard let text = templates[name] else { return nil }
    return TemplateSource(name: name, path: name, text: text)
  }
}
