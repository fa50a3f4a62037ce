/// How rendered files are arranged under the output directory.
public enum OutputLayout: String, Sendable, CaseIterable {
  /// `<out>/<host>/<dest>` — one tree per host.
  case hosts
  /// kolla-ansible's `node_custom_config` tree: `<out>/<service>/<host>/<file>`, where `<service>`
  /// is the first component of the file's destination (`mariadb/galera.cnf` →
  /// `mariadb/ctl01/galera.cnf`).
  case kolla

  /// The path of `file` relative to the output directory.
  public func relativePath(of file: RenderedFile) -> String {
    switch self {
    case .hosts:
      return "\(file.host)/\(file.path)"
    case .kolla:
      let components = file.path.split(separator: "/", maxSplits: 1).map(String.init)
      if components.count == 2 {
        return "\(components[0])/\(file.host)/\(components[1])"
      }
      return "\(file.service)/\(file.host)/\(file.path)"
    }
  }
}
