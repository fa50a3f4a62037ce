import KilnDiagnostics

/// The import diagnostics (`KLN8xx`), each defined once: errors stop an import, notes and
/// warnings go into its report.
public enum ImportDiagnostics {
  /// A malformed INI inventory line (what Ansible's `ini` inventory plugin rejects).
  public static let iniInventory: DiagnosticID = "KLN801"
  /// A malformed YAML inventory (what Ansible's `yaml` inventory plugin rejects).
  public static let yamlInventory: DiagnosticID = "KLN802"
  /// A host pattern or host range that Ansible cannot expand.
  public static let hostPattern: DiagnosticID = "KLN803"
  /// An input file or directory that cannot be read.
  public static let unreadable: DiagnosticID = "KLN804"
  /// A missing or contradictory command-line option (`--recipient` without which secrets
  /// cannot be written, an existing `--out`, …).
  public static let usage: DiagnosticID = "KLN805"
  /// A `globals.yml` or `passwords.yml` that is not a YAML mapping of variables.
  public static let variablesFile: DiagnosticID = "KLN806"
  /// A value that references Ansible facts (`ansible_facts`, `hostvars[h]['ansible_…']`),
  /// which Kiln does not gather; the value is not imported.
  public static let factReference: DiagnosticID = "KLN810"
  /// An inventory construct that has no meaning in Kiln (an unknown key, a complex number, …);
  /// it is not imported.
  public static let unknownConstruct: DiagnosticID = "KLN811"
  /// An inventory variable that kolla-ansible never sees because `globals.yml` (passed as
  /// extra vars) sets it too; it is not imported.
  public static let shadowedByGlobals: DiagnosticID = "KLN812"
  /// A password without a value (`null`): no secret is written for it.
  public static let emptyPassword: DiagnosticID = "KLN813"
  /// A `node_custom_config` file for a service that the imported repository's templates do not
  /// render: kept in the overlay, rendered by nothing.
  public static let unrenderedOverride: DiagnosticID = "KLN814"
  /// A kayobe construct that is not imported (an unknown file, a malformed environment, …).
  public static let kayobeConstruct: DiagnosticID = "KLN815"
  /// A value whose YAML 1.1 reading (Ansible's) differs from its YAML 1.2 reading (Kiln's),
  /// rewritten so Kiln reads what Ansible read.
  public static let yaml11Rewrite: DiagnosticID = "KLN816"
}

/// One or more located errors that stop an import before anything is written.
public struct ImportError: Error, Sendable, CustomStringConvertible {
  /// Every finding, in the order found.
  public var diagnostics: [Diagnostic]

  /// An error made of `diagnostics`.
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// One located error.
  public init(
    _ id: DiagnosticID, _ message: String, at location: SourceLocation?, hint: String? = nil
  ) {
    self.diagnostics = [Diagnostic(id: id, message: message, location: location, hint: hint)]
  }

  /// Every diagnostic on its own line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
