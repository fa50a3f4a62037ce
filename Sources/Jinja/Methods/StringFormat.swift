import Foundation

/// Python's `str.format`: `{}`/`{0}`/`{name}` fields with `.attr`/`[key]` lookups, `!r`/`!s`
/// conversions and the format-spec mini-language for strings, integers and floats.
enum StringFormat {
  /// Formats `template` with `arguments`.
  static func format(_ template: String, _ arguments: Arguments, _ context: CallContext) throws
    -> String
  {
    var automatic = 0
    return try render(Array(template), arguments, context, automatic: &automatic)
  }

  private static func render(
    _ chars: [Character], _ arguments: Arguments, _ context: CallContext, automatic: inout Int
  ) throws -> String {
    var output = ""
    var index = 0
    while index < chars.count {
      let char = chars[index]
      if char == "}" {
        guard index + 1 < chars.count, chars[index + 1] == "}" else {
          throw context.error("Single '}' encountered in format string")
        }
        output += "}"
        index += 2
        continue
      }
      guard char == "{" else {
        output.append(char)
        index += 1
        continue
      }
      if index + 1 < chars.count, chars[index + 1] == "{" {
        output += "{"
        index += 2
        continue
      }
      var depth = 1
      var end = index + 1
      while end < chars.count, depth > 0 {
        if chars[end] == "{" { depth += 1 }
        if chars[end] == "}" { depth -= 1 }
        end += 1
      }
      guard depth == 0 else { throw context.error("expected '}' before end of string") }
      output += try field(Array(chars[(index + 1)..<(end - 1)]), arguments, context, &automatic)
      index = end
    }
    return output
  }

  private static func field(
    _ body: [Character], _ arguments: Arguments, _ context: CallContext, _ automatic: inout Int
  ) throws -> String {
    var name = body
    var spec: [Character] = []
    var conversion: Character?
    if let colon = body.firstIndex(of: ":") {
      name = Array(body[..<colon])
      spec = Array(body[(colon + 1)...])
    }
    if let bang = name.firstIndex(of: "!") {
      conversion = bang + 1 < name.count ? name[bang + 1] : nil
      name = Array(name[..<bang])
    }
    var value = try lookup(String(name), arguments, context, &automatic)
    switch conversion {
    case "r", "a": value = .string(value.pythonRepr())
    case "s": value = .string(value.pythonString())
    case nil: break
    default:
      throw context.error("Unknown conversion specifier \(conversion.map(String.init) ?? "")")
    }
    let expandedSpec = try render(spec, arguments, context, automatic: &automatic)
    return try FormatSpec.apply(expandedSpec, to: value, context)
  }

  private static func lookup(
    _ name: String, _ arguments: Arguments, _ context: CallContext, _ automatic: inout Int
  ) throws -> Value {
    let head = String(name.prefix { $0 != "." && $0 != "[" })
    var rest = Substring(name.dropFirst(head.count))
    var value: Value
    if head.isEmpty {
      guard automatic < arguments.positional.count else {
        throw context.error("Replacement index \(automatic) out of range for positional args tuple")
      }
      value = arguments.positional[automatic]
      automatic += 1
    } else if let position = Int(head) {
      guard position < arguments.positional.count else {
        throw context.error("Replacement index \(position) out of range for positional args tuple")
      }
      value = arguments.positional[position]
    } else {
      guard let named = arguments[head] else { throw context.error("KeyError: '\(head)'") }
      value = named
    }
    while let first = rest.first {
      rest = rest.dropFirst()
      let key: String
      if first == "[" {
        key = String(rest.prefix { $0 != "]" })
        rest = rest.dropFirst(key.count + 1)
      } else {
        key = String(rest.prefix { $0 != "." && $0 != "[" })
        rest = rest.dropFirst(key.count)
      }
      let keyValue: Value = first == "[" ? (Int(key).map(Value.int) ?? .string(key)) : .string(key)
      value = try ValueIteration.item(value, keyValue, name: name)
      try Builtins.requireDefined(value, context)
    }
    return value
  }
}
