import KilnDiagnostics
import Testing

@testable import KilnImport

/// The INI inventory reader: structure, variables and the errors Ansible raises, located.
struct IniInventoryParserTests {
  static func parse(_ text: String) throws(ImportError) -> ImportedInventory {
    var inventory = ImportedInventory()
    _ = try IniInventoryParser.parse(text, file: "hosts", into: &inventory)
    return inventory
  }

  @Test func groupsChildrenAndVariables() throws {
    let inventory = try Self.parse(
      """
      lonely
      ctl01 ansible_host=10.0.0.1 weight=3
      [control]
      ctl0[1:2]
      ; a comment
      [control:vars]
      answer = 42
      list = ['a', 'b']
      [parent:children]
      control
      child # declared later
      [child]
      cmp01:2222 role="compute node"
      """)
    #expect(inventory.hosts.map(\.name) == ["lonely", "ctl01", "ctl02", "cmp01"])
    #expect(inventory.group(named: "control")?.hosts == ["ctl01", "ctl02"])
    #expect(inventory.group(named: "parent")?.children == ["control", "child"])
    #expect(inventory.ungroupedHosts == ["lonely"])
    #expect(
      inventory.group(named: "control")?.variables.map(\.value) == [
        .int(42), .list([.string("a"), .string("b")]),
      ])
    let cmp = try #require(inventory.host(named: "cmp01"))
    #expect(cmp.variables.map(\.name) == ["ansible_port", "role"])
    #expect(cmp.variables.map(\.value) == [.int(2222), .string("compute node")])
    #expect(cmp.variables[1].location == SourceLocation(file: "hosts", line: 13, column: 1))
    let ctl = try #require(inventory.host(named: "ctl01"))
    #expect(ctl.variables.map(\.value) == [.string("10.0.0.1"), .int(3)])
  }

  @Test func laterSettingsReplaceEarlierOnesInPlace() throws {
    let inventory = try Self.parse("[g]\nh a=1 b=2\n[g2]\nh a=3\n[g:vars]\nx=1\n[g:vars]\nx=2\n")
    #expect(inventory.host(named: "h")?.variables.map(\.value) == [.int(3), .int(2)])
    #expect(inventory.group(named: "g")?.variables.map(\.value) == [.int(2)])
  }

  static let errors: [(String, Int, String)] = [
    ("[g]\nh a=1\n[g:bogus]\n", 3, "unknown type"),
    ("[g]\n[bad name]\n", 2, "Invalid section entry"),
    ("[g]\nh novalue\n", 2, "Expected key=value host variable"),
    ("[g:vars]\nnovalue\n", 2, "Expected key=value"),
    ("[g]\nh a=\"open\n", 2, "No closing quotation"),
    ("[g:children]\nmissing\n", 2, "includes undefined group 'missing'"),
    ("[nowhere:vars]\na=1\n", 1, "not valid for undefined group"),
    ("[g]\nn[01:3]\n", 2, "equal-length"),
    ("[g]\nhost:\n", 2, "ending in ':'"),
    ("[g:children]\na b\n", 2, "Expected group name"),
    ("[g]\nh a={[1]: 2}\n", 2, "TypeError"),
  ]

  @Test(arguments: errors)
  func malformedInputIsLocated(_ text: String, _ line: Int, _ message: String) {
    do {
      _ = try Self.parse(text)
      Issue.record("expected an error for \(text)")
    } catch {
      let diagnostic = error.diagnostics.first
      #expect(diagnostic?.location?.line == line)
      #expect(diagnostic?.location?.file == "hosts")
      #expect(diagnostic?.message.contains(message) == true, "\(diagnostic?.message ?? "")")
    }
  }
}
