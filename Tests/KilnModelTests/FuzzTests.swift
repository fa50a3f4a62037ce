import Jinja
import KilnDiagnostics
import KilnModel
import KilnTestSupport
import Testing

/// Feeds truncated and bit-flipped copies of every fixture file through the loader: each
/// must load or fail with located diagnostics, never trap.
@Suite struct FuzzTests {
  static let paths = Fixture.files.keys.sorted()

  /// Mutated copies of one file: truncations at several points and single bit flips.
  static func variants(of bytes: [UInt8], seed: UInt64) -> [[UInt8]] {
    var generator = SplitMix64(seed: seed)
    var result: [[UInt8]] = [[]]
    for fraction in [1, 2, 3, 5, 7] where bytes.count > 1 {
      result.append(Array(bytes.prefix(bytes.count * fraction / 8)))
    }
    for _ in 0..<12 where !bytes.isEmpty {
      var copy = bytes
      let position = generator.below(copy.count)
      copy[position] ^= UInt8(1 << generator.below(8))
      result.append(copy)
    }
    return result
  }

  @Test(arguments: paths)
  func mutatedFileNeverTraps(path: String) throws {
    let original = Array(try #require(Fixture.files[path]).utf8)
    let seed = UInt64(truncatingIfNeeded: path.utf8.reduce(0) { $0 &* 31 &+ Int($1) })
    for variant in Self.variants(of: original, seed: seed) {
      var files = Fixture.files.mapValues { Array($0.utf8) }
      files[path] = variant
      do {
        let repository = try KilnRepository.load(from: MemorySource(bytes: files))
        let environment = try repository.resolve(engine: Fixture.engine)
        for host in environment.hosts {
          let variables = try environment.variables(forHost: host)
          #expect(variables.layered.keys.count >= 0)
          _ = environment.services(onHost: host)
        }
      } catch {
        #expect(!error.diagnostics.isEmpty)
        #expect(error.diagnostics.contains { $0.severity == .error })
        #expect(
          error.diagnostics.allSatisfy {
            $0.location != nil || $0.id == ModelDiagnostics.unknownEnvironment
          })
      }
    }
  }
}
