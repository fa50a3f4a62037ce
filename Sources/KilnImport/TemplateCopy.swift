/// Copies the service templates of an existing Kiln repository (`--templates-from REPO`) into
/// an imported one, byte for byte, so the imported repository renders on its own.
public enum TemplateCopy {
  /// The `templates/**` files of `repository` and the services they declare.
  public static func files(from repository: String) throws(ImportError) -> (
    files: [RepositoryFile], services: [ServiceFiles]
  ) {
    let directory = "\(repository)/templates"
    var files: [RepositoryFile] = []
    var services: [ServiceFiles] = []
    for path in try InputFiles.files(under: directory) {
      let bytes = try InputFiles.bytes("\(directory)/\(path)")
      files.append(RepositoryFile(path: "templates/\(path)", bytes: bytes))
      if path.hasSuffix("/service.yaml"),
        let service = ServiceFiles.read(String(decoding: bytes, as: UTF8.self), file: path)
      {
        services.append(service)
      }
    }
    return (files, services)
  }
}
