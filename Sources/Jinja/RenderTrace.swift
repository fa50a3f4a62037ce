import Foundation

/// Records which template span produced which bytes of output during one render, and which
/// top-level variables each output expression read (for `kiln explain FILE:LINE`).
public final class RenderTrace: @unchecked Sendable {
  /// One emitted chunk of output.
  public struct Emission: Sendable {
    /// The UTF-8 byte offsets of the chunk in the output.
    public var outputRange: Range<Int>
    /// The template span that produced it.
    public var span: SourceSpan
    /// The top-level variables read while evaluating it, in first-read order.
    public var variables: [String]

    /// Creates an emission record.
    public init(outputRange: Range<Int>, span: SourceSpan, variables: [String]) {
      self.outputRange = outputRange
      self.span = span
      self.variables = variables
    }
  }

  private let lock = NSLock()
  private var recorded: [Emission] = []

  /// Creates an empty trace.
  public init() {}

  /// The emissions recorded so far, in output order.
  public var emissions: [Emission] {
    lock.lock()
    defer { lock.unlock() }
    return recorded
  }

  func record(_ emission: Emission) {
    lock.lock()
    recorded.append(emission)
    lock.unlock()
  }

  func reset() {
    lock.lock()
    recorded.removeAll()
    lock.unlock()
  }
}
