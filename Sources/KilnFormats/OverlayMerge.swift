import KilnDiagnostics

/// The overlay merge kinds (`merge:` of a patch in overlay.yaml, `kiln merge --kind`).
public enum MergeKind: String, Sendable, Hashable, CaseIterable {
  /// kolla-ansible `merge_configs`.
  case ini
  /// kolla-ansible `merge_yaml`.
  case yaml
  /// RFC 7386 JSON Merge Patch.
  case jsonMerge = "json-merge"
  /// RFC 6902 JSON Patch.
  case jsonPatch = "json-patch"
}

/// One input of a merge: a file name (for diagnostics) and its bytes.
public struct MergeSource: Sendable, Hashable {
  /// The file as the repository names it.
  public var file: String
  /// The content (already rendered, for template fragments).
  public var bytes: [UInt8]

  /// Creates a source.
  public init(file: String, bytes: [UInt8]) {
    self.file = file
    self.bytes = bytes
  }
}

/// Options of the merge kinds that have them.
public struct MergeOptions: Sendable, Hashable {
  /// `ini`: write `key = value` (kolla's `whitespace: true`) rather than `key=value`.
  public var whitespace: Bool
  /// `yaml`: extend lists instead of replacing them (kolla's `extend_lists`).
  public var extendLists: Bool

  /// Creates options; the defaults are kolla's.
  public init(whitespace: Bool = true, extendLists: Bool = false) {
    self.whitespace = whitespace
    self.extendLists = extendLists
  }
}

/// Applies overlay patches to a rendered file.
public enum OverlayMerge {
  /// Merges `patches` into `base`, in order, with the semantics of `kind`; every parse error
  /// or failed patch is a located diagnostic naming the file it came from.
  public static func merge(
    kind: MergeKind, base: MergeSource, patches: [MergeSource], options: MergeOptions = MergeOptions()
  ) throws(DiagnosticsError) -> [UInt8] {
    let all = [base] + patches
    switch kind {
    case .ini:
      return try IniMerge.merge(all.map { ($0.file, $0.bytes) }, whitespace: options.whitespace)
    case .yaml:
      return try YAMLMerge.merge(all.map { ($0.file, $0.bytes) }, extendLists: options.extendLists)
    case .jsonMerge:
      var value = try JSONParser.parse(base.bytes, file: base.file).value
      for patch in patches {
        value = JSONMergePatch.apply(try JSONParser.parse(patch.bytes, file: patch.file).value, to: value)
      }
      return Array(JSONWriter.write(value).utf8)
    case .jsonPatch:
      var value = try JSONParser.parse(base.bytes, file: base.file).value
      for patch in patches {
        value = try JSONPatch.apply(try JSONParser.parse(patch.bytes, file: patch.file), to: value)
      }
      return Array(JSONWriter.write(value).utf8)
    }
  }

  /// `merge(kind:…)` with the kind named by its string (`ini`, `yaml`, `json-merge`,
  /// `json-patch`); an unknown name is a KLN309 error located at `base`.
  public static func merge(
    kind: String, base: MergeSource, patches: [MergeSource], options: MergeOptions = MergeOptions()
  ) throws(DiagnosticsError) -> [UInt8] {
    guard let known = MergeKind(rawValue: kind) else {
      throw FormatDiagnostics.unknown(
        kind: kind, known: MergeKind.allCases.map(\.rawValue), file: base.file)
    }
    return try merge(kind: known, base: base, patches: patches, options: options)
  }
}
