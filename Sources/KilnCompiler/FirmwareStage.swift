import KilnDiagnostics
import KilnFirmware
import KilnGit
import KilnModel

/// The compiler's firmware step: `firmware/bios.json`, `firmware/raid.json` and
/// `firmware/kayobe.yml` for every selected host that selects a hardware-class profile.
enum FirmwareStage {
  /// The rendered files, or the errors that stop the render (nothing is written then).
  struct Outcome {
    var files: [RenderedFile] = []
    var errors: [Diagnostic] = []
  }

  /// Renders the firmware files of `hosts` when the `firmware` service is selected.
  static func render(
    environment: ResolvedEnvironment, hosts: [String], services: Set<String>,
    source: any SourceTree
  ) -> Outcome {
    guard services.contains(FirmwareRenderer.service) else { return Outcome() }
    do {
      let rendered = try FirmwareRenderer.files(
        for: environment, hosts: hosts, source: source)
      return Outcome(
        files: rendered.flatMap { host in
          host.files.map { file in
            RenderedFile(
              host: host.host, path: file.path, contents: file.contents, mode: 0o644,
              service: FirmwareRenderer.service, format: file.format, isSecret: false)
          }
        })
    } catch {
      return Outcome(errors: error.diagnostics)
    }
  }
}
