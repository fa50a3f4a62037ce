import Foundation
import Testing

@Suite(.serialized) struct ExplainCommandTests {
  @Test func variableShowsEveryLayerLowestFirstWithLocations() throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    let result = try fixture.kiln(
      "explain", "--env", "prod", "--host", "ctl01", "--var", "mariadb_max_connections")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("value: 8192"))
    let defaults = result.stdout.range(of: "templates/mariadb/defaults.yaml:")
    let overlay = result.stdout.range(of: "overlays/galera-tuning/overlay.yaml:")
    #expect(defaults != nil && overlay != nil, "\(result.stdout)")
    if let defaults, let overlay {
      #expect(defaults.lowerBound < overlay.lowerBound)
    }
    let overlayLine = result.stdout.split(separator: "\n").first {
      $0.contains("overlays/galera-tuning")
    }
    #expect(overlayLine?.contains("← effective") == true)
  }

  @Test func variableOriginPointsAtTheRealLine() throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    let result = try fixture.kiln(
      "explain", "--env", "prod", "--host", "ctl01", "--var", "mariadb_max_connections")
    let pattern = /overlays\/galera-tuning\/overlay.yaml:(\d+):(\d+)/
    let match = try #require(result.stdout.firstMatch(of: pattern))
    let line = Int(match.1)!
    let column = Int(match.2)!
    let source = try fixture.read("overlays/galera-tuning/overlay.yaml").split(
      separator: "\n", omittingEmptySubsequences: false)
    let text = String(source[line - 1])
    #expect(text.contains("mariadb_max_connections"))
    #expect(String(text.dropFirst(column - 1)).hasPrefix("8192"))
  }

  @Test func fileLineNamesTemplateLineAndValues() throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    #expect(try fixture.kiln("render", "--env", "staging", "--host", "stg-ctl01").exitCode == 0)
    let galera = try fixture.read("out/staging/stg-ctl01/mariadb/galera.cnf").split(
      separator: "\n", omittingEmptySubsequences: false)
    let index = try #require(galera.firstIndex { $0.hasPrefix("bind-address=") })
    let result = try fixture.kiln(
      "explain", "--env", "staging", "--host", "stg-ctl01", "mariadb/galera.cnf:\(index + 1)")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\(index + 1) | bind-address="))
    #expect(result.stdout.contains("templates/mariadb/galera.cnf.j2:11:"))
    #expect(
      result.stdout.contains("api_interface_address ← environments/staging/host_vars/stg-ctl01"))
    #expect(!result.stdout.contains("note: overlay patches"))
  }

  @Test func patchedFileSaysTheOverlayChangedIt() throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    let result = try fixture.kiln(
      "explain", "--env", "prod", "--host", "ctl01", "mariadb/galera.cnf:9")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("note: overlay patches (galera-tuning)"))
  }

  /// Line numbers are the patched file's: a line the overlay's fragment wrote names the
  /// fragment's line, a line the merge rewrote (quotes dropped) names the template line.
  @Test(arguments: [
    ("innodb_io_capacity = 4000", "overlays/galera-tuning/galera.cnf:3:", "ansible_memtotal_mb ←"),
    (
      "innodb_log_file_size = 4096M", "templates/mariadb/galera.cnf.j2:57:",
      "mariadb_innodb_log_file_size_mb ← overlays/galera-tuning/overlay.yaml:5:"
    ),
  ])
  func patchedLinesNameWhatWroteThem(line: String, writer: String, variable: String) throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    #expect(try fixture.kiln("render", "--env", "prod", "--host", "ctl01").exitCode == 0)
    let rendered = try fixture.read("out/prod/ctl01/mariadb/galera.cnf")
      .split(separator: "\n", omittingEmptySubsequences: false)
    let number = try #require(rendered.firstIndex { $0 == line }) + 1
    let result = try fixture.kiln(
      "explain", "--env", "prod", "--host", "ctl01", "mariadb/galera.cnf:\(number)")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains(String(format: "%5d | ", number) + line))
    #expect(result.stdout.contains(writer), "\(result.stdout)")
    #expect(result.stdout.contains(variable), "\(result.stdout)")
  }

  @Test func unknownFileSuggestsTheHostsFiles() throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    let result = try fixture.kiln(
      "explain", "--env", "prod", "--host", "ctl01", "mariadb/galera.cfg")
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("did you mean 'mariadb/galera.cnf'"))
  }
}
