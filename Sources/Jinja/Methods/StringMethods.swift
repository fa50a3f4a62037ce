/// Python `str` methods.
enum StringMethods {
  /// A string method.
  typealias Method = @Sendable (String, Arguments, CallContext) throws -> Value

  /// The methods by name.
  static let all: [String: Method] = [
    "split": { try split($0, $1, $2, fromRight: false) },
    "rsplit": { try split($0, $1, $2, fromRight: true) },
    "startswith": { try affix($0, $1, $2, name: "startswith") },
    "endswith": { try affix($0, $1, $2, name: "endswith") },
    "replace": replace, "strip": { try strip($0, $1, $2, left: true, right: true) },
    "lstrip": { try strip($0, $1, $2, left: true, right: false) },
    "rstrip": { try strip($0, $1, $2, left: false, right: true) },
    "lower": { text, arguments, context in try plain(arguments, context) { text.lowercased() } },
    "upper": { text, arguments, context in try plain(arguments, context) { text.uppercased() } },
    "capitalize": { text, arguments, context in
      try plain(arguments, context) { PythonString.capitalize(text) }
    },
    "title": { text, arguments, context in
      try plain(arguments, context) { PythonString.title(text) }
    },
    "format": { text, arguments, context in
      .string(try StringFormat.format(text, arguments, context))
    },
    "join": join, "count": count, "find": { try find($0, $1, $2, reverse: false) },
    "rfind": { try find($0, $1, $2, reverse: true) },
    "isdigit": { text, _, _ in .bool(!text.isEmpty && text.allSatisfy(\.isNumber)) },
    "isalpha": { text, _, _ in .bool(!text.isEmpty && text.allSatisfy(\.isLetter)) },
    "isalnum": { text, _, _ in
      .bool(!text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber })
    },
    "isspace": { text, _, _ in
      .bool(!text.isEmpty && text.unicodeScalars.allSatisfy(PythonString.isSpace))
    },
    "islower": { text, arguments, context in
      .bool(try StringTests.lower(.string(text), arguments, context))
    },
    "isupper": { text, arguments, context in
      .bool(try StringTests.upper(.string(text), arguments, context))
    },
    "splitlines": { text, _, _ in .list(PythonString.splitLines(text).map(Value.string)) },
    "center": { text, arguments, context in
      try arguments.check(["width", "fillchar"], "center", context)
      return .string(
        PythonString.center(
          text, width: try arguments.int(0, "width", default: nil, context),
          fill: try arguments.string(1, "fillchar", default: " ", context)))
    },
    "zfill": zfill,
  ]

  private static func plain(_ arguments: Arguments, _ context: CallContext, _ body: () -> String)
    throws -> Value
  {
    try arguments.check([], "method", context)
    return .string(body())
  }

  /// `split(sep=None, maxsplit=-1)` and `rsplit`.
  static func split(
    _ text: String, _ arguments: Arguments, _ context: CallContext, fromRight: Bool
  ) throws -> Value {
    try arguments.check(["sep", "maxsplit"], fromRight ? "rsplit" : "split", context)
    let separator = try arguments.argument(0, "sep").flatMap { $0.isNone ? nil : $0 }
      .map { try Builtins.text($0, context) }
    let maxSplit = try arguments.int(1, "maxsplit", default: -1, context)
    let parts =
      fromRight
      ? try PythonString.rsplit(text, separator, maxSplit: maxSplit, context)
      : try PythonString.split(text, separator, maxSplit: maxSplit, context)
    return .list(parts.map(Value.string))
  }

  /// `startswith(prefix[, start[, end]])` / `endswith`: a string or a tuple of strings.
  static func affix(_ text: String, _ arguments: Arguments, _ context: CallContext, name: String)
    throws -> Value
  {
    try arguments.check(["prefix", "start", "end"], name, context)
    guard let candidates = arguments.argument(0, "prefix") else {
      throw context.error("\(name)() takes at least 1 argument (0 given)", kind: .type)
    }
    let scalars = Array(text.unicodeScalars)
    let start = try slicePosition(
      arguments.argument(1, "start"), default: 0, scalars.count, context)
    let end = try slicePosition(
      arguments.argument(2, "end"), default: scalars.count, scalars.count, context)
    let window = start <= end ? String(String.UnicodeScalarView(scalars[start..<end])) : nil
    let options: [Value]
    if case .list(let items) = candidates { options = items } else { options = [candidates] }
    for option in options {
      guard case .string(let affix) = option else {
        throw context.error(
          "\(name) first arg must be str or a tuple of str, not \(option.typeName)", kind: .type)
      }
      guard let window else { continue }
      if name == "startswith"
        ? window.unicodeScalars.starts(with: affix.unicodeScalars)
        : window.unicodeScalars.reversed().starts(with: affix.unicodeScalars.reversed())
      {
        return .bool(true)
      }
    }
    return .bool(false)
  }

  /// A Python slice bound clamped into `0...count` (None means the default).
  static func slicePosition(
    _ value: Value?, default fallback: Int, _ count: Int, _ context: CallContext
  )
    throws -> Int
  {
    guard let value, !value.isNone else { return fallback }
    guard let position = value.intValue else {
      throw context.error("slice indices must be integers or None", kind: .type)
    }
    return position < 0 ? max(0, count + position) : min(position, count)
  }

  /// `replace(old, new, count=-1)`.
  static func replace(_ text: String, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["old", "new", "count"], "replace", context)
    let old = try arguments.string(0, "old", default: nil, context)
    let new = try arguments.string(1, "new", default: nil, context)
    let count = try arguments.int(2, "count", default: -1, context)
    return .string(PythonString.replace(text, old, new, count: count))
  }

  /// `strip(chars=None)`, `lstrip`, `rstrip`.
  static func strip(
    _ text: String, _ arguments: Arguments, _ context: CallContext, left: Bool, right: Bool
  ) throws -> Value {
    try arguments.check(["chars"], "strip", context)
    let chars = try arguments.argument(0, "chars").flatMap { $0.isNone ? nil : $0 }
      .map { try Builtins.text($0, context) }
    return .string(PythonString.strip(text, chars, left: left, right: right))
  }

  /// `join(iterable)`: every item must be a string, as in Python.
  static func join(_ text: String, _ arguments: Arguments, _ context: CallContext) throws -> Value {
    try arguments.check(["iterable"], "join", context)
    let items = try ValueIteration.items(arguments.value(0, "iterable", default: .none), context)
    let strings = try items.enumerated().map { offset, item in
      guard case .string(let part) = item else {
        throw context.error(
          "sequence item \(offset): expected str instance, \(item.typeName) found", kind: .type)
      }
      return part
    }
    return .string(strings.joined(separator: text))
  }

  /// `count(sub)`: non-overlapping occurrences.
  static func count(_ text: String, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["sub"], "count", context)
    let needle = try arguments.string(0, "sub", default: nil, context)
    if needle.isEmpty { return .int(text.unicodeScalars.count + 1) }
    return .int(PythonString.split(text, by: needle).count - 1)
  }

  /// `find(sub)` / `rfind(sub)`: the scalar offset, or -1.
  static func find(_ text: String, _ arguments: Arguments, _ context: CallContext, reverse: Bool)
    throws -> Value
  {
    try arguments.check(["sub"], "find", context)
    let needle = Array(try arguments.string(0, "sub", default: nil, context).unicodeScalars)
    let haystack = Array(text.unicodeScalars)
    guard needle.count <= haystack.count else { return .int(-1) }
    let offsets = Array(0...(haystack.count - needle.count))
    for offset in reverse ? offsets.reversed() : offsets
    where haystack[offset..<(offset + needle.count)].elementsEqual(needle) {
      return .int(offset)
    }
    return .int(-1)
  }

  /// `zfill(width)`.
  static func zfill(_ text: String, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["width"], "zfill", context)
    let width = try arguments.int(0, "width", default: nil, context)
    let length = text.unicodeScalars.count
    guard width > length else { return .string(text) }
    let zeros = String(repeating: "0", count: width - length)
    if let sign = text.first, sign == "+" || sign == "-" {
      return .string(String(sign) + zeros + text.dropFirst())
    }
    return .string(zeros + text)
  }
}
