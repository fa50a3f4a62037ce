import KilnDiagnostics
import KilnGit
import KilnModel
import KilnYAML

/// Every hardware-class profile of a repository, with `extends:` resolved and registries read.
///
/// Problems (malformed files, unknown parents, cycles, unreadable registries) are collected in
/// `diagnostics`; a profile with such a problem is not in `profiles`, so hosts that select it
/// add no finding of their own beyond the profile's.
public struct FirmwareCatalog: Sendable {
  /// Where profiles and registries live.
  public static let directory = "templates/firmware"
  /// The profiles directory.
  public static let profilesDirectory = "templates/firmware/profiles"

  /// Every profile file's name (its stem), sorted.
  public private(set) var names: [String] = []
  /// The resolved profiles by name.
  private var profiles: [String: FirmwareProfile] = [:]
  /// The registries by path relative to `templates/firmware/`.
  private var registries: [String: AttributeRegistry] = [:]
  /// Problems found while loading.
  public private(set) var diagnostics: [Diagnostic] = []

  /// The resolved profile named `name`, nil if it does not exist or is broken.
  public func profile(named name: String) -> FirmwareProfile? { profiles[name] }

  /// The registry `profile` names, if it names one that could be read.
  public func registry(of profile: FirmwareProfile) -> AttributeRegistry? {
    profile.registry.flatMap { registries[$0.name] }
  }

  /// Reads every `templates/firmware/profiles/*.yaml` of `source`.
  public static func load(from source: any SourceTree) -> FirmwareCatalog {
    var catalog = FirmwareCatalog()
    var layers: [String: (file: String, layer: ProfileLayer)] = [:]
    for (name, file) in catalog.profileFiles(source) {
      guard let root = catalog.document(file, source) else { continue }
      var reader = ProfileReader(file: file)
      let layer = reader.read(root)
      catalog.diagnostics += reader.diagnostics
      if reader.diagnostics.isEmpty { layers[name] = (file, layer) }
      catalog.names.append(name)
    }
    catalog.names.sort()
    for name in catalog.names {
      guard let profile = catalog.resolve(name, layers) else { continue }
      if catalog.checkRequired(profile), catalog.loadRegistry(of: profile, source) {
        catalog.profiles[name] = profile
      }
    }
    return catalog
  }

  private mutating func profileFiles(_ source: any SourceTree) -> [(String, String)] {
    let entries: [TreeEntry]
    do {
      entries = try source.listDirectory(Self.profilesDirectory) ?? []
    } catch {
      diagnostics.append(error.diagnostic)
      return []
    }
    return entries.compactMap { entry in
      guard entry.kind != .directory else { return nil }
      for suffix in [".yaml", ".yml"] where entry.name.hasSuffix(suffix) {
        return (
          String(entry.name.dropLast(suffix.count)), "\(Self.profilesDirectory)/\(entry.name)"
        )
      }
      return nil
    }
  }

  private mutating func document(_ file: String, _ source: any SourceTree) -> YAMLNode? {
    do {
      guard let bytes = try source.readFile(file) else { return nil }
      return try YAMLParser.parse(bytes: bytes, file: file).root
    } catch let error as GitError {
      diagnostics.append(error.diagnostic)
    } catch let error as YAMLError {
      diagnostics.append(error.diagnostic)
    } catch {
      diagnostics.append(Diagnostic(id: FirmwareDiagnostics.malformedProfile, message: "\(error)"))
    }
    return nil
  }

  /// `name` merged over its `extends:` chain; nil (and a finding) for an unknown parent or a
  /// cycle, nil without a finding when a file of the chain was malformed.
  private mutating func resolve(
    _ name: String, _ layers: [String: (file: String, layer: ProfileLayer)]
  ) -> FirmwareProfile? {
    var chain: [String] = []
    var current = name
    // Each cycle is reported once, by its alphabetically first member.
    while true {
      guard let entry = layers[current] else { return nil }
      chain.append(current)
      guard let parent = entry.layer.extends else { break }
      if let start = chain.firstIndex(of: parent.name) {
        if start == 0, chain.min() == name {
          let cycle = (chain[start...] + [parent.name]).joined(separator: " → ")
          diagnostics.append(
            FirmwareDiagnostics.error(
              FirmwareDiagnostics.extendsCycle, "profile extends itself: \(cycle)",
              at: parent.location, hint: "remove one 'extends:' of the cycle"))
        }
        return nil
      }
      guard layers[parent.name] != nil else {
        if !names.contains(parent.name) {
          diagnostics.append(unknownParent(parent))
        }
        return nil
      }
      current = parent.name
    }
    var profile = FirmwareProfile(name: name, file: layers[name]?.file ?? "")
    for member in chain.reversed() {
      if let layer = layers[member]?.layer { profile = profile.applying(layer) }
    }
    return profile
  }

  private func unknownParent(_ parent: NameReference) -> Diagnostic {
    FirmwareDiagnostics.error(
      FirmwareDiagnostics.unknownProfile,
      "'extends' names profile '\(parent.name)', which does not exist", at: parent.location,
      hint: [
        FirmwareDiagnostics.suggestion(for: parent.name, among: names),
        "profiles are \(Self.profilesDirectory)/<name>.yaml",
      ].compactMap { $0 }.joined(separator: " "))
  }

  private mutating func checkRequired(_ profile: FirmwareProfile) -> Bool {
    var complete = true
    for (key, value) in [("vendor", profile.vendor), ("model", profile.model)] where value == nil {
      diagnostics.append(
        FirmwareDiagnostics.error(
          FirmwareDiagnostics.malformedProfile,
          "profile '\(profile.name)' has no '\(key):' (nor does any profile it extends)",
          at: .file(profile.file), hint: "add '\(key): …' to \(profile.file)"))
      complete = false
    }
    return complete
  }

  private mutating func loadRegistry(of profile: FirmwareProfile, _ source: any SourceTree)
    -> Bool
  {
    guard let reference = profile.registry else { return true }
    if registries[reference.name] != nil { return true }
    let path = "\(Self.directory)/\(reference.name)"
    do {
      guard let bytes = try source.readFile(path) else {
        diagnostics.append(
          FirmwareDiagnostics.error(
            FirmwareDiagnostics.badRegistry, "registry file '\(path)' does not exist",
            at: reference.location,
            hint: "save the BMC's BIOS AttributeRegistry as \(path), or fix 'registry:'"))
        return false
      }
      registries[reference.name] = try AttributeRegistry.parse(bytes, file: path)
      return true
    } catch let error as GitError {
      diagnostics.append(error.diagnostic)
    } catch let error as DiagnosticsError {
      diagnostics += error.diagnostics
    } catch {
      diagnostics.append(Diagnostic(id: FirmwareDiagnostics.badRegistry, message: "\(error)"))
    }
    return false
  }
}
