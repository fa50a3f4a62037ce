/// Mutable state of one render (depth, include chain); used by one thread at a time.
final class RenderState: @unchecked Sendable {
  /// The include/import/call chain leading to the current position, outermost first.
  var includeStack: [SourceSpan] = []
  /// The current nesting depth of includes and macro calls.
  var depth = 0

  init() {}
}
