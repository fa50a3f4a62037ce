import Testing

@testable import KilnImport

/// globals.yml keeps its text; YAML 1.1 values and fact references are handled and reported.
struct GlobalsConversionTests {
  @Test func rewritesYAML11ValuesAndCommentsOutFacts() throws {
    let source = """
      # globals
      enable_x: yes
      enable_y: "yes"
      mode: 0644
      vip: "{{ ansible_default_ipv4.address }}"
      list:
        - "{{ hostvars[inventory_hostname]['ansible_' ~ api_interface] }}"
      kept: "{{ ansible_host }}"

      """
    let conversion = try GlobalsConversion(text: source, file: "globals.yml")
    #expect(
      conversion.text == """
        # globals
        enable_x: true
        enable_y: "yes"
        mode: 420
        # kiln import: not imported (Ansible facts): vip: "{{ ansible_default_ipv4.address }}"
        # kiln import: not imported (Ansible facts): list:
        # kiln import: not imported (Ansible facts):   - "{{ hostvars[inventory_hostname]['ansible_' ~ api_interface] }}"
        kept: "{{ ansible_host }}"

        """)
    #expect(conversion.variables.map(\.name) == ["enable_x", "enable_y", "mode", "kept"])
    let facts = conversion.diagnostics.filter { $0.id == ImportDiagnostics.factReference }
    #expect(facts.map { $0.location?.line } == [5, 6])
  }

  @Test func extractsRequestedKeys() throws {
    let conversion = try GlobalsConversion(
      text: "a: 1\nbios_config:\n  X: y\nb: 2\n", file: "f.yml", extracting: ["bios_config"])
    #expect(conversion.extracted.map { $0.key.string } == ["bios_config"])
    #expect(conversion.text.contains("# kiln import: converted: bios_config:"))
    #expect(conversion.variables.map(\.name) == ["a", "b"])
  }

  @Test(arguments: ["- a\n", "a: [\n", "just text\n"])
  func rejectsWhatIsNotAMapping(_ text: String) {
    #expect(throws: ImportError.self) { try GlobalsConversion(text: text, file: "globals.yml") }
  }
}
