import Foundation
import KilnDiagnostics
import KilnGit
import KilnTestSupport
import Testing

@testable import KilnCompiler

/// Truncated and bit-flipped copies of every file of the example repository go through the
/// whole pipeline (load, resolve, compile): each run renders or fails with diagnostics,
/// never traps.
@Suite struct ExampleFuzzTests {
  static let root = packageRoot

  static let example: [String: [UInt8]] = {
    var files: [String: [UInt8]] = [:]
    for top in ["kiln.yaml", "environments", "templates", "overlays"] {
      let base = root.appendingPathComponent(top)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isDirectory) else {
        continue
      }
      if !isDirectory.boolValue {
        files[top] = Array(FileManager.default.contents(atPath: base.path) ?? Data())
        continue
      }
      for case let path as String in FileManager.default.enumerator(atPath: base.path)! {
        let full = base.appendingPathComponent(path).path
        _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
        if !isDirectory.boolValue {
          files["\(top)/\(path)"] = Array(FileManager.default.contents(atPath: full) ?? Data())
        }
      }
    }
    return files
  }()

  static let paths = example.keys.sorted()

  static func variants(of bytes: [UInt8], seed: UInt64) -> [[UInt8]] {
    var generator = SplitMix64(seed: seed)
    var result = [[UInt8]()]
    for eighth in [2, 4, 7] where bytes.count > 8 {
      result.append(Array(bytes.prefix(bytes.count * eighth / 8)))
    }
    for _ in 0..<4 where !bytes.isEmpty {
      var copy = bytes
      copy[generator.below(copy.count)] ^= UInt8(1 << generator.below(8))
      result.append(copy)
    }
    return result
  }

  @Test func exampleRendersUnmutated() async throws {
    let compiler = try EnvironmentCompiler(
      source: InMemorySourceTree(files: Self.example), environment: "prod", assignments: [])
    let result = try await compiler.compile()
    #expect(result.files.count > 20)
  }

  @Test(arguments: paths)
  func mutatedFileGivesOutputOrDiagnostics(path: String) async {
    let original = Self.example[path] ?? []
    for (index, variant) in Self.variants(of: original, seed: UInt64(path.utf8.count)).enumerated()
    {
      var files = Self.example
      files[path] = variant
      do {
        let compiler = try EnvironmentCompiler(
          source: InMemorySourceTree(files: files), environment: "prod", assignments: [])
        _ = try await compiler.compile()
      } catch {
        #expect(!error.diagnostics.isEmpty, "variant \(index) of \(path)")
        #expect(
          error.diagnostics.allSatisfy { !$0.message.isEmpty },
          "variant \(index) of \(path): empty message")
      }
    }
  }
}
