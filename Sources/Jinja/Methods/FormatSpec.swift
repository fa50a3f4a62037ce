import Foundation

/// Python's format-spec mini-language: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
struct FormatSpec {
  var fill: Character = " "
  var align: Character?
  var sign: Character = "-"
  var alternate = false
  var width = 0
  var grouping: Character?
  var precision: Int?
  var type: Character?

  /// Formats `value` per `spec` as `format(value, spec)` does.
  static func apply(_ spec: String, to value: Value, _ context: CallContext) throws -> String {
    guard let parsed = FormatSpec(parsing: Array(spec)) else {
      throw context.error("Invalid format specifier '\(spec)'")
    }
    switch value {
    case .string(let text):
      guard parsed.type == nil || parsed.type == "s" else {
        throw context.error("Unknown format code '\(parsed.type!)' for object of type 'str'")
      }
      var shown = text
      if let precision = parsed.precision { shown = String(text.unicodeScalars.prefix(precision)) }
      return parsed.pad(shown, defaultAlign: "<", signLength: 0)
    case .int,
      .bool where parsed.type != nil || !spec.isEmpty:
      return try parsed.formatInteger(value.intValue ?? 0, context)
    case .float(let number):
      return parsed.formatFloat(number)
    default:
      guard spec.isEmpty else {
        throw context.error("unsupported format string passed to \(value.typeName).__format__")
      }
      return value.pythonString()
    }
  }

  private init?(parsing chars: [Character]) {
    var index = 0
    if chars.count >= 2, "<>=^".contains(chars[1]) {
      fill = chars[0]
      align = chars[1]
      index = 2
    } else if let first = chars.first, "<>=^".contains(first) {
      align = first
      index = 1
    }
    if index < chars.count, "+- ".contains(chars[index]) {
      sign = chars[index]
      index += 1
    }
    if index < chars.count, chars[index] == "#" {
      alternate = true
      index += 1
    }
    if index < chars.count, chars[index] == "0" {
      if align == nil {
        fill = "0"
        align = "="
      }
      index += 1
    }
    var digits = ""
    while index < chars.count, chars[index].isASCII, chars[index].isNumber {
      digits.append(chars[index])
      index += 1
    }
    width = Int(digits) ?? 0
    if index < chars.count, chars[index] == "," || chars[index] == "_" {
      grouping = chars[index]
      index += 1
    }
    if index < chars.count, chars[index] == "." {
      index += 1
      var precisionDigits = ""
      while index < chars.count, chars[index].isASCII, chars[index].isNumber {
        precisionDigits.append(chars[index])
        index += 1
      }
      guard let value = Int(precisionDigits) else { return nil }
      precision = value
    }
    if index < chars.count {
      type = chars[index]
      index += 1
    }
    guard index == chars.count else { return nil }
  }

  private func pad(_ body: String, defaultAlign: Character, signLength: Int) -> String {
    let length = body.unicodeScalars.count
    guard width > length else { return body }
    let padding = width - length
    let fillText = { (count: Int) in String(repeating: String(self.fill), count: count) }
    switch align ?? defaultAlign {
    case "<": return body + fillText(padding)
    case "^": return fillText(padding / 2) + body + fillText(padding - padding / 2)
    case "=":
      let signPart = String(body.prefix(signLength))
      return signPart + fillText(padding) + body.dropFirst(signLength)
    default: return fillText(padding) + body
    }
  }

  private func signPrefix(negative: Bool) -> String {
    if negative { return "-" }
    return sign == "+" ? "+" : (sign == " " ? " " : "")
  }

  private func grouped(_ digits: String, every size: Int) -> String {
    guard let grouping else { return digits }
    var output = ""
    for (offset, character) in digits.reversed().enumerated() {
      if offset > 0, offset % size == 0 { output.append(grouping) }
      output.append(character)
    }
    return String(output.reversed())
  }

  fileprivate func formatInteger(_ number: Int, _ context: CallContext) throws -> String {
    if let type, "eEfFgG%".contains(type) { return formatFloat(Double(number)) }
    let radix: Int
    var prefix = ""
    switch type {
    case nil, "d", "n": radix = 10
    case "x", "X":
      radix = 16
      prefix = alternate ? (type == "X" ? "0X" : "0x") : ""
    case "o":
      radix = 8
      prefix = alternate ? "0o" : ""
    case "b":
      radix = 2
      prefix = alternate ? "0b" : ""
    case "c":
      return pad(
        Unicode.Scalar(UInt32(clamping: number)).map { String(Character($0)) } ?? "",
        defaultAlign: "<", signLength: 0)
    default:
      throw context.error("Unknown format code '\(type!)' for object of type 'int'")
    }
    var digits = String(number.magnitude, radix: radix, uppercase: type == "X")
    digits = grouped(digits, every: radix == 10 ? 3 : 4)
    let head = signPrefix(negative: number < 0) + prefix
    return pad(head + digits, defaultAlign: ">", signLength: head.count)
  }

  fileprivate func formatFloat(_ number: Double) -> String {
    var body: String
    switch type {
    case "%":
      body = String(format: "%.\(precision ?? 6)f", abs(number) * 100) + "%"
    case let code? where "eEfFgG".contains(code):
      body = String(format: "%\(alternate ? "#" : "").\(precision ?? 6)\(code)", abs(number))
    default:
      if let precision {
        body = String(format: "%.\(max(precision, 1))g", abs(number))
      } else {
        body = Value.float(abs(number)).pythonRepr()
      }
    }
    if grouping != nil,
      let dot = body.firstIndex(where: { !$0.isNumber }) ?? Optional(body.endIndex)
    {
      body = grouped(String(body[..<dot]), every: 3) + body[dot...]
    }
    let head = signPrefix(negative: number.sign == .minus && !number.isNaN)
    return pad(head + body, defaultAlign: ">", signLength: head.count)
  }
}
