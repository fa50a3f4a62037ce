import Foundation
import KilnDiagnostics

/// Writes an imported repository all at once: into a temporary directory beside `--out`, then
/// renamed into place, so a failed import leaves nothing behind.
public enum RepositoryOutput {
  /// Fails unless `path` is absent or an empty directory (checked before any work).
  public static func checkDestination(_ path: String) throws(ImportError) {
    guard InputFiles.exists(path) else { return }
    guard InputFiles.isDirectory(path), InputFiles.entries(of: path).isEmpty else {
      throw ImportError(
        ImportDiagnostics.usage, "\(path) exists and is not an empty directory", at: .file(path),
        hint: "choose a new --out directory; import never overwrites a repository")
    }
  }

  /// Writes `files` to `path` (absent or empty); secrets (`*.age`) are written 0600.
  public static func write(_ files: RepositoryFiles, to path: String) throws(ImportError) {
    try checkDestination(path)
    let destination = URL(fileURLWithPath: path).standardizedFileURL
    let parent = destination.deletingLastPathComponent()
    let staging = parent.appendingPathComponent(
      ".\(destination.lastPathComponent).kiln-import-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
      for file in files.files {
        let url = staging.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let secret = file.path.hasSuffix(".age")
        guard
          FileManager.default.createFile(
            atPath: url.path, contents: Data(file.bytes),
            attributes: [.posixPermissions: secret ? 0o600 : 0o644])
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
      }
      if InputFiles.exists(destination.path) {
        try FileManager.default.removeItem(at: destination)
      }
      try FileManager.default.moveItem(at: staging, to: destination)
    } catch {
      try? FileManager.default.removeItem(at: staging)
      throw ImportError(
        ImportDiagnostics.unreadable, "cannot write \(path): \(error.localizedDescription)",
        at: .file(path), hint: "check that its parent directory exists and is writable")
    }
  }
}
