/// The table `kiln render` prints: hosts × services, each cell the number of files.
///
/// An estate of thousands of hosts would print thousands of rows, so past `foldingThreshold`
/// hosts a run of consecutive hosts (inventory order) with the same counts shares one row,
/// `first … last (N hosts)`, whose cells are the counts of each of those hosts. The total row
/// always counts every file; the output directory's `manifest.json` lists them.
public struct RenderSummary: Sendable {
  public var result: CompileResult
  public var directory: String

  /// Tables of more hosts than this fold runs of alike hosts.
  public static let foldingThreshold = 40
  /// The shortest run of alike hosts that gets one row.
  static let shortestFoldedRun = 3

  public init(result: CompileResult, directory: String) {
    self.result = result
    self.directory = directory
  }

  /// A headline, then an aligned table with a total row.
  public var text: String {
    let services = result.services.filter { name in result.files.contains { $0.service == name } }
    let column = Dictionary(uniqueKeysWithValues: services.enumerated().map { ($1, $0) })
    var counts: [String: [Int]] = [:]
    var totals = [Int](repeating: 0, count: services.count)
    for file in result.files {
      guard let position = column[file.service] else { continue }
      counts[file.host, default: [Int](repeating: 0, count: services.count)][position] += 1
      totals[position] += 1
    }
    let empty = [Int](repeating: 0, count: services.count)
    let hostRows = Self.rows(
      hosts: result.hosts, counts: { counts[$0] ?? empty },
      folding: result.hosts.count > Self.foldingThreshold)
    var rows: [[String]] = [["host"] + services + ["files"]]
    for row in hostRows {
      rows.append(
        [row.label] + row.counts.map { $0 == 0 ? "-" : String($0) }
          + [String(row.counts.reduce(0, +))])
    }
    rows.append(["total"] + totals.map(String.init) + [String(result.files.count)])
    var text =
      "Rendered env \(result.environment) from the \(result.sourceDescription): "
      + "\(result.hosts.count) hosts, \(services.count) services, \(result.files.count) files "
      + "→ \(directory)\n"
    if hostRows.count < result.hosts.count {
      text += "Hosts in a row with the same files share it: `first … last (N hosts)`.\n"
    }
    return text + "\n" + Self.aligned(rows)
  }

  /// One table row: a host, or a run of hosts with equal `counts`.
  struct Row: Equatable {
    var label: String
    var counts: [Int]
  }

  /// The host rows, runs of `shortestFoldedRun` or more alike hosts folded when `folding`.
  static func rows(hosts: [String], counts: (String) -> [Int], folding: Bool) -> [Row] {
    var rows: [Row] = []
    var start = 0
    while start < hosts.count {
      let first = counts(hosts[start])
      var end = start + 1
      while folding, end < hosts.count, counts(hosts[end]) == first { end += 1 }
      if end - start >= shortestFoldedRun {
        let label = "\(hosts[start]) … \(hosts[end - 1]) (\(end - start) hosts)"
        rows.append(Row(label: label, counts: first))
      } else {
        rows += hosts[start..<end].map { Row(label: $0, counts: counts($0)) }
      }
      start = end
    }
    return rows
  }

  /// The rows as text: the first column left-aligned, the others right-aligned.
  private static func aligned(_ rows: [[String]]) -> String {
    let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
    var text = ""
    for row in rows {
      let cells = row.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return column == 0 ? cell + padding : padding + cell
      }
      text += cells.joined(separator: "  ") + "\n"
    }
    return text
  }
}
