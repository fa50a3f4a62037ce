import Foundation
import KilnTestSupport
import Testing

@Test func templateRendersWithVariablesFilesAndSet() throws {
  let directory = try TemporaryDirectory.make("template")
  defer { try? FileManager.default.removeItem(at: directory) }
  try writeFiles(
    [
      "t.j2":
        "{% include 'header.j2' %}\n\nmax={{ max }} name={{ name }}\n{% for h in hosts %}{{ h }}{% if not loop.last %},{% endif %}{% endfor %}\n",
      "header.j2": "# managed\n",
      "vars.yaml": "max: 10\nhosts: [a, b]\nname: x\n",
      "more.json": "{\"name\": \"from-json\"}",
    ], under: directory)
  let result = try KilnProcess.run(
    ["template", "t.j2", "--vars", "vars.yaml", "--vars", "more.json", "--set", "max=20"],
    in: directory)
  #expect(result.exitCode == 0, "\(result.stderr)")
  #expect(result.stdout == "# managed\nmax=20 name=from-json\na,b\n")
}

@Test func templateErrorIsLocatedAndExitsTwo() throws {
  let directory = try TemporaryDirectory.make("template-error")
  defer { try? FileManager.default.removeItem(at: directory) }
  try writeFiles(["t.j2": "line one\nvalue={{ missing_variable }}\n"], under: directory)
  let result = try KilnProcess.run(["template", "t.j2"], in: directory)
  #expect(result.exitCode == 2)
  #expect(result.stderr.contains("t.j2:2:"))
  #expect(result.stderr.contains("missing_variable"))
  #expect(result.stdout.isEmpty)
}

@Test func templateHasKilnsFromYAMLFilter() throws {
  let directory = try TemporaryDirectory.make("from-yaml")
  defer { try? FileManager.default.removeItem(at: directory) }
  try writeFiles(
    ["t.j2": "{{ ('a: [1, 2]' | from_yaml).a | sum }} {{ 'x: yes' | from_yaml }}\n"],
    under: directory)
  let result = try KilnProcess.run(["template", "t.j2"], in: directory)
  #expect(result.exitCode == 0, "\(result.stderr)")
  #expect(result.stdout == "3 {'x': 'yes'}\n")
}
