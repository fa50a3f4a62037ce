import Jinja
import KilnGit

/// Finds templates in the configuration repository: first in the service's own directory, then
/// in `templates/` (so `include 'common/header.j2'` works from any service).
struct RepositoryTemplateLoader: TemplateLoader {
  var source: any SourceTree
  /// Directories searched in order, relative to the repository root.
  var directories: [String]

  func loadTemplate(named name: String) throws -> TemplateSource? {
    for directory in directories {
      let path = directory.isEmpty ? name : "\(directory)/\(name)"
      if let bytes = try source.readFile(path) {
        return TemplateSource(name: name, path: path, text: String(decoding: bytes, as: UTF8.self))
      }
    }
    return nil
  }
}
