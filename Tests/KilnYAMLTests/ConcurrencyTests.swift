import KilnYAML
import Testing

@Suite("Parsing from many tasks at once")
struct ConcurrencyTests {
  @Test("parallel parses give the same trees as a serial parse")
  func parallelParses() async throws {
    let texts = FuzzCorpus.all
    let serial = try texts.map { try YAMLParser.parse($0, file: "c.yaml").root }
    let parallel = try await withThrowingTaskGroup(of: (Int, YAMLNode).self) { group in
      for round in 0..<32 {
        let index = round % texts.count
        group.addTask { (index, try YAMLParser.parse(texts[index], file: "c.yaml").root) }
      }
      var results: [(Int, YAMLNode)] = []
      for try await result in group { results.append(result) }
      return results
    }
    #expect(parallel.count == 32)
    for (index, root) in parallel { #expect(root == serial[index]) }
  }
}
