import Foundation
import KilnDiagnostics
import Testing

@testable import KilnFirmware

@Test(arguments: [
  "dell-poweredge-r650-bios-1.10.json", "dell-poweredge-r650-bios-1.13.json",
  "dell-poweredge-r750-bios-1.13.json",
])
func exampleRegistriesParse(_ name: String) throws {
  let url = FirmwareFixture.packageRoot.appendingPathComponent(
    "templates/firmware/registries/\(name)")
  let bytes = try #require(FileManager.default.contents(atPath: url.path))
  let registry = try AttributeRegistry.parse(Array(bytes), file: name)
  #expect(registry.identifier == "BiosAttributeRegistry.v1_0_0")
  let boot = try #require(registry.attribute(named: "BootMode"))
  #expect(boot.kind == .enumeration)
  #expect(boot.allowedValues == ["Bios", "Uefi"])
  let delay = try #require(registry.attribute(named: "AcPwrRcvryUserDelay"))
  #expect(delay.kind == .integer && delay.lowerBound == 60 && delay.upperBound == 600)
  #expect(registry.attribute(named: "SystemServiceTag")?.readOnly == true)
  #expect(registry.attribute(named: "NoSuchThing") == nil)
}

@Test(arguments: [
  ("not json", "{", "KLN3"),
  ("no entries", "{\"Id\": \"x\"}", "KLN504"),
  (
    "entry without type", "{\"RegistryEntries\": {\"Attributes\": [{\"AttributeName\": \"A\"}]}}",
    "KLN504"
  ),
  (
    "unknown type",
    "{\"RegistryEntries\": {\"Attributes\": [{\"AttributeName\": \"A\", \"Type\": \"Float\"}]}}",
    "KLN504"
  ),
])
func brokenRegistriesAreLocatedErrors(_ label: String, _ text: String, _ id: String) {
  do {
    _ = try AttributeRegistry.parse(Array(text.utf8), file: "r.json")
    Issue.record("\(label): parsed")
  } catch {
    #expect(error.diagnostics.allSatisfy { $0.id.rawValue.hasPrefix(id) }, "\(error)")
    #expect(error.diagnostics.allSatisfy { $0.location?.file == "r.json" })
  }
}

@Test func bothFlagsAndStringRulesAreRead() throws {
  let text = """
    {"RegistryEntries": {"Attributes": [
      {"AttributeName": "Tag", "Type": "String", "MinLength": 2, "MaxLength": 8,
       "ValueExpression": "^[A-Z]+$", "Immutable": true},
      {"AttributeName": "Step", "Type": "Integer", "LowerBound": 0, "UpperBound": 100,
       "ScalarIncrement": 5}
    ]}}
    """
  let registry = try AttributeRegistry.parse(Array(text.utf8), file: "r.json")
  let tag = try #require(registry.attribute(named: "Tag"))
  #expect(tag.minLength == 2 && tag.maxLength == 8 && tag.valueExpression == "^[A-Z]+$")
  #expect(tag.immutable && !tag.readOnly)
  #expect(registry.attribute(named: "Step")?.scalarIncrement == 5)
}
