import KilnDiagnostics
import KilnYAML
import Testing

@Suite("YAML 1.1 booleans")
struct YAML11BooleanTests {
  @Test(
    "YAML 1.1 booleans stay strings and warn with KLN108",
    arguments: [
      ("yes", true), ("Yes", true), ("YES", true), ("y", true), ("Y", true), ("on", true),
      ("On", true), ("ON", true), ("no", false), ("No", false), ("n", false), ("N", false),
      ("off", false), ("OFF", false), ("oFf", false),
    ])
  func warned(word: String, meaning: Bool) throws {
    let document = try YAMLParser.parse("enabled: \(word)\n", file: "g.yaml")
    #expect(document.root["enabled"]?.string == word)
    let warning = try #require(document.warnings.first)
    #expect(document.warnings.count == 1)
    #expect(warning.id == "KLN108")
    #expect(warning.severity == .warning)
    #expect(warning.location == SourceLocation(file: "g.yaml", line: 1, column: 10))
    #expect(warning.message.contains(String(meaning)))
  }

  @Test(
    "quoted, tagged, core booleans and other words do not warn",
    arguments: ["'yes'", "\"on\"", "!!str no", "true", "False", "yess", "none", "|\n  yes\n"])
  func notWarned(source: String) throws {
    let document = try YAMLParser.parse("v: \(source)\n", file: "g.yaml")
    #expect(document.warnings.isEmpty)
  }
}
