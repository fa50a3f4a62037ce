/// Path filters (POSIX `os.path`): basename, dirname, splitext, path_join, normpath.
enum PathFilters {
  /// The filters of this family by name.
  static let all: [String: Filter] = [
    "basename": basename, "dirname": dirname, "splitext": splitext, "path_join": pathJoin,
  ]

  /// `basename`: the part after the last `/`.
  static func basename(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "basename", context)
    let path = try Builtins.text(value, context)
    guard let slash = path.lastIndex(of: "/") else { return .string(path) }
    return .string(String(path[path.index(after: slash)...]))
  }

  /// `dirname`: the part before the last `/`, trailing slashes removed unless all slashes.
  static func dirname(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "dirname", context)
    let path = try Builtins.text(value, context)
    guard let slash = path.lastIndex(of: "/") else { return .string("") }
    let head = String(path[...slash])
    if head.allSatisfy({ $0 == "/" }) { return .string(head) }
    return .string(String(head.reversed().drop(while: { $0 == "/" }).reversed()))
  }

  /// `splitext`: `[root, ext]`, a leading dot of the name not counting as an extension.
  static func splitext(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "splitext", context)
    let path = try Builtins.text(value, context)
    let nameStart = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    let name = path[nameStart...]
    guard let dot = name.lastIndex(of: "."),
      name[name.startIndex..<dot].contains(where: { $0 != "." })
    else { return .list([.string(path), .string("")]) }
    return .list([.string(String(path[..<dot])), .string(String(path[dot...]))])
  }

  /// `path_join`: `os.path.join` of a list (a later absolute part restarts the path).
  static func pathJoin(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "path_join", context)
    if case .string = value { return value }
    var path = ""
    for part in try ValueIteration.items(value, context).map({ try Builtins.text($0, context) }) {
      if part.hasPrefix("/") || path.isEmpty {
        path = part
      } else {
        path += path.hasSuffix("/") ? part : "/" + part
      }
    }
    return .string(path)
  }
}
