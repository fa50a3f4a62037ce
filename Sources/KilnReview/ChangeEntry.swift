import KilnCompiler
import KilnFormats

/// One grouped change: the same difference to one file on a set of hosts.
public struct ChangeEntry: Sendable, Hashable {
  /// What happened to the file.
  public enum Kind: String, Sendable, Hashable {
    /// The file's contents (and maybe mode) changed.
    case modified
    /// The file is new on these hosts.
    case added
    /// The file is gone from these hosts.
    case removed
  }

  /// Destination path on the host, e.g. `mariadb/galera.cnf`.
  public var path: String
  /// The service that owns the file.
  public var service: String
  /// The file's format (`ini`, `json`, …).
  public var format: String
  /// What happened to the file.
  public var kind: Kind
  /// The hosts the change applies to, in inventory order.
  public var hosts: [String]
  /// The inventory group whose members are exactly `hosts`, if any.
  public var group: String?
  /// How the contents differ (`.identical` when only the mode changed); for secret files only
  /// `.identical` or `.binary`-free digests: see `secret`.
  public var comparison: FileComparison
  /// Keyed fingerprints of a secret file's old and new contents, instead of any content.
  public var secret: SecretChange?
  /// The old and new mode (octal) when the mode changed.
  public var mode: ModeChange?
  /// The containers restarted when the file changes (`restart:` of its service).
  public var restarts: [String]
  /// The rollout waves (1-based, from env.yaml `rollout:`) the hosts fall in.
  public var waves: [Int]
  /// The lines of the change under review that caused this change.
  public var sources: [SourceChange]
  /// The old text of one host's file, for side-by-side views (nil for secrets and binaries).
  public var oldText: String?
  /// The new text of one host's file, for side-by-side views (nil for secrets and binaries).
  public var newText: String?

  /// "control (3 hosts)" when the hosts are exactly a group, else a compact host list.
  public var hostLabel: String {
    if let group { return "\(group) (\(hosts.count) host\(hosts.count == 1 ? "" : "s"))" }
    return HostList.compact(hosts)
  }
}

/// A secret file's change, shown only as keyed fingerprints of its contents.
public struct SecretChange: Sendable, Hashable {
  /// Fingerprint of the old contents (nil when added).
  public var old: String?
  /// Fingerprint of the new contents (nil when removed).
  public var new: String?

  /// `changed (sha256:1a2b… → 3c4d…)`.
  public var text: String {
    "changed (sha256:\(old.map { $0 + "…" } ?? "none") → \(new.map { $0 + "…" } ?? "none"))"
  }
}

/// A file mode change.
public struct ModeChange: Sendable, Hashable {
  /// The old mode, e.g. `0644`.
  public var old: String
  /// The new mode, e.g. `0640`.
  public var new: String
}

/// One changed line of the inputs under review (a variable file, template or overlay).
public struct SourceChange: Sendable, Hashable {
  /// The repository file.
  public var file: String
  /// The line in the new version (or in the old one for a removed line); 0 for a binary file.
  public var line: Int
  /// The old line text (nil when added).
  public var old: String?
  /// The new line text (nil when removed).
  public var new: String?

  /// `environments/prod/group_vars/control.yaml:7`.
  public var location: String { "\(file):\(line)" }

  /// `haproxy_threads: 4 → haproxy_threads: 8`, `+ x`, `- y`.
  public var text: String {
    switch (old, new) {
    case (let old?, let new?): "\(old.trimmed) → \(new.trimmed)"
    case (nil, let new?): "+ \(new.trimmed)"
    case (let old?, nil): "- \(old.trimmed)"
    default: "binary file changed"
    }
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmed: String {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return String(text)
  }
}
