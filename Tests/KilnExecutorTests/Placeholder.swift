import Testing

@testable import KilnExecutor

@Test func moduleLinks() {
  #expect(String(describing: KilnExecutorModule.self) == "KilnExecutorModule")
}
