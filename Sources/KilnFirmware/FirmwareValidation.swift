import KilnDiagnostics
import KilnGit
import KilnModel

/// The KLN5xx findings of one environment, for `kiln check`: problems in the profiles and
/// registries, and in every host's resolved BIOS settings and RAID layout, each located at the
/// profile line or the layer line that set the offending value.
public enum FirmwareValidation {
  /// Every finding, deduplicated (hosts sharing a profile line share its finding) and sorted
  /// with `sortedForOutput()`. Never throws: what cannot be loaded is itself a finding.
  public static func findings(for environment: ResolvedEnvironment, source: any SourceTree)
    -> [Diagnostic]
  {
    let catalog = FirmwareCatalog.load(from: source)
    var diagnostics = catalog.diagnostics
    for host in FirmwareRenderer.firmwareHosts(of: environment, among: environment.hosts) {
      _ = HostFirmware.resolve(
        host: host, environment: environment, catalog: catalog, diagnostics: &diagnostics)
    }
    return deduplicated(diagnostics)
  }

  /// `findings(for:source:)` reading the repository the environment was resolved from.
  public static func findings(for environment: ResolvedEnvironment) -> [Diagnostic] {
    findings(for: environment, source: environment.repository.source)
  }

  /// `diagnostics` without repeats, in output order.
  static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var seen = Set<Diagnostic>()
    return diagnostics.filter { seen.insert($0).inserted }.sortedForOutput()
  }
}

/// Renders the firmware documents of hosts that select a profile (service `firmware`).
public enum FirmwareRenderer {
  /// The service whose hosts get firmware files (`templates/firmware/service.yaml`).
  public static let service = "firmware"

  /// The files of every host of `hosts` that runs the `firmware` service and selects a
  /// profile, in `hosts` order; throws every error finding of those hosts (including the
  /// problems of the profiles they select), so nothing is rendered from a broken profile.
  public static func files(
    for environment: ResolvedEnvironment, hosts: [String], source: any SourceTree
  ) throws(DiagnosticsError) -> [HostFirmwareFiles] {
    let catalog = FirmwareCatalog.load(from: source)
    var errors: [Diagnostic] = []
    var result: [HostFirmwareFiles] = []
    for host in firmwareHosts(of: environment, among: hosts) {
      do {
        let files = try self.files(forHost: host, environment: environment, catalog: catalog)
        if !files.isEmpty { result.append(HostFirmwareFiles(host: host, files: files)) }
      } catch {
        errors += error.diagnostics
      }
    }
    if !errors.isEmpty { throw DiagnosticsError(FirmwareValidation.deduplicated(errors)) }
    return result
  }

  /// The files of one host (empty when it selects no profile); throws the host's error
  /// findings, and the catalog's when the host's profile is broken.
  public static func files(
    forHost host: String, environment: ResolvedEnvironment, catalog: FirmwareCatalog
  ) throws(DiagnosticsError) -> [FirmwareFile] {
    var findings: [Diagnostic] = []
    let firmware = HostFirmware.resolve(
      host: host, environment: environment, catalog: catalog, diagnostics: &findings)
    let errors = findings.filter { $0.severity == .error }
    if !errors.isEmpty { throw DiagnosticsError(FirmwareValidation.deduplicated(errors)) }
    guard let firmware else { return [] }
    return firmware.shared.map { FirmwareDocuments.files(firmware, shared: $0) }
      ?? FirmwareDocuments.files(firmware)
  }

  /// The hosts of `hosts` that run the `firmware` service, in `hosts` order.
  static func firmwareHosts(of environment: ResolvedEnvironment, among hosts: [String])
    -> [String]
  {
    guard environment.repository.service(named: service) != nil else { return [] }
    let running = Set(environment.hosts(runningService: service))
    return hosts.filter { running.contains($0) }
  }
}

/// One host's firmware files.
public struct HostFirmwareFiles: Sendable, Hashable {
  /// The inventory host.
  public var host: String
  /// `firmware/bios.json`, `firmware/kayobe.yml` and, with logical disks, `firmware/raid.json`,
  /// in path order.
  public var files: [FirmwareFile]
}
