import Foundation
import KilnTestSupport

/// A throwaway copy of the example repository (the project's top level) as its own git
/// repository, so tests can edit and commit without touching the project.
struct ExampleFixture {
  let root: URL

  /// Copies the example and commits it as the first commit.
  init(label: String = "example") throws {
    root = try TemporaryDirectory.make(label)
    try ExampleRepositoryCopy.copy(into: root)
    try ExampleRepositoryCopy.commitAll(in: root)
  }

  func remove() {
    try? FileManager.default.removeItem(at: root)
  }

  /// Runs kiln in the fixture.
  func kiln(_ arguments: String...) throws -> KilnProcess.Result {
    try KilnProcess.run(arguments, in: root)
  }

  func read(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  func write(_ path: String, _ text: String) throws {
    try writeFiles([path: text], under: root)
  }

  /// Replaces the first occurrence of `old` with `new` in `path`.
  func edit(_ path: String, replacing old: String, with new: String) throws {
    let text = try read(path)
    guard let range = text.range(of: old) else {
      throw ShellError(command: "edit \(path)", output: "'\(old)' not found")
    }
    try write(path, text.replacingCharacters(in: range, with: new))
  }

  /// Every file under `directory` (relative paths) with its bytes.
  func tree(_ directory: String) throws -> [String: Data] {
    files(under: root.appendingPathComponent(directory))
  }
}
