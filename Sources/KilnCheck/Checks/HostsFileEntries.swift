import KilnDiagnostics
import KilnFormats

/// In every rendered hosts file each name appears exactly once (KLN406) and an inventory host's
/// names resolve to that host's API address (KLN407): duplicate or stale entries break
/// RabbitMQ clustering.
enum HostsFileEntries {
  static func findings(in context: CheckContext) -> [Diagnostic] {
    var found = HostFindings()
    let hosts = Set(context.environment.hosts)
    for (file, model) in context.parsedFiles() {
      guard case .hosts(let hostsFile) = model else { continue }
      var firstLine: [String: Int] = [:]
      for entry in hostsFile.entries {
        let line = entry.location?.line ?? 1
        for name in entry.names {
          if let first = firstLine[name] {
            found.add(
              Diagnostic(
                id: CheckID.hostsDuplicate,
                message:
                  "'\(name)' appears more than once in \(file.path) (lines \(first) and \(line))",
                location: context.templateLocation(of: file, line: line),
                hint: "write each name once; a name listed twice resolves unpredictably"),
              host: file.host,
              notes: [RelatedLocation(CheckContext.rendered(file, line: line), note: "rendered")])
            continue
          }
          firstLine[name] = line
          guard let host = inventoryHost(named: name, among: hosts),
            let expected = context.apiAddress(of: host), expected != entry.address
          else { continue }
          found.add(
            Diagnostic(
              id: CheckID.hostsWrongAddress,
              message:
                "'\(name)' resolves to \(entry.address) in \(file.path), not to \(host)'s API "
                + "address \(expected)",
              location: context.templateLocation(of: file, line: line),
              hint: "write the host's api_interface_address"),
            host: file.host,
            notes: [RelatedLocation(CheckContext.rendered(file, line: line), note: "rendered")])
        }
      }
    }
    return found.grouped()
  }

  /// The inventory host a hosts-file name stands for: the host itself or `host.<domain>`.
  static func inventoryHost(named name: String, among hosts: Set<String>) -> String? {
    if hosts.contains(name) { return name }
    guard let dot = name.firstIndex(of: ".") else { return nil }
    let short = String(name[..<dot])
    return hosts.contains(short) ? short : nil
  }
}
