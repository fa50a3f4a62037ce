/// The table `kiln render` prints: hosts × services, each cell the number of files.
public struct RenderSummary: Sendable {
  public var result: CompileResult
  public var directory: String

  public init(result: CompileResult, directory: String) {
    self.result = result
    self.directory = directory
  }

  /// A headline, then an aligned table with a total row.
  public var text: String {
    let services = result.services.filter { name in result.files.contains { $0.service == name } }
    var counts: [String: [String: Int]] = [:]
    for file in result.files { counts[file.host, default: [:]][file.service, default: 0] += 1 }
    var rows: [[String]] = [["host"] + services + ["files"]]
    for host in result.hosts {
      let perService = services.map { counts[host]?[$0] ?? 0 }
      rows.append(
        [host] + perService.map { $0 == 0 ? "-" : String($0) } + [String(perService.reduce(0, +))])
    }
    let totals = services.map { name in result.files.filter { $0.service == name }.count }
    rows.append(["total"] + totals.map(String.init) + [String(result.files.count)])
    let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
    var text =
      "Rendered env \(result.environment) from the \(result.sourceDescription): "
      + "\(result.hosts.count) hosts, \(services.count) services, \(result.files.count) files "
      + "→ \(directory)\n\n"
    for row in rows {
      let cells = row.enumerated().map { column, cell in
        column == 0
          ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
          : String(repeating: " ", count: widths[column] - cell.count) + cell
      }
      text += cells.joined(separator: "  ") + "\n"
    }
    return text
  }
}
