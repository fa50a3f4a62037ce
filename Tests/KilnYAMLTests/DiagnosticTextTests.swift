import KilnDiagnostics
import KilnYAML
import Testing

@Suite("Diagnostic text as the user reads it")
struct DiagnosticTextTests {
  static let cases: [(source: String, text: String)] = [
    (
      "mariadb:\n  max_connections: 100\n   innodb: 5\n",
      """
      group_vars/all.yaml:3:4: error[KLN101]: bad indentation: this line is indented deeper \
      than the key on line 2, so it reads as part of that key's value
        note: group_vars/all.yaml:3:10: the parser noticed the problem here
        hint: align the key with column 3, or move the value on line 2 to a nested block

      """
    ),
    (
      "name: \"rabbitmq\nport: 5672\n",
      """
      group_vars/all.yaml:1:7: error[KLN101]: unterminated quoted string: the quote opened \
      here is never closed
        note: group_vars/all.yaml:3:1: the file ends here, still inside the string
        hint: add the closing quote; inside single quotes write '' for a quote, inside double \
      quotes write \\"

      """
    ),
    (
      "servers: !apend [a]\n",
      """
      group_vars/all.yaml:1:10: error[KLN103]: unknown tag '!apend'; did you mean '!append'?
        hint: use one of Kiln's tags: !append !prepend !remove !replace !unset !secret (and \
      the standard !!str !!int !!float !!bool !!null !!map !!seq); or quote the value if the \
      '!' is text

      """
    ),
    (
      "hosts:\n  ctl01: {}\n  ctl01: {}\n",
      """
      group_vars/all.yaml:3:3: error[KLN102]: duplicate key 'ctl01' in this mapping
        note: group_vars/all.yaml:2:3: 'ctl01' first defined here
        hint: remove one of the two definitions, or merge their values under one key

      """
    ),
  ]

  @Test("common mistakes read as located sentences with a hint", arguments: cases)
  func rendered(source: String, text: String) throws {
    do {
      _ = try YAMLParser.parse(source, file: "group_vars/all.yaml")
      Issue.record("parsed")
    } catch {
      #expect(error.description == text)
    }
  }

  @Test("a YAML 1.1 boolean warning reads as a located warning with a hint")
  func warningText() throws {
    let document = try YAMLParser.parse("enable_tls: yes\n", file: "group_vars/all.yaml")
    #expect(
      DiagnosticRenderer.text(document.warnings) == """
        group_vars/all.yaml:1:13: warning[KLN108]: 'yes' is read as the string "yes"; YAML 1.1 \
        tools such as Ansible read it as the boolean true
          hint: write true for a boolean, or quote it ("yes") to keep the string

        """)
  }
}
