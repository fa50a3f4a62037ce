import KilnDiagnostics
import Synchronization

/// What every host that uses a profile as it is shares: the findings of the profile's settings
/// and its documents, computed once per catalog instead of once per host.
///
/// Most hosts of an estate select a hardware class and override nothing, so their
/// `bios.json` and `raid.json` are the same bytes, and their `kayobe.yml` differs only in the
/// header line that names the host.
final class ProfileDocumentMemo: Sendable {
  /// The settings findings and documents of one profile used as it is.
  struct Entry: Sendable {
    var findings: [Diagnostic]
    var documents: FirmwareDocuments.Shared
  }

  private let entries = Mutex<[String: Entry]>([:])

  /// The entry of `profile`, made by `make` the first time it is asked for.
  func entry(of profile: FirmwareProfile, make: () -> Entry) -> Entry {
    if let known = entries.withLock({ $0[profile.name] }) { return known }
    let made = make()
    entries.withLock { $0[profile.name] = made }
    return made
  }
}
