import KilnDiagnostics
import KilnFormats
import KilnGit

/// The lines of the repository's inputs that differ between base and head: variable files,
/// inventories, env.yaml, templates and overlays.
struct InputChanges: Sendable {
  /// Changed lines per file, files sorted by path.
  var files: [(path: String, changes: [SourceChange])]

  /// Reads the files below `roots` on both sides and diffs those whose blob ids differ.
  static func between(base: any SourceTree, head: any SourceTree, roots: [String]) -> InputChanges {
    var paths = Set<String>()
    for root in roots {
      for source in [base, head] {
        if root.hasSuffix(".yaml") {
          paths.insert(root)
        } else if let found = try? source.filePaths(under: root) {
          paths.formUnion(found)
        }
      }
    }
    var files: [(path: String, changes: [SourceChange])] = []
    for path in paths.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let oldID = try? base.contentID(path)
      let newID = try? head.contentID(path)
      guard oldID != newID else { continue }
      let oldBytes = (try? base.readFile(path)) ?? nil
      let newBytes = (try? head.readFile(path)) ?? nil
      if isBinary(oldBytes) || isBinary(newBytes) {
        files.append((path, [SourceChange(file: path, line: 0, old: nil, new: nil)]))
        continue
      }
      let old = lines(oldBytes)
      let new = lines(newBytes)
      let changes = LineDiff.changedLines(old: old, new: new).map { change in
        SourceChange(
          file: path, line: change.newLine ?? change.oldLine ?? 0, old: change.old,
          new: change.new)
      }
      if !changes.isEmpty { files.append((path, changes)) }
    }
    return InputChanges(files: files)
  }

  private static func isBinary(_ bytes: [UInt8]?) -> Bool {
    guard let bytes else { return false }
    return String(validating: bytes, as: UTF8.self) == nil || bytes.contains(0)
  }

  private static func lines(_ bytes: [UInt8]?) -> [String] {
    guard let bytes, let text = String(validating: bytes, as: UTF8.self) else { return [] }
    return LineDiff.lines(of: text)
  }
}
