import Foundation
import Testing

extension DaemonTests {
  /// Every rendered `galera.cnf` goes through MariaDB's own option parser.
  @Suite struct MariaDB {
    /// Options whose effective value `mariadbd --help --verbose` must report as rendered.
    static let reportedOptions = [
      "max-connections", "wsrep-cluster-address", "wsrep-node-name", "wsrep-node-address",
      "wsrep-cluster-name", "wsrep-sst-method", "innodb-buffer-pool-size", "bind-address",
    ]

    @Test(arguments: ["prod", "staging"])
    func everyGaleraConfigIsAcceptedWithItsValues(environment: String) throws {
      let mariadbd = try DaemonTool.locate("mariadbd", package: "mariadb-server")
      let rendered = try RenderedExample(environment: environment)
      defer { rendered.remove() }
      let files = try rendered.files("mariadb/galera.cnf")
      try #require(!files.isEmpty, "no galera.cnf rendered for \(environment)")
      for (host, url) in files {
        let run = try DaemonTool.run([
          mariadbd, "--defaults-file=\(url.path)", "--help", "--verbose",
        ])
        #expect(
          run.exitCode == 0, "\(host): mariadbd rejected galera.cnf:\n\(run.output.suffix(2000))")
        let reported = Self.effectiveValues(run.output)
        let configured = Self.mysqldOptions(try readText(url))
        for option in Self.reportedOptions {
          let value = try #require(configured[option], "\(host): galera.cnf does not set \(option)")
          #expect(reported[option] == Self.normalized(value), "\(host): \(option)")
        }
      }
    }

    @Test func unknownOptionIsRejected() throws {
      let mariadbd = try DaemonTool.locate("mariadbd", package: "mariadb-server")
      let rendered = try RenderedExample(environment: "staging")
      defer { rendered.remove() }
      let url = try #require(try rendered.files("mariadb/galera.cnf").first).url
      let broken = url.deletingLastPathComponent().appendingPathComponent("broken.cnf")
      let text = try readText(url).replacingOccurrences(
        of: "[mysqld]\n", with: "[mysqld]\nkiln_no_such_option=1\n")
      try writeText(text, to: broken)
      let run = try DaemonTool.run([
        mariadbd, "--defaults-file=\(broken.path)", "--help", "--verbose",
      ])
      #expect(run.exitCode == 7)
      #expect(run.output.contains("unknown variable 'kiln_no_such_option=1'"), "\(run.output)")
    }

    /// The `[mysqld]` options of an option file, names spelled with dashes, last one wins.
    static func mysqldOptions(_ text: String) -> [String: String] {
      var options: [String: String] = [:]
      var section = ""
      for raw in text.split(separator: "\n") {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("[") {
          section = line
        } else if section == "[mysqld]", let equals = line.firstIndex(of: "=") {
          let name = line[..<equals].trimmingCharacters(in: .whitespaces)
          let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
          options[name.replacingOccurrences(of: "_", with: "-")] = value
        }
      }
      return options
    }

    /// The name/value table that `--help --verbose` prints after its option list.
    static func effectiveValues(_ output: String) -> [String: String] {
      var values: [String: String] = [:]
      for line in output.split(separator: "\n") {
        let parts = line.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, !line.hasPrefix(" ") else { continue }
        values[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces)
      }
      return values
    }

    /// A value as mariadbd prints it: outer quotes removed, `K`/`M`/`G` sizes in bytes.
    static func normalized(_ value: String) -> String {
      var text = value
      if text.count >= 2, let first = text.first, first == text.last, first == "'" || first == "\""
      {
        text = String(text.dropFirst().dropLast())
      }
      let multipliers: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
      if let unit = text.last, let multiplier = multipliers[unit], let number = Int(text.dropLast())
      {
        return String(number * multiplier)
      }
      return text
    }
  }
}
