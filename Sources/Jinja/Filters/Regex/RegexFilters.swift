/// Ansible's regex filters: regex_replace, regex_search, regex_findall, regex_escape.
enum RegexFilters {
  /// The filters of this family by name.
  static let all: [String: Filter] = [
    "regex_replace": regexReplace, "regex_search": regexSearch, "regex_findall": regexFindall,
    "regex_escape": regexEscape,
  ]

  /// Compiles `pattern` or throws a located error.
  static func compile(
    _ pattern: String, ignoreCase: Bool, multiline: Bool, _ context: CallContext
  ) throws -> PythonRegex {
    do {
      return try PythonRegex(pattern, ignoreCase: ignoreCase, multiline: multiline)
    } catch {
      throw context.error(error.message, kind: .filter)
    }
  }

  /// `regex_replace(pattern='', replacement='', ignorecase=False, multiline=False, count=0,
  /// mandatory_count=0)`: `re.subn`.
  static func regexReplace(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(
      ["pattern", "replacement", "ignorecase", "multiline", "count", "mandatory_count"],
      "regex_replace", context)
    let text = try Builtins.text(value, context)
    let pattern = try Builtins.text(arguments.value(0, "pattern", default: .string("")), context)
    let replacement = try Builtins.text(
      arguments.value(1, "replacement", default: .string("")), context)
    let regex = try compile(
      pattern, ignoreCase: arguments.flag(2, "ignorecase", default: false),
      multiline: arguments.flag(3, "multiline", default: false), context)
    let count = try arguments.int(4, "count", default: 0, context)
    let mandatory = try arguments.int(5, "mandatory_count", default: 0, context)
    let output: String
    let replaced: Int
    do {
      (output, replaced) = try regex.substitute(in: text, template: replacement, count: count)
    } catch {
      throw context.error(error.message, kind: .filter)
    }
    if mandatory != 0, mandatory != replaced {
      throw context.error(
        "'\(pattern)' should match \(mandatory) times, but matches \(count) times in '\(text)'",
        kind: .filter)
    }
    return .string(output)
  }

  /// `regex_search(regex, *groups, ignorecase=False, multiline=False)`: the match, or the
  /// listed groups (`'\\1'`, `'\\g<name>'`); None when nothing matches.
  static func regexSearch(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    let text = try Builtins.text(value, context)
    guard let patternValue = arguments.positional.first else {
      throw context.error("regex_search() requires a regex", kind: .filter)
    }
    let regex = try compile(
      try Builtins.text(patternValue, context),
      ignoreCase: arguments["ignorecase"]?.isTruthy ?? false,
      multiline: arguments["multiline"]?.isTruthy ?? false, context)
    let groups = try arguments.positional.dropFirst().map { try groupReference($0, regex, context) }
    guard let match = regex.firstMatch(in: text) else { return .none }
    if groups.isEmpty { return .string(match.group(0) ?? "") }
    return .list(groups.map { match.group($0).map(Value.string) ?? Value.none })
  }

  private static func groupReference(_ value: Value, _ regex: PythonRegex, _ context: CallContext)
    throws -> Int
  {
    let text = try Builtins.text(value, context)
    if text.hasPrefix("\\g<"), text.hasSuffix(">") {
      let name = String(text.dropFirst(3).dropLast())
      if let number = Int(name) ?? regex.groupNames[name] { return number }
      throw context.error("no such group: \(name)", kind: .filter)
    }
    if text.hasPrefix("\\"), let number = Int(text.dropFirst()), number <= regex.groupCount {
      return number
    }
    throw context.error("Unknown argument", kind: .filter)
  }

  /// `regex_findall(regex, multiline=False, ignorecase=False)`: `re.findall`.
  static func regexFindall(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["regex", "multiline", "ignorecase"], "regex_findall", context)
    let text = try Builtins.text(value, context)
    let regex = try compile(
      try Builtins.text(arguments.value(0, "regex", default: .string("")), context),
      ignoreCase: arguments.flag(2, "ignorecase", default: false),
      multiline: arguments.flag(1, "multiline", default: false), context)
    return .list(
      regex.allMatches(in: text).map { match in
        switch regex.groupCount {
        case 0: return .string(match.group(0) ?? "")
        case 1: return .string(match.group(1) ?? "")
        default: return .list((1...regex.groupCount).map { .string(match.group($0) ?? "") })
        }
      })
  }

  /// `regex_escape(re_type='python')`: Python's `re.escape`.
  static func regexEscape(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["re_type"], "regex_escape", context)
    let type = try arguments.string(0, "re_type", default: "python", context)
    let text = try Builtins.text(value, context)
    var output = ""
    switch type {
    case "python":
      let special = Set("()[]{}?*+-|^$\\.&~# \t\n\r\u{0B}\u{0C}".unicodeScalars)
      for scalar in text.unicodeScalars {
        if special.contains(scalar) { output += "\\" }
        output.unicodeScalars.append(scalar)
      }
    case "posix_basic":
      for character in text {
        if "].[^$*\\".contains(character) { output += "\\" }
        output.append(character)
      }
    default:
      throw context.error("Invalid regex type (\(type))", kind: .filter)
    }
    return .string(output)
  }
}
