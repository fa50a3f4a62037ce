import KilnDiagnostics
import KilnYAML
import Testing

@Suite("Scalars YAML 1.1 reads differently")
struct YAML11ReadingTests {
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
    "leading-zero integers are decimal and warn with KLN109",
    arguments: [("0640", 640, 416), ("0755", 755, 493), ("-010", -10, -8)])
  func octalWarned(text: String, decimal: Int, octal: Int) throws {
    let document = try YAMLParser.parse("mode: \(text)\n", file: "s.yaml")
    #expect(document.root["mode"]?.int == decimal)
    let warning = try #require(document.warnings.first)
    #expect(warning.id == "KLN109")
    #expect(warning.severity == .warning)
    #expect(warning.location == SourceLocation(file: "s.yaml", line: 1, column: 7))
    #expect(warning.message.contains("octal number \(octal)"))
  }

  @Test(
    "integers YAML 1.1 reads the same do not warn",
    arguments: ["0", "00", "07", "640", "0o640", "'0640'", "09", "0x10", "!!int 0640"])
  func octalNotWarned(source: String) throws {
    #expect(try YAMLParser.parse("mode: \(source)\n", file: "s.yaml").warnings.isEmpty)
  }

  @Test(
    "quoted, tagged, core booleans and other words do not warn",
    arguments: ["'yes'", "\"on\"", "!!str no", "true", "False", "yess", "none", "|\n  yes\n"])
  func notWarned(source: String) throws {
    let document = try YAMLParser.parse("v: \(source)\n", file: "g.yaml")
    #expect(document.warnings.isEmpty)
  }
}
