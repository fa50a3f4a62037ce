/// The payload of an undefined value: the expression text that produced it.
public struct Undefined: Sendable {
  /// The expression text, e.g. `hostvars['x'].foo`.
  public var name: String
  /// Why it is undefined or what to do, when known.
  public var hint: String?

  /// Creates an undefined payload.
  public init(name: String, hint: String? = nil) {
    self.name = name
    self.hint = hint
  }
}
