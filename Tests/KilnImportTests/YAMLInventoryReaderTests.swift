import Testing

@testable import KilnImport

/// The YAML inventory reader: Ansible's `yaml` plugin structure and YAML 1.1 readings.
struct YAMLInventoryReaderTests {
  @Test func structureVariablesAndSkippedKeys() throws {
    var inventory = ImportedInventory()
    let notes = try YAMLInventoryReader.parse(
      """
      all:
        vars: {enabled: yes, mode: 0755}
        hosts:
          solo:
        children:
          control:
            hosts:
              ctl[01:02]: {ansible_host: 10.0.0.1}
            vars: {x: 1}
            color: blue
          mariadb:
            children:
              control:
      """, file: "inventory.yml", into: &inventory)
    #expect(inventory.hosts.map(\.name) == ["solo", "ctl01", "ctl02"])
    #expect(inventory.group(named: "mariadb")?.children == ["control"])
    #expect(inventory.group(named: "all")?.variables.map(\.value) == [.bool(true), .int(493)])
    #expect(inventory.ungroupedHosts == ["solo"])
    #expect(notes.count == 1)
    #expect(notes.first?.location?.line == 10)
  }

  @Test(arguments: [
    ("", "empty"), ("- a\n", "dictionary"), ("plugin: aws_ec2\n", "Plugin configuration"),
    ("all:\n  hosts: [a, b]\n", "requires a dictionary"),
    ("all:\n  hosts:\n    h: [1]\n", "expected dictionary"),
    ("all: {hosts: {'n[01:3]': {}}}\n", "equal-length"),
  ])
  func malformed(_ text: String, _ message: String) {
    var inventory = ImportedInventory()
    do {
      _ = try YAMLInventoryReader.parse(text, file: "inv.yml", into: &inventory)
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostics.first?.message.contains(message) == true)
      #expect(error.diagnostics.first?.location?.file == "inv.yml")
    }
  }
}
