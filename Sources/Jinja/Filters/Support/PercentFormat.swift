import Foundation

/// Python's `str % args` formatting (`%s %r %d %i %f %e %g %x %o %c %%`, flags, width,
/// precision, `*`, and `%(name)s` with a mapping).
struct PercentFormat {
  /// Why formatting failed, in Python's words.
  struct Failure: Error {
    /// The TypeError/ValueError text.
    var message: String
  }

  private var positional: [Value]
  private let mapping: ValueMap?
  private var used = 0

  /// Formats `format` with positional values or, when `mapping` is given, named values.
  static func format(_ format: String, positional: [Value], mapping: ValueMap?) throws(Failure)
    -> String
  {
    var formatter = PercentFormat(positional: positional, mapping: mapping)
    let output = try formatter.run(Array(format))
    if mapping == nil, formatter.used < positional.count {
      throw Failure(message: "not all arguments converted during string formatting")
    }
    return output
  }

  private init(positional: [Value], mapping: ValueMap?) {
    self.positional = positional
    self.mapping = mapping
  }

  private mutating func next() throws(Failure) -> Value {
    guard used < positional.count else {
      throw Failure(message: "not enough arguments for format string")
    }
    defer { used += 1 }
    return positional[used]
  }

  private mutating func run(_ chars: [Character]) throws(Failure) -> String {
    var output = ""
    var index = 0
    while index < chars.count {
      guard chars[index] == "%" else {
        output.append(chars[index])
        index += 1
        continue
      }
      index += 1
      var argument: Value?
      if index < chars.count, chars[index] == "(" {
        var end = index + 1
        while end < chars.count, chars[end] != ")" { end += 1 }
        guard end < chars.count, let mapping else {
          throw Failure(message: "format requires a mapping")
        }
        let key = String(chars[(index + 1)..<end])
        guard let value = mapping[key] else { throw Failure(message: "'\(key)'") }
        argument = value
        index = end + 1
      }
      var flags = Set<Character>()
      while index < chars.count, "-+ #0".contains(chars[index]) {
        flags.insert(chars[index])
        index += 1
      }
      var width = try number(chars, &index)
      if let given = width, given < 0 {
        flags.insert("-")
        width = -given
      }
      var precision: Int?
      if index < chars.count, chars[index] == "." {
        index += 1
        precision = try number(chars, &index) ?? 0
      }
      while index < chars.count, "hlL".contains(chars[index]) { index += 1 }
      guard index < chars.count else { throw Failure(message: "incomplete format") }
      let type = chars[index]
      index += 1
      if type == "%" {
        output += "%"
        continue
      }
      let value: Value
      if let argument { value = argument } else { value = try next() }
      let spec = Spec(flags: flags, width: width, precision: precision, type: type)
      output += try PercentFormat.convert(value, spec)
    }
    return output
  }

  private mutating func number(_ chars: [Character], _ index: inout Int) throws(Failure) -> Int? {
    if index < chars.count, chars[index] == "*" {
      index += 1
      guard case .int(let value) = try next() else { throw Failure(message: "* wants int") }
      return value
    }
    var digits = ""
    while index < chars.count, chars[index].isASCII, chars[index].isNumber {
      digits.append(chars[index])
      index += 1
    }
    return digits.isEmpty ? nil : Int(digits)
  }

  /// One conversion specifier.
  struct Spec {
    var flags: Set<Character>
    var width: Int?
    var precision: Int?
    var type: Character
  }

  private static func convert(_ value: Value, _ spec: Spec) throws(Failure) -> String {
    switch spec.type {
    case "s", "r", "a":
      var text = spec.type == "s" ? value.pythonString() : value.pythonRepr()
      if let precision = spec.precision { text = String(text.unicodeScalars.prefix(precision)) }
      return pad(text, spec, numeric: false)
    case "d", "i", "u", "x", "X", "o":
      return try integer(value, spec)
    case "e", "E", "f", "F", "g", "G":
      guard let number = value.doubleValue else {
        throw Failure(message: "must be real number, not \(value.typeName)")
      }
      var format = "%"
      for flag in "-+ #0" where spec.flags.contains(flag) { format.append(flag) }
      if let width = spec.width { format += String(width) }
      format += ".\(spec.precision ?? 6)\(spec.type)"
      return String(format: format, number)
    case "c":
      if case .int(let code) = value, let scalar = Unicode.Scalar(UInt32(clamping: code)) {
        return pad(String(Character(scalar)), spec, numeric: false)
      }
      if case .string(let text) = value, text.unicodeScalars.count == 1 {
        return pad(text, spec, numeric: false)
      }
      throw Failure(message: "%c requires an int or a unicode character, not \(value.typeName)")
    default:
      throw Failure(message: "unsupported format character '\(spec.type)'")
    }
  }

  private static func integer(_ value: Value, _ spec: Spec) throws(Failure) -> String {
    let number: Int
    switch value {
    case .int(let given): number = given
    case .bool(let flag): number = flag ? 1 : 0
    case .float(let given) where given.isFinite && abs(given) < 9.2e18: number = Int(given)
    default:
      throw Failure(
        message: "%\(spec.type) format: a real number is required, not \(value.typeName)")
    }
    let radix = spec.type == "x" || spec.type == "X" ? 16 : (spec.type == "o" ? 8 : 10)
    var digits = String(number.magnitude, radix: radix, uppercase: spec.type == "X")
    if let precision = spec.precision, digits.count < precision {
      digits = String(repeating: "0", count: precision - digits.count) + digits
    }
    var prefix =
      number < 0 ? "-" : (spec.flags.contains("+") ? "+" : (spec.flags.contains(" ") ? " " : ""))
    if spec.flags.contains("#"), radix != 10 {
      prefix += radix == 16 ? (spec.type == "X" ? "0X" : "0x") : "0o"
    }
    if spec.flags.contains("0"), !spec.flags.contains("-"), let width = spec.width,
      prefix.count + digits.count < width
    {
      digits = String(repeating: "0", count: width - prefix.count - digits.count) + digits
    }
    return pad(prefix + digits, spec, numeric: true)
  }

  private static func pad(_ text: String, _ spec: Spec, numeric: Bool) -> String {
    let length = text.unicodeScalars.count
    guard let width = spec.width, width > length else { return text }
    let fill = String(repeating: " ", count: width - length)
    return spec.flags.contains("-") ? text + fill : fill + text
  }
}
