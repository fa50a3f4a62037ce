import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reading and writing bundles, their signature files and keys on disk.
public enum BundleFiles {
  /// Writes `NAME.kiln`, `NAME.kiln.dsse.json` and `NAME.kiln.minisig` (each atomically).
  public static func write(_ bundle: SealedBundle, to path: String) throws {
    try Data(bundle.archive).write(to: URL(fileURLWithPath: path), options: .atomic)
    try Data(bundle.envelope.json.utf8).write(
      to: URL(fileURLWithPath: path + ".dsse.json"), options: .atomic)
    try Data(bundle.minisign.fileText.utf8).write(
      to: URL(fileURLWithPath: path + ".minisig"), options: .atomic)
  }

  /// Reads a bundle and every signature beside it: `NAME.kiln.dsse.json`, `NAME.kiln.minisig`
  /// and co-signatures named `NAME.kiln.<signer>.minisig`. Refuses an archive over `limit`
  /// bytes before reading it.
  public static func read(_ path: String, limit: Int) throws -> BundleInput {
    let url = URL(fileURLWithPath: path)
    let name = url.lastPathComponent
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    if let size = attributes[.size] as? Int, size > limit {
      throw BundleRejection(
        .oversize, "\(name) is \(size) bytes, over max_bundle_bytes \(limit)")
    }
    guard attributes[.type] as? FileAttributeType == .typeRegular else {
      throw BundleRejection(.malformedArchive, "\(name) is not a regular file")
    }
    let archive = try Array(Data(contentsOf: url))
    let directory = url.deletingLastPathComponent()
    let envelope = try? Data(contentsOf: URL(fileURLWithPath: path + ".dsse.json"))
    var minisigns: [(name: String, text: String)] = []
    let siblings = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for sibling in siblings.sorted()
    where sibling.hasPrefix(name + ".") && sibling.hasSuffix(".minisig") {
      let data = try Data(contentsOf: directory.appendingPathComponent(sibling))
      guard data.count <= 16384 else {
        throw BundleRejection(.malformedSignature, "\(sibling) is too large for a signature")
      }
      minisigns.append((sibling, String(decoding: data, as: UTF8.self)))
    }
    return BundleInput(
      archive: archive, archiveName: name, envelope: envelope.map { Array($0) },
      minisigns: minisigns)
  }

  /// Writes `NAME.key` (mode 0600, refused when it exists unless `force`), `NAME.pub`
  /// (minisign) and `NAME.pub.json` (securesystemslib); returns the three paths.
  public static func writeKeyPair(_ key: SigningKey, name: String, force: Bool) throws -> [String] {
    let secretPath = name + ".key"
    if FileManager.default.fileExists(atPath: secretPath) {
      guard force else {
        throw KeyFormatError("\(secretPath) exists; pass --force to replace it")
      }
      try FileManager.default.removeItem(atPath: secretPath)
    }
    let descriptor = open(secretPath, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else {
      throw KeyFormatError("cannot create \(secretPath): \(String(cString: strerror(errno)))")
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    try handle.write(contentsOf: Data(key.secretKeyFile.utf8))
    try handle.close()
    try Data(key.publicKey.minisignFile.utf8).write(
      to: URL(fileURLWithPath: name + ".pub"), options: .atomic)
    try Data(key.publicKey.securesystemslibJSON.utf8).write(
      to: URL(fileURLWithPath: name + ".pub.json"), options: .atomic)
    return [secretPath, name + ".pub", name + ".pub.json"]
  }
}
