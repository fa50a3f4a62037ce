/// A lazily evaluated mapping (hostvars, a host's variables).
///
/// Attribute and item access with a string key both call `value(forKey:)`; `nil` means undefined.
public protocol DynamicObject: Sendable {
  /// The value for `key`, or nil when it is undefined.
  func value(forKey key: String) throws -> Value?
  /// The keys, for iteration, `in`, `.keys()` and length.
  func keys() throws -> [String]
  /// The type name shown in messages, e.g. `HostVars`.
  var typeName: String { get }
}
