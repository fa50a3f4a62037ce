import KilnDiagnostics
import Synchronization

/// What every host with the same profile and the same overrides shares: its settings, their
/// findings and its documents, computed once per catalog instead of once per host.
///
/// Hosts of an estate select a hardware class and override it per group (a cell, a region) or
/// not at all, so most `bios.json` and `raid.json` files are the same bytes, and `kayobe.yml`
/// differs only in the header line that names the host.
final class ProfileDocumentMemo: Sendable {
  /// A profile with a host's override layer. Overrides compare with their locations, so two
  /// hosts share an entry only when their findings would name the same lines.
  struct Key: Hashable, Sendable {
    /// One logical-disk override: the disk's handle and its fields (nil removes it).
    struct DiskOverride: Hashable, Sendable {
      var handle: String
      var location: SourceLocation
      var fields: [LocatedEntry]?
    }

    var profile: String
    var applyTime: LocatedValue?
    var attributes: [LocatedEntry]
    var logicalDisks: [DiskOverride]

    /// The key of `profile` under `layer`; nil when the layer sets more than a host's
    /// `firmware_*` variables can (such layers are not shared).
    init?(profile: String, layer: ProfileLayer) {
      guard
        layer.extends == nil && layer.vendor == nil && layer.model == nil
          && layer.registry == nil && layer.physicalDisks == nil
      else { return nil }
      self.profile = profile
      applyTime = layer.applyTime
      attributes = layer.attributes
      logicalDisks = layer.logicalDisks.map {
        DiskOverride(handle: $0.handle, location: $0.location, fields: $0.fields)
      }
    }
  }

  /// The shared results of one key.
  struct Entry: Sendable {
    var settings: FirmwareProfile
    var findings: [Diagnostic]
    var documents: FirmwareDocuments.Shared
  }

  private let entries = Mutex<[Key: Entry]>([:])

  /// The entry of `key`, made by `make` the first time it is asked for.
  func entry(_ key: Key, make: () -> Entry) -> Entry {
    if let known = entries.withLock({ $0[key] }) { return known }
    let made = make()
    entries.withLock { $0[key] = made }
    return made
  }
}
