import KilnCompiler
import KilnFormats

/// One file's difference on one host.
struct FileDelta: Sendable {
  /// Everything that must be equal for two hosts' deltas to group into one entry.
  struct Signature: Hashable {
    var path: String
    var service: String
    var format: String
    var kind: ChangeEntry.Kind
    var comparison: FileComparison
    var secret: SecretChange?
    var mode: ModeChange?
  }

  var host: String
  var signature: Signature
  var oldText: String?
  var newText: String?
}

/// Compares the files of the hosts both sides rendered.
struct HostFileDiff {
  let environment: String
  private var memo: [MemoKey: FileComparison] = [:]

  init(environment: String) {
    self.environment = environment
  }

  private struct MemoKey: Hashable {
    var old: [UInt8]
    var new: [UInt8]
    var format: String
    var path: String
  }

  /// The deltas of `hosts`, host by host in order, then by path.
  mutating func deltas(base: [RenderedFile], head: [RenderedFile], hosts: [String])
    -> [FileDelta]
  {
    let wanted = Set(hosts)
    let oldFiles = Self.index(base.filter { wanted.contains($0.host) })
    let newFiles = Self.index(head.filter { wanted.contains($0.host) })
    var deltas: [FileDelta] = []
    for host in hosts {
      let old = oldFiles[host] ?? [:]
      let new = newFiles[host] ?? [:]
      let paths = Set(old.keys).union(new.keys).sorted {
        $0.utf8.lexicographicallyPrecedes($1.utf8)
      }
      for path in paths {
        if let delta = delta(old: old[path], new: new[path], host: host) {
          deltas.append(delta)
        }
      }
    }
    return deltas
  }

  private static func index(_ files: [RenderedFile]) -> [String: [String: RenderedFile]] {
    var result: [String: [String: RenderedFile]] = [:]
    for file in files { result[file.host, default: [:]][file.path] = file }
    return result
  }

  private mutating func delta(old: RenderedFile?, new: RenderedFile?, host: String) -> FileDelta? {
    guard let file = new ?? old else { return nil }
    if let old, let new, old.contents == new.contents, old.mode == new.mode { return nil }
    let kind: ChangeEntry.Kind = old == nil ? .added : new == nil ? .removed : .modified
    let secret = (old?.isSecret ?? false) || (new?.isSecret ?? false)
    var signature = FileDelta.Signature(
      path: file.path, service: file.service, format: file.format, kind: kind,
      comparison: .identical, secret: nil, mode: nil)
    if let old, let new, old.mode != new.mode {
      signature.mode = ModeChange(old: old.octalMode, new: new.octalMode)
    }
    if secret {
      if old?.contents != new?.contents {
        signature.secret = SecretChange(
          old: old.map { SecretFingerprint.of($0.contents, environment: environment) },
          new: new.map { SecretFingerprint.of($0.contents, environment: environment) })
      }
      return FileDelta(host: host, signature: signature, oldText: nil, newText: nil)
    }
    if let old, let new {
      signature.comparison = compare(old.contents, new.contents, file: file)
    }
    let oldText = old.flatMap { String(validating: $0.contents, as: UTF8.self) }
    let newText = new.flatMap { String(validating: $0.contents, as: UTF8.self) }
    return FileDelta(host: host, signature: signature, oldText: oldText, newText: newText)
  }

  private mutating func compare(_ old: [UInt8], _ new: [UInt8], file: RenderedFile)
    -> FileComparison
  {
    let key = MemoKey(old: old, new: new, format: file.format, path: file.path)
    if let known = memo[key] { return known }
    let arrays: SemanticDiff.ArrayMatching =
      file.service == "firmware" || file.path.hasPrefix("firmware/") ? .firmware : .byPosition
    let comparison = SemanticDiff.compare(
      old: old, new: new, format: file.format, file: file.path, arrays: arrays)
    memo[key] = comparison
    return comparison
  }
}
