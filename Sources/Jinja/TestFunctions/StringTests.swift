/// String and truthiness tests: lower, upper, match, search, regex, truthy, falsy, version.
enum StringTests {
  /// The tests of this family by name.
  static let all: [String: Test] = [
    "lower": lower, "upper": upper, "match": { try regex($0, $1, $2, mode: "match") },
    "search": { try regex($0, $1, $2, mode: "search") },
    "regex": { try regex($0, $1, $2, mode: nil) }, "truthy": truthy,
    "falsy": { try !truthy($0, $1, $2) }, "version": version, "version_compare": version,
    "any": { value, _, context in
      try ValueIteration.items(value, context).contains(where: \.isTruthy)
    },
    "all": { value, _, context in try ValueIteration.items(value, context).allSatisfy(\.isTruthy) },
  ]

  /// `lower`: Python's `str.islower()` (has cased characters, none upper case).
  static func lower(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Bool {
    let text = try Builtins.text(value, context)
    return text.contains(where: \.isLowercase) && !text.contains(where: \.isUppercase)
  }

  /// `upper`: Python's `str.isupper()`.
  static func upper(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Bool {
    let text = try Builtins.text(value, context)
    return text.contains(where: \.isUppercase) && !text.contains(where: \.isLowercase)
  }

  /// `match`/`search`/`regex(pattern, ignorecase=False, multiline=False, match_type='search')`.
  static func regex(
    _ value: Value, _ arguments: Arguments, _ context: CallContext, mode: String?
  ) throws -> Bool {
    let names = ["pattern", "ignorecase", "multiline"] + (mode == nil ? ["match_type"] : [])
    try arguments.check(names, mode ?? "regex", context)
    let text = try Builtins.text(value, context)
    let pattern = try Builtins.text(arguments.value(0, "pattern", default: .string("")), context)
    let matchType = try mode ?? arguments.string(3, "match_type", default: "search", context)
    let ignoreCase = arguments.flag(1, "ignorecase", default: false)
    let multiline = arguments.flag(2, "multiline", default: false)
    switch matchType {
    case "match", "search":
      let regex = try RegexFilters.compile(
        pattern, ignoreCase: ignoreCase, multiline: multiline, context)
      return regex.firstMatch(in: text, anchored: matchType == "match") != nil
    case "fullmatch":
      let regex = try RegexFilters.compile(
        "(?:\(pattern))\\Z", ignoreCase: ignoreCase, multiline: multiline, context)
      return regex.firstMatch(in: text, anchored: true) != nil
    default:
      throw context.error("unknown match_type '\(matchType)'", kind: .test)
    }
  }

  /// `truthy(convert_bool=False)`: Python truthiness, optionally after Ansible's `bool`.
  static func truthy(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Bool
  {
    try arguments.check(["convert_bool"], "truthy", context)
    try Builtins.requireDefined(value, context)
    if arguments.flag(0, "convert_bool", default: false) {
      switch value {
      case .string(let text):
        let lowered = text.lowercased()
        if ["yes", "on", "true", "1", "y", "t"].contains(lowered) { return true }
        if ["no", "off", "false", "0", "n", "f", ""].contains(lowered) { return false }
      case .int(let number) where number == 0 || number == 1: return number == 1
      case .float(let number) where number == 0 || number == 1: return number == 1
      default: break
      }
    }
    return value.isTruthy
  }

  /// `version(version, operator='eq', strict=False, version_type=None)`: LooseVersion order.
  static func version(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Bool
  {
    try arguments.check(["version", "operator", "strict", "version_type"], "version", context)
    let left = try Builtins.text(value, context)
    let right = try Builtins.text(arguments.value(0, "version", default: .string("")), context)
    guard !left.isEmpty else {
      throw context.error("Input version value cannot be empty", kind: .test)
    }
    guard !right.isEmpty else {
      throw context.error("Version parameter to compare against cannot be empty", kind: .test)
    }
    let operators: [String: (Int) -> Bool] = [
      "==": { $0 == 0 }, "=": { $0 == 0 }, "eq": { $0 == 0 }, "<": { $0 < 0 }, "lt": { $0 < 0 },
      "<=": { $0 <= 0 }, "le": { $0 <= 0 }, ">": { $0 > 0 }, "gt": { $0 > 0 },
      ">=": { $0 >= 0 }, "ge": { $0 >= 0 }, "!=": { $0 != 0 }, "<>": { $0 != 0 },
      "ne": { $0 != 0 },
    ]
    let name = try arguments.string(1, "operator", default: "eq", context)
    guard let accept = operators[name] else {
      throw context.error("Invalid operator type (\(name))", kind: .test)
    }
    return accept(
      try ValueComparison.compare(
        .list(looseComponents(left)), .list(looseComponents(right)), context))
  }

  /// distutils' LooseVersion components: digit runs as ints; `a-z` runs and other runs as strings.
  static func looseComponents(_ text: String) -> [Value] {
    var components: [Value] = []
    var current = ""
    var currentClass = 0
    func flush() {
      guard !current.isEmpty else { return }
      components.append(
        currentClass == 0 ? (Int(current).map(Value.int) ?? .string(current)) : .string(current))
      current = ""
    }
    for character in text {
      if character == "." {
        flush()
        continue
      }
      let characterClass =
        character.isASCII && character.isNumber
        ? 0 : (character.isASCII && character.isLowercase ? 1 : 2)
      if !current.isEmpty, characterClass != currentClass { flush() }
      currentClass = characterClass
      current.append(character)
    }
    flush()
    return components
  }
}
