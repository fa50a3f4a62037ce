/// A path inside a source tree, split into its components.
struct RelativePath: Sendable, Hashable {
  /// The components, none empty, `.`, `..` or `.git`.
  let components: [String]

  /// The components of `text`, or nil if the path cannot name anything in a source tree
  /// (a `..` or `.git` component, or a NUL byte).
  init?(_ text: String) {
    var parts: [String] = []
    for part in text.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." || part == ".git" || part.utf8.contains(0) { return nil }
      parts.append(String(part))
    }
    components = parts
  }

  private init(components: [String]) {
    self.components = components
  }

  /// Whether this is the root.
  var isRoot: Bool { components.isEmpty }

  /// The normalised '/'-joined text (`""` for the root).
  var text: String { components.joined(separator: "/") }

  /// The first `count` components.
  func prefix(_ count: Int) -> RelativePath {
    RelativePath(components: Array(components.prefix(count)))
  }
}
