import Foundation

extension RolloutPlan {
  /// A wave size: a host count or a percentage of all hosts (Ansible `serial`).
  public enum BatchSize: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A fixed number of hosts.
    case count(Int)
    /// A percentage of every host in the plan, at least one host.
    case percent(Int)

    /// Reads `5` or `"25%"`.
    public init?(text: String) {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if trimmed.hasSuffix("%") {
        guard let value = Int(trimmed.dropLast()), (1...100).contains(value) else { return nil }
        self = .percent(value)
      } else {
        guard let value = Int(trimmed), value >= 1 else { return nil }
        self = .count(value)
      }
    }

    /// The number of hosts for a plan of `total` hosts (never below one).
    public func hosts(of total: Int) -> Int {
      switch self {
      case .count(let count): return count
      case .percent(let percent): return max(1, total * percent / 100)
      }
    }

    /// `5` or `25%`.
    public var description: String {
      switch self {
      case .count(let count): return String(count)
      case .percent(let percent): return "\(percent)%"
      }
    }

    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
      let text = try decoder.singleValueContainer().decode(String.self)
      guard let size = BatchSize(text: text) else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "batch '\(text)'"))
      }
      self = size
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(description)
    }
  }
}
