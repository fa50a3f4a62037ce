import Foundation

/// Fresh scratch directories for tests, each under the system's temporary directory.
public enum TemporaryDirectory {
  /// Creates `kiln-<label>-<UUID>` under the temporary directory; the caller removes it.
  public static func make(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kiln-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
