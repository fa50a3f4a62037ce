import KilnDiagnostics
import KilnFirmware
import KilnModel

/// The compiler's firmware step: `firmware/bios.json`, `firmware/raid.json` and
/// `firmware/kayobe.yml` for each host that runs the `firmware` service and selects a
/// hardware-class profile. The profiles are loaded once per compile; each host's files join its
/// rendered files before overlay patches, so patches may target them too.
struct FirmwareStage: Sendable {
  /// The profiles, nil when the `firmware` service is not selected.
  let catalog: FirmwareCatalog?

  /// The stage for `environment` when `templates` (the selected services) include `firmware`.
  init(environment: ResolvedEnvironment, templates: ServiceTemplates) {
    catalog =
      templates.includes(service: FirmwareRenderer.service)
      ? FirmwareCatalog.load(from: environment.repository.source) : nil
  }

  /// The firmware files of `host`, or the errors that stop its render.
  func render(host: String, environment: ResolvedEnvironment) -> (
    files: [RenderedFile], failures: [Diagnostic]
  ) {
    guard let catalog,
      environment.services(onHost: host).contains(where: { $0.name == FirmwareRenderer.service })
    else { return ([], []) }
    do {
      let files = try FirmwareRenderer.files(
        forHost: host, environment: environment, catalog: catalog)
      return (
        files.map { file in
          RenderedFile(
            host: host, path: file.path, contents: file.contents, mode: 0o644,
            service: FirmwareRenderer.service, format: file.format, isSecret: false)
        }, []
      )
    } catch {
      return ([], error.diagnostics)
    }
  }
}
