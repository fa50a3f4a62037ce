import Testing

@testable import KilnSecrets

@Test func moduleLinks() {
  #expect(String(describing: KilnSecretsModule.self) == "KilnSecretsModule")
}
