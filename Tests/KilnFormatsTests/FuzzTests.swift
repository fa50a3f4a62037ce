import KilnDiagnostics
import KilnFormats
import KilnTestSupport
import Testing

/// Truncated and bit-flipped inputs give a value or diagnostics, never a trap.
@Suite struct FuzzTests {
  /// Mutations of `bytes`: every prefix length in steps, and random bit flips.
  static func mutations(of bytes: [UInt8], seed: UInt64) -> [[UInt8]] {
    var result: [[UInt8]] = []
    let step = max(1, bytes.count / 64)
    for length in stride(from: 0, through: bytes.count, by: step) {
      result.append(Array(bytes.prefix(length)))
    }
    var random = SplitMix64(seed: seed)
    for _ in 0..<150 where !bytes.isEmpty {
      var copy = bytes
      for _ in 0..<(1 + Int(random.next() % 4)) {
        let index = Int(random.next() % UInt64(copy.count))
        copy[index] ^= UInt8(1 << (random.next() % 8))
      }
      result.append(copy)
    }
    return result
  }

  /// Outcome counts: parsed, rejected with located diagnostics.
  static func parseAll(_ inputs: [[UInt8]], format: String) -> (parsed: Int, rejected: Int) {
    var parsed = 0
    var rejected = 0
    for input in inputs {
      do {
        let file = try FormatCodec.parse(input, format: format, file: "fuzz")
        _ = file.semanticEntries()
        _ = file.written()
        parsed += 1
      } catch {
        #expect(!error.diagnostics.isEmpty)
        #expect(error.diagnostics.allSatisfy { $0.location != nil && $0.hint != nil })
        rejected += 1
      }
    }
    return (parsed, rejected)
  }

  @Test(arguments: GoldenFiles.inputs.map(\.name))
  func mutatedGoldenInputsNeverTrap(name: String) throws {
    let format = try #require(GoldenFiles.inputs.first { $0.name == name }?.format)
    let inputs = Self.mutations(of: try GoldenFiles.bytes(name), seed: UInt64(name.utf8.count))
    let outcome = Self.parseAll(inputs, format: format)
    #expect(outcome.parsed + outcome.rejected == inputs.count)
    #expect(outcome.parsed > 0)
  }

  @Test(arguments: ["json", "erlang-term"])
  func deepNestingIsRejectedNotOverflowed(format: String) {
    let open: UInt8 = format == "json" ? 0x5B : 0x7B
    let bytes = [UInt8](repeating: open, count: 20_000)
    #expect(throws: DiagnosticsError.self) {
      try FormatCodec.parse(bytes, format: format, file: "f")
    }
  }

  @Test(arguments: MergeKind.allCases)
  func mutatedMergesNeverTrap(kind: MergeKind) throws {
    let base: [UInt8]
    let patch: [UInt8]
    switch kind {
    case .ini:
      base = try GoldenFiles.bytes("galera.cnf")
      patch = Array("[mysqld]\nmax_connections = 8192\n".utf8)
    case .yaml:
      base = try GoldenFiles.bytes("services.yaml")
      patch = Array("restart: [rabbitmq, fluentd]\nfiles: []\n".utf8)
    case .jsonMerge:
      base = try GoldenFiles.bytes("definitions.json")
      patch = Array(#"{"vhosts": null, "users": [{"name": "x"}]}"#.utf8)
    case .jsonPatch:
      base = try GoldenFiles.bytes("definitions.json")
      patch = Array(#"[{"op": "replace", "path": "/policies/0/priority", "value": 1}]"#.utf8)
    }
    var merged = 0
    for mutated in Self.mutations(of: patch, seed: 7)
      + Self.mutations(of: base, seed: 11).prefix(60)
    {
      let pair =
        mutated.count == patch.count || mutated.count < patch.count
        ? (base, mutated) : (mutated, patch)
      do {
        _ = try OverlayMerge.merge(
          kind: kind, base: MergeSource(file: "base", bytes: pair.0),
          patches: [MergeSource(file: "patch", bytes: pair.1)])
        merged += 1
      } catch {
        #expect(error.diagnostics.allSatisfy { $0.location != nil })
      }
    }
    #expect(merged > 0)
  }
}
