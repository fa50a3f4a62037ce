/// Methods templates call on values: `receiver.method(arguments)`.
enum BuiltinMethods {
  /// Calls `method` on `receiver`; nil when the receiver has no such method.
  static func call(
    _ receiver: Value, method: String, _ arguments: Arguments, _ context: CallContext
  ) throws -> Value? {
    nil
  }
}
