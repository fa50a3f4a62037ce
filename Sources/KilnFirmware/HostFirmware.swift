import KilnDiagnostics
import KilnModel

/// One host's firmware settings: its profile with the host's layers applied.
public struct HostFirmware: Sendable {
  /// The inventory host.
  public var host: String
  /// The `firmware_profile` value and the line that set it.
  public var selection: NameReference
  /// The profile's settings with the host's `firmware_*` overrides merged in.
  public var settings: FirmwareProfile
  /// The documents of `settings`, shared with every host of the same profile and overrides.
  var shared: FirmwareDocuments.Shared?

  /// Resolves `host` of `environment` against `catalog`. Returns nil when the host selects
  /// no profile or its profile cannot be used (its problems are then the host's); every
  /// finding goes to `diagnostics`.
  static func resolve(
    host: String, environment: ResolvedEnvironment, catalog: FirmwareCatalog,
    diagnostics: inout [Diagnostic]
  ) -> HostFirmware? {
    let variables: HostVariables
    do {
      variables = try environment.variables(forHost: host)
    } catch {
      diagnostics += error.diagnostics
      return nil
    }
    let overrides = HostFirmwareVariables(variables)
    diagnostics += overrides.diagnostics
    guard let selection = overrides.selection else { return nil }
    guard let profile = catalog.profile(named: selection.name) else {
      if catalog.names.contains(selection.name) {
        diagnostics += catalog.problems(ofProfile: selection.name)
      } else {
        diagnostics.append(unknownProfile(selection, catalog: catalog))
      }
      return nil
    }
    let registry = catalog.registry(of: profile)
    guard let key = ProfileDocumentMemo.Key(profile: profile.name, layer: overrides.layer) else {
      let settings = profile.applying(overrides.layer)
      diagnostics += findings(of: settings, registry: registry)
      return HostFirmware(host: host, selection: selection, settings: settings)
    }
    let entry = catalog.documentMemo.entry(key) {
      let settings = profile.applying(overrides.layer)
      return ProfileDocumentMemo.Entry(
        settings: settings, findings: findings(of: settings, registry: registry),
        documents: FirmwareDocuments.shared(settings))
    }
    diagnostics += entry.findings
    return HostFirmware(
      host: host, selection: selection, settings: entry.settings, shared: entry.documents)
  }

  /// The BIOS and RAID findings of `settings`.
  private static func findings(of settings: FirmwareProfile, registry: AttributeRegistry?)
    -> [Diagnostic]
  {
    BIOSValidation.findings(settings.attributes, registry: registry)
      + RAIDValidation.findings(settings.logicalDisks, physicalDisks: settings.physicalDisks)
  }

  private static func unknownProfile(
    _ selection: NameReference, catalog: FirmwareCatalog
  ) -> Diagnostic {
    let known =
      catalog.names.isEmpty ? "none are defined" : "known: " + catalog.names.joined(separator: ", ")
    return FirmwareDiagnostics.error(
      FirmwareDiagnostics.unknownProfile,
      "firmware_profile names profile '\(selection.name)', which does not exist",
      at: selection.location,
      hint: [FirmwareDiagnostics.suggestion(for: selection.name, among: catalog.names), known]
        .compactMap { $0 }.joined(separator: " ")
        + "; profiles are \(FirmwareCatalog.profilesDirectory)/<name>.yaml")
  }
}
