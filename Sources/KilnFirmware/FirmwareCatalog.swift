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
  /// Why a registry could not be read, by path.
  private var registryProblems: [String: [Diagnostic]] = [:]
  /// Why a profile cannot be used, by name.
  private var problems: [String: [Diagnostic]] = [:]
  /// Problems found while loading.
  public private(set) var diagnostics: [Diagnostic] = []
  /// The findings and documents of each profile used without overrides.
  let documentMemo = ProfileDocumentMemo()

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
    var readProblems: [String: [Diagnostic]] = [:]
    for (name, file) in catalog.profileFiles(source) {
      catalog.names.append(name)
      var problems: [Diagnostic] = []
      if let root = document(file, source, problems: &problems) {
        var reader = ProfileReader(file: file)
        let layer = reader.read(root)
        problems += reader.diagnostics
        if problems.isEmpty { layers[name] = (file, layer) }
      }
      readProblems[name] = problems
    }
    catalog.names.sort()
    var all: [Diagnostic] = []
    for name in catalog.names {
      let (resolved, chainProblems) = catalog.resolve(name, layers, readProblems)
      var problems = chainProblems
      if let resolved {
        problems += catalog.missingKeys(resolved)
        problems += catalog.loadRegistry(of: resolved, source)
      }
      all += problems
      if let resolved, problems.isEmpty {
        catalog.profiles[name] = resolved
      } else {
        catalog.problems[name] = problems
      }
    }
    catalog.diagnostics = FirmwareValidation.deduplicated(catalog.diagnostics + all)
    return catalog
  }

  /// Why the profile `name` cannot be used (empty when it can, or does not exist).
  public func problems(ofProfile name: String) -> [Diagnostic] { problems[name] ?? [] }

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

  private static func document(
    _ file: String, _ source: any SourceTree, problems: inout [Diagnostic]
  ) -> YAMLNode? {
    do {
      guard let bytes = try source.readFile(file) else { return nil }
      return try YAMLParser.parse(bytes: bytes, file: file).root
    } catch let error as GitError {
      problems.append(error.diagnostic)
    } catch let error as YAMLError {
      problems.append(error.diagnostic)
    } catch {
      problems.append(Diagnostic(id: FirmwareDiagnostics.malformedProfile, message: "\(error)"))
    }
    return nil
  }

  /// `name` merged over its `extends:` chain, or the problems that stop it: a malformed
  /// file of the chain, an unknown parent, a cycle.
  private func resolve(
    _ name: String, _ layers: [String: (file: String, layer: ProfileLayer)],
    _ readProblems: [String: [Diagnostic]]
  ) -> (FirmwareProfile?, [Diagnostic]) {
    var chain: [String] = []
    var current = name
    while true {
      guard let entry = layers[current] else { return (nil, readProblems[current] ?? []) }
      chain.append(current)
      guard let parent = entry.layer.extends else { break }
      if let start = chain.firstIndex(of: parent.name) {
        return (nil, [cycle(Array(chain[start...]), layers)])
      }
      guard names.contains(parent.name) else { return (nil, [unknownParent(parent)]) }
      current = parent.name
    }
    var profile = FirmwareProfile(name: name, file: layers[name]?.file ?? "")
    for member in chain.reversed() {
      if let layer = layers[member]?.layer { profile = profile.applying(layer) }
    }
    return (profile, [])
  }

  /// One finding per cycle whichever member it is found from: the cycle written from its
  /// alphabetically first member, located at the `extends:` that closes it.
  private func cycle(
    _ members: [String], _ layers: [String: (file: String, layer: ProfileLayer)]
  ) -> Diagnostic {
    let first = members.indices.min { members[$0] < members[$1] } ?? 0
    let rotated = Array(members[first...] + members[..<first])
    let closing = rotated.last.flatMap { layers[$0]?.layer.extends }
    return FirmwareDiagnostics.error(
      FirmwareDiagnostics.extendsCycle,
      "profile extends itself: " + (rotated + [rotated[0]]).joined(separator: " → "),
      at: closing?.location, hint: "remove one 'extends:' of the cycle")
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

  private func missingKeys(_ profile: FirmwareProfile) -> [Diagnostic] {
    [("vendor", profile.vendor), ("model", profile.model)].compactMap { key, value in
      value != nil
        ? nil
        : FirmwareDiagnostics.error(
          FirmwareDiagnostics.malformedProfile,
          "profile '\(profile.name)' has no '\(key):' (nor does any profile it extends)",
          at: .file(profile.file), hint: "add '\(key): …' to \(profile.file)")
    }
  }

  private mutating func loadRegistry(of profile: FirmwareProfile, _ source: any SourceTree)
    -> [Diagnostic]
  {
    guard let reference = profile.registry else { return [] }
    if registries[reference.name] != nil { return [] }
    if let known = registryProblems[reference.name] { return known }
    let path = "\(Self.directory)/\(reference.name)"
    var problems: [Diagnostic] = []
    do {
      if let bytes = try source.readFile(path) {
        registries[reference.name] = try AttributeRegistry.parse(bytes, file: path)
      } else {
        problems.append(
          FirmwareDiagnostics.error(
            FirmwareDiagnostics.badRegistry, "registry file '\(path)' does not exist",
            at: reference.location,
            hint: "save the BMC's BIOS AttributeRegistry as \(path), or fix 'registry:'"))
      }
    } catch let error as GitError {
      problems.append(error.diagnostic)
    } catch let error as DiagnosticsError {
      problems += error.diagnostics
    } catch {
      problems.append(Diagnostic(id: FirmwareDiagnostics.badRegistry, message: "\(error)"))
    }
    registryProblems[reference.name] = problems
    return problems
  }
}
