/// A variable scope of one render: template top level, loop body, macro call or `with` block.
///
/// Locals live in pointer-backed storage: a frame is used by one render on one thread, and this
/// keeps the hot lookup path free of dynamic exclusivity checks.
final class Frame {
  /// Parallel arrays: symbol ids (scanned on lookup), values, and names (for `definitions`).
  private struct Locals {
    var ids: ContiguousArray<Int> = []
    var values: ContiguousArray<Value> = []
    var names: ContiguousArray<String> = []
  }

  private let locals: UnsafeMutablePointer<Locals>
  let parent: Frame?
  let state: RenderState
  /// Whether lookups that miss this chain fall through to the render's variables.
  let seesVariables: Bool

  /// A top-level frame.
  init(state: RenderState, seesVariables: Bool = true) {
    self.parent = nil
    self.state = state
    self.seesVariables = seesVariables
    locals = .allocate(capacity: 1)
    locals.initialize(to: Locals())
  }

  /// A child scope of `parent`.
  init(parent: Frame) {
    self.parent = parent
    self.state = parent.state
    self.seesVariables = parent.seesVariables
    locals = .allocate(capacity: 1)
    locals.initialize(to: Locals())
  }

  deinit {
    locals.deinitialize(count: 1)
    locals.deallocate()
  }

  @inline(__always)
  private func position(of id: Int) -> Int? {
    locals.pointee.ids.withUnsafeBufferPointer { ids in
      var index = ids.count - 1
      while index >= 0 {
        if ids[index] == id { return index }
        index -= 1
      }
      return nil
    }
  }

  /// The value of `symbol`, or nil when it is undefined everywhere.
  func lookup(_ symbol: Symbol) throws -> Value? {
    let id = symbol.id
    var frame = self
    while true {
      if let index = frame.position(of: id) { return frame.locals.pointee.values[index] }
      guard let parent = frame.parent else { break }
      frame = parent
    }
    return try state.topLevel(symbol, seesVariables: seesVariables)
  }

  /// The value of `symbol` in this frame only.
  func local(_ symbol: Symbol) -> Value? {
    position(of: symbol.id).map { locals.pointee.values[$0] }
  }

  /// Assigns `symbol` in this scope.
  func assign(_ symbol: Symbol, _ value: Value) {
    if let index = position(of: symbol.id) {
      locals.pointee.values[index] = value
    } else {
      if locals.pointee.ids.capacity == 0 {
        locals.pointee.ids.reserveCapacity(4)
        locals.pointee.values.reserveCapacity(4)
      }
      locals.pointee.ids.append(symbol.id)
      locals.pointee.values.append(value)
      locals.pointee.names.append(symbol.name)
    }
  }

  /// Replaces `symbol` where it is defined in the chain, else defines it in the outermost frame
  /// (so a changed copy of a render variable shadows it for the rest of the render).
  func reassign(_ symbol: Symbol, _ value: Value) {
    var frame = self
    while true {
      if frame.position(of: symbol.id) != nil { break }
      guard let parent = frame.parent else { break }
      frame = parent
    }
    frame.assign(symbol, value)
  }

  /// The names and values defined in this frame, in definition order.
  var definitions: [(name: String, value: Value)] {
    zip(locals.pointee.names, locals.pointee.values).map { ($0, $1) }
  }
}

/// The output of one render (or of a macro body, block set or filter block), as UTF-8 bytes.
final class Output {
  private struct Buffer {
    var bytes: [UInt8] = []
    var chunks = 0
    var firstValue: Value?
  }

  private let buffer: UnsafeMutablePointer<Buffer>
  /// Whether this is the render's own output (traced), not a macro body or captured block.
  let isRoot: Bool

  init(capacity: Int = 0, isRoot: Bool = false) {
    self.isRoot = isRoot
    buffer = .allocate(capacity: 1)
    buffer.initialize(to: Buffer())
    if capacity > 0 { buffer.pointee.bytes.reserveCapacity(capacity) }
  }

  deinit {
    buffer.deinitialize(count: 1)
    buffer.deallocate()
  }

  /// The text written so far.
  var text: String { String(decoding: buffer.pointee.bytes, as: UTF8.self) }

  /// The number of bytes written so far.
  var byteCount: Int { buffer.pointee.bytes.count }

  /// The number of chunks (data or expressions) emitted.
  var chunks: Int { buffer.pointee.chunks }

  /// The value of the first chunk when it came from an expression.
  var firstValue: Value? { buffer.pointee.firstValue }

  /// Ansible's native result of a body: nothing is `None`, one expression keeps its value,
  /// anything else is the concatenated text.
  var nativeResult: Value {
    let state = buffer.pointee
    if state.chunks == 0 { return .none }
    if state.chunks == 1, let firstValue = state.firstValue { return firstValue }
    return .string(text)
  }

  @inline(__always)
  private func write(_ string: String) {
    var string = string
    string.withUTF8 { utf8 in buffer.pointee.bytes.append(contentsOf: utf8) }
  }

  func appendData(_ data: String) {
    buffer.pointee.chunks += 1
    write(data)
  }

  func appendValue(_ value: Value) {
    buffer.pointee.chunks += 1
    if buffer.pointee.chunks == 1 { buffer.pointee.firstValue = value }
    switch value {
    case .string(let string): write(string)
    case .none: break
    case .int(let integer): write(String(integer))
    default:
      var text = ""
      value.appendRepr(to: &text)
      write(text)
    }
  }
}
