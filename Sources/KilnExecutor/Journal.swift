import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One line of the apply journal: a step of one run, written before the next step begins.
public struct JournalRecord: Sendable, Hashable, Codable {
  /// The steps of a run, in order (design §7): VERIFIED → STAGED → (SWITCHING → SWITCHED(n) →
  /// WAVE_HEALTHY(n))… → HEALTHY, or ROLLING_BACK → ROLLED_BACK.
  public enum Step: String, Sendable, Hashable, Codable {
    case verified = "VERIFIED"
    case staged = "STAGED"
    case switching = "SWITCHING"
    case switched = "SWITCHED"
    case waveHealthy = "WAVE_HEALTHY"
    case rollingBack = "ROLLING_BACK"
    case healthy = "HEALTHY"
    case rolledBack = "ROLLED_BACK"

    /// Whether the run ends with this step.
    public var isTerminal: Bool { self == .healthy || self == .rolledBack }
  }

  /// The run's id.
  public var run: String
  /// The step.
  public var step: Step
  /// UTC time of the step.
  public var time: String
  /// The release the run applies (hex SHA-256 of the bundle archive).
  public var digest: String
  /// The environment.
  public var env: String
  /// The bundle's version.
  public var version: UInt64
  /// The release hosts go back to on rollback; nil on the first apply.
  public var previous: String?
  /// The wave (1-based) for SWITCHING, SWITCHED and WAVE_HEALTHY.
  public var wave: Int?
  /// The hosts the step concerns.
  public var hosts: [String]?
  /// Hosts that failed in the step.
  public var failed: [String]?
  /// Why a run rolled back.
  public var reason: String?

  /// The crash-point name of this record: `STEP` or `STEP:wave`.
  public var point: String { wave.map { "\(step.rawValue):\($0)" } ?? step.rawValue }
}

/// The append-only journal `DIR/journal/journal.jsonl`: one JSON object per line, each line
/// fsynced before the step it records is acted on.
public struct Journal: Sendable {
  /// The journal file.
  public let path: String
  /// Test hook: the process kills itself with SIGKILL right after writing this point.
  public let crashAfter: String?

  /// The journal of the state directory `state`.
  public init(state: StateDirectory, crashAfter: String? = nil) {
    path = state.journalDirectory + "/journal.jsonl"
    self.crashAfter = crashAfter
  }

  /// Appends `record` and fsyncs the file.
  public func append(_ record: JournalRecord) throws(ExecutorError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let line = ((try? Array(encoder.encode(record))) ?? []) + [UInt8(ascii: "\n")]
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .io("open", path) }
    defer { close(descriptor) }
    let written = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    guard written == line.count, fsync(descriptor) == 0 else { throw .io("append", path) }
    if let crashAfter, crashAfter == record.point { kill(getpid(), SIGKILL) }
  }

  /// Every record, oldest first. A torn last line (a crash mid-write) is ignored; any other
  /// unreadable line means the state directory was damaged.
  public func records() throws(ExecutorError) -> [JournalRecord] {
    guard let bytes = DurableFiles.read(path) else { return [] }
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
    var records: [JournalRecord] = []
    for (index, line) in lines.enumerated() {
      guard let record = try? JSONDecoder().decode(JournalRecord.self, from: Data(line)) else {
        if index == lines.count - 1 && bytes.last != UInt8(ascii: "\n") { break }
        throw ExecutorError(
          .damagedState, "\(path) line \(index + 1) is not a journal record",
          hint: "the journal is append-only; restore it or move the state directory aside")
      }
      records.append(record)
    }
    return records
  }

  /// Cuts a torn last line (a crash mid-append) so the next record starts on its own line.
  public func repairTail() throws(ExecutorError) {
    guard let bytes = DurableFiles.read(path), let last = bytes.last, last != UInt8(ascii: "\n")
    else { return }
    let keep = (bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
    guard truncate(path, off_t(keep)) == 0 else { throw .io("truncate", path) }
  }

  /// The records of the last run when it has no terminal step (a crashed run), else nil.
  public func unfinishedRun() throws(ExecutorError) -> [JournalRecord]? {
    let all = try records()
    guard let last = all.last, !last.step.isTerminal else { return nil }
    return all.filter { $0.run == last.run }
  }

  /// The last run that ended HEALTHY.
  public func lastHealthy() throws(ExecutorError) -> JournalRecord? {
    try records().last { $0.step == .healthy }
  }
}
