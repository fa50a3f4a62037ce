import Foundation
import KilnDiagnostics

/// Reads the files an import converts; every failure is a located `ImportError`.
enum InputFiles {
  /// The text of `path` (UTF-8).
  static func text(_ path: String) throws(ImportError) -> String {
    String(decoding: try bytes(path), as: UTF8.self)
  }

  /// The bytes of `path`.
  static func bytes(_ path: String) throws(ImportError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ImportError(
        ImportDiagnostics.unreadable, "\(path) does not exist", at: .file(path),
        hint: "check the path")
    }
    guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
      throw ImportError(
        ImportDiagnostics.unreadable,
        isDirectory.boolValue
          ? "\(path) is a directory, a file was expected" : "cannot read \(path)",
        at: .file(path), hint: "check the path and its permissions")
    }
    return Array(data)
  }

  /// Whether `path` is a directory.
  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// Whether `path` exists.
  static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

  /// Every regular file under `directory` (following symbolic links), as sorted relative paths.
  static func files(under directory: String) throws(ImportError) -> [String] {
    guard isDirectory(directory) else {
      throw ImportError(
        ImportDiagnostics.unreadable,
        exists(directory) ? "\(directory) is not a directory" : "\(directory) does not exist",
        at: .file(directory), hint: "check the path")
    }
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
      throw ImportError(
        ImportDiagnostics.unreadable, "cannot list \(directory)", at: .file(directory),
        hint: "check its permissions")
    }
    var paths: [String] = []
    for case let path as String in enumerator where !isDirectory("\(directory)/\(path)") {
      paths.append(path)
    }
    guard FileManager.default.isReadableFile(atPath: directory) else {
      throw ImportError(
        ImportDiagnostics.unreadable, "cannot read \(directory)", at: .file(directory),
        hint: "check its permissions")
    }
    return paths.sorted()
  }

  /// The entries directly in `directory`, sorted (hidden ones included).
  static func entries(of directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }
}
