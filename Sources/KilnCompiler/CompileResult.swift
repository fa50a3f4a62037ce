import KilnDiagnostics

/// The outcome of compiling an environment: every rendered file, sorted by host then path.
public struct CompileResult: Sendable {
  public var environment: String
  /// Where the inputs were read from (`working tree` or a commit).
  public var sourceDescription: String
  /// The hosts compiled, in inventory order.
  public var hosts: [String]
  /// The services compiled, by name.
  public var services: [String]
  public var files: [RenderedFile]
  /// Non-fatal findings from loading the repository.
  public var warnings: [Diagnostic]

  /// The manifest's bytes.
  public var manifest: [UInt8] {
    Manifest.encode(environment: environment, source: sourceDescription, files: files)
  }

  /// Writes the files and the manifest to `directory`, replacing it atomically.
  public func write(to directory: String, layout: OutputLayout) throws(DiagnosticsError) {
    try OutputWriter(directory: directory, layout: layout).write(files: files, manifest: manifest)
  }
}
