import Testing

@testable import KilnCheck

@Test func moduleLinks() {
  #expect(String(describing: KilnCheckModule.self) == "KilnCheckModule")
}
