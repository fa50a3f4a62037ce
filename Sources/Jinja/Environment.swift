import Foundation

/// Holds options, filters, tests, globals and the compiled-template cache (thread-safe).
public final class Environment: Sendable {
  /// Finds templates for include, import and `template(named:)`.
  public let loader: (any TemplateLoader)?
  /// The default whitespace options (a `#jinja2:` header overrides them per template).
  public let options: TemplateOptions
  /// Global variables visible to every template, below the render's variables.
  public let globals: [String: Value]
  /// Filters by name: the built-in ones, overridden by those passed in.
  public let filters: [String: Filter]
  /// Tests by name: the built-in ones, overridden by those passed in.
  public let tests: [String: Test]
  /// Whether `filters` is exactly the built-in table (compiled filter calls then skip the lookup).
  let hasBuiltinFiltersOnly: Bool
  /// Whether `tests` is exactly the built-in table (compiled test calls then skip the lookup).
  let hasBuiltinTestsOnly: Bool
  private let cache = TemplateCache()

  /// Creates an environment.
  public init(
    loader: (any TemplateLoader)? = nil, options: TemplateOptions = .ansible,
    globals: [String: Value] = [:], filters: [String: Filter] = [:], tests: [String: Test] = [:]
  ) {
    self.loader = loader
    self.options = options
    self.globals = BuiltinGlobals.all.merging(globals) { _, given in given }
    self.filters = BuiltinFilters.all.merging(filters) { _, given in given }
    self.tests = BuiltinTests.all.merging(tests) { _, given in given }
    hasBuiltinFiltersOnly = filters.isEmpty
    hasBuiltinTestsOnly = tests.isEmpty
  }

  /// Parses and compiles `text` once; the result renders many variable sets.
  public func compile(_ text: String, name: String) throws -> Template {
    try Template(environment: self, name: name, text: text)
  }

  /// The top-level template `name`, loaded through the loader and compiled once (cached).
  public func template(named name: String) throws -> Template {
    guard let template = try loadTemplate(named: name, inherited: nil) else {
      throw JinjaError(
        .include, "template '\(name)' not found",
        hint: loader == nil ? "the environment has no template loader" : "check the search path")
    }
    return template
  }

  /// The template `name` via the loader and cache, or nil when the loader has no such template.
  ///
  /// `inherited` is nil for a top-level template, else the includer's options.
  func loadTemplate(named name: String, inherited: TemplateOptions?) throws -> Template? {
    let key = TemplateCache.Key(name: name, inherited: inherited)
    if let cached = cache[key] { return cached }
    guard let loader, let source = try loader.loadTemplate(named: name) else { return nil }
    let template = try Template(
      environment: self, name: source.path, text: source.text, inherited: inherited)
    cache[key] = template
    return template
  }
}

/// A lock-protected name → template map.
final class TemplateCache: @unchecked Sendable {
  private let lock = NSLock()
  /// A template name with the options it was compiled under (nil: top level).
  struct Key: Hashable {
    var name: String
    var inherited: TemplateOptions?
  }

  private var templates: [Key: Template] = [:]

  subscript(key: Key) -> Template? {
    get {
      lock.lock()
      defer { lock.unlock() }
      return templates[key]
    }
    set {
      lock.lock()
      templates[key] = newValue
      lock.unlock()
    }
  }
}
