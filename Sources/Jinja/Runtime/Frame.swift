/// A variable scope of one render: template top level, loop body, macro call or `with` block.
final class Frame {
  var locals: [String: Value] = [:]
  let parent: Frame?
  let state: RenderState
  /// Whether lookups that miss this chain fall through to the render's variables and globals.
  let seesVariables: Bool

  /// A top-level frame.
  init(state: RenderState, seesVariables: Bool = true) {
    self.parent = nil
    self.state = state
    self.seesVariables = seesVariables
  }

  /// A child scope of `parent`.
  init(parent: Frame) {
    self.parent = parent
    self.state = parent.state
    self.seesVariables = parent.seesVariables
  }

  /// The value of `name`, or nil when it is undefined everywhere.
  func lookup(_ name: String) throws -> Value? {
    var frame: Frame? = self
    while let current = frame {
      if let value = current.locals[name] { return value }
      frame = current.parent
    }
    if seesVariables, let value = try state.variables.resolve(name) {
      state.noteRead(name)
      return value
    }
    return state.environment.globals[name]
  }

  /// Replaces `name` where it is defined in the chain, else defines it in the outermost frame
  /// (so a changed copy of a render variable shadows it for the rest of the render).
  func reassign(_ name: String, _ value: Value) {
    var frame: Frame = self
    while true {
      if frame.locals[name] != nil {
        frame.locals[name] = value
        return
      }
      guard let parent = frame.parent else { break }
      frame = parent
    }
    frame.locals[name] = value
  }

  /// Assigns `name` in this scope.
  func assign(_ name: String, _ value: Value) { locals[name] = value }
}

/// The output of one render (or of a macro body, block set or filter block).
final class Output {
  var text = ""
  /// The number of chunks (data or expressions) emitted.
  var chunks = 0
  /// The value of the first chunk when it came from an expression.
  var firstValue: Value?
  /// Whether this is the render's own output (traced), not a macro body or captured block.
  let isRoot: Bool

  init(capacity: Int = 0, isRoot: Bool = false) {
    self.isRoot = isRoot
    if capacity > 0 { text.reserveCapacity(capacity) }
  }

  /// Ansible's native result of a body: nothing is `None`, one expression keeps its value,
  /// anything else is the concatenated text.
  var nativeResult: Value {
    if chunks == 0 { return .none }
    if chunks == 1, let firstValue { return firstValue }
    return .string(text)
  }

  func appendData(_ data: String) {
    chunks += 1
    text += data
  }

  func appendValue(_ value: Value) {
    chunks += 1
    if chunks == 1 { firstValue = value }
    switch value {
    case .string(let string): text += string
    case .none: break
    default: value.appendRepr(to: &text)
    }
  }
}
