import Testing

@testable import KilnImport

@Test func moduleLinks() {
  #expect(String(describing: KilnImportModule.self) == "KilnImportModule")
}
