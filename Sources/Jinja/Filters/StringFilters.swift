/// String filters: case, padding, trimming, replacement, indentation, truncation.
enum StringFilters {
  /// The filters of this family by name.
  static let all: [String: Filter] = [
    "capitalize": capitalize, "center": center, "lower": lower, "upper": upper, "title": title,
    "trim": trim, "replace": replace, "indent": indent, "truncate": truncate,
    "wordcount": wordcount, "string": string, "split": split, "format": format,
  ]

  /// `format(*args, **kwargs)`: Python's `value % args` (or `% kwargs`).
  static func format(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    let template = try Builtins.text(value, context)
    if !arguments.positional.isEmpty, !arguments.named.isEmpty {
      throw context.error("can't handle positional and keyword arguments at the same time")
    }
    var mapping: ValueMap?
    if !arguments.named.isEmpty {
      mapping = ValueMap(arguments.named.map { (Value.string($0.name), $0.value) })
    }
    do {
      return .string(
        try PercentFormat.format(template, positional: arguments.positional, mapping: mapping))
    } catch {
      throw context.error(error.message, kind: .type)
    }
  }

  /// `capitalize`: first character upper case, the rest lower case.
  static func capitalize(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "capitalize", context)
    return .string(PythonString.capitalize(try Builtins.text(value, context)))
  }

  /// `center(width=80)`: Python's `str.center`.
  static func center(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["width"], "center", context)
    let width = try arguments.int(0, "width", default: 80, context)
    return .string(PythonString.center(try Builtins.text(value, context), width: width))
  }

  /// `lower`.
  static func lower(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "lower", context)
    return .string(try Builtins.text(value, context).lowercased())
  }

  /// `upper`.
  static func upper(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "upper", context)
    return .string(try Builtins.text(value, context).uppercased())
  }

  /// `title`: each word (split at whitespace, `-`, `(`, `{`, `[`, `<`) capitalized.
  static func title(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "title", context)
    var output = ""
    var atWordStart = true
    for scalar in try Builtins.text(value, context).unicodeScalars {
      if PythonString.isSpace(scalar) || "-({[<".unicodeScalars.contains(scalar) {
        output.unicodeScalars.append(scalar)
        atWordStart = true
      } else {
        output +=
          atWordStart ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
        atWordStart = false
      }
    }
    return .string(output)
  }

  /// `trim(chars=None)`: Python's `str.strip`.
  static func trim(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["chars"], "trim", context)
    let chars = arguments.argument(0, "chars").flatMap(\.stringValue)
    return .string(
      PythonString.strip(try Builtins.text(value, context), chars, left: true, right: true))
  }

  /// `replace(old, new, count=None)`: Python's `str.replace`.
  static func replace(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["old", "new", "count"], "replace", context)
    guard let oldValue = arguments.argument(0, "old"), let newValue = arguments.argument(1, "new")
    else {
      let missing = arguments.argument(0, "old") == nil ? "old" : "new"
      throw context.error(
        "replace() missing 1 required positional argument: '\(missing)'", kind: .filter)
    }
    let old = try Builtins.text(oldValue, context)
    let new = try Builtins.text(newValue, context)
    let count = try arguments.int(2, "count", default: -1, context)
    return .string(
      PythonString.replace(try Builtins.text(value, context), old, new, count: count))
  }

  /// `indent(width=4, first=False, blank=False)`: indents every line but the first (and blank
  /// lines) unless asked; a string width is used as the indentation itself.
  static func indent(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["width", "first", "blank"], "indent", context)
    let indentation: String
    if case .string(let text)? = arguments.argument(0, "width") {
      indentation = text
    } else {
      indentation = String(
        repeating: " ", count: max(0, try arguments.int(0, "width", default: 4, context)))
    }
    let first = arguments.flag(1, "first", default: false)
    let blank = arguments.flag(2, "blank", default: false)
    var lines = PythonString.splitLines(try Builtins.text(value, context) + "\n")
    var output: String
    if blank {
      output = lines.joined(separator: "\n" + indentation)
    } else {
      output = lines.isEmpty ? "" : lines.removeFirst()
      if !lines.isEmpty {
        output += "\n" + lines.map { $0.isEmpty ? $0 : indentation + $0 }.joined(separator: "\n")
      }
    }
    return .string(first ? indentation + output : output)
  }

  /// `truncate(length=255, killwords=False, end='...', leeway=5)`.
  static func truncate(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["length", "killwords", "end", "leeway"], "truncate", context)
    let text = Array(try Builtins.text(value, context).unicodeScalars)
    let length = try arguments.int(0, "length", default: 255, context)
    let killWords = arguments.flag(1, "killwords", default: false)
    let end = try arguments.string(2, "end", default: "...", context)
    let leeway = try arguments.int(3, "leeway", default: 5, context)
    guard length >= end.unicodeScalars.count, leeway >= 0 else {
      throw context.error("expected length >= \(end.unicodeScalars.count), got \(length)")
    }
    if text.count <= length + leeway { return value }
    let kept = String(String.UnicodeScalarView(text.prefix(length - end.unicodeScalars.count)))
    if killWords { return .string(kept + end) }
    guard let space = kept.lastIndex(of: " ") else { return .string(kept + end) }
    return .string(String(kept[..<space]) + end)
  }

  /// `wordcount`: the number of `\w+` runs.
  static func wordcount(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "wordcount", context)
    var count = 0
    var inWord = false
    for scalar in try Builtins.text(value, context).unicodeScalars {
      let isWord = PythonString.isWordCharacter(scalar)
      if isWord, !inWord { count += 1 }
      inWord = isWord
    }
    return .int(count)
  }

  /// `string`: `str(value)`.
  static func string(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "string", context)
    return .string(try Builtins.text(value, context))
  }

  /// `split(sep=None, maxsplit=-1)`: Python's `str.split` (Ansible).
  static func split(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["sep", "maxsplit"], "split", context)
    let separator = arguments.argument(0, "sep").flatMap { $0.isNone ? nil : $0 }
    let maxSplit = try arguments.int(1, "maxsplit", default: -1, context)
    let text = try Builtins.text(value, context)
    let parts = try PythonString.split(
      text, separator.map { try Builtins.text($0, context) }, maxSplit: maxSplit, context)
    return .list(parts.map(Value.string))
  }
}
