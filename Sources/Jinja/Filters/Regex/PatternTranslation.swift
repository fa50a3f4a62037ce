extension PythonRegex {
  /// A Python pattern rewritten for ICU, with its named groups.
  struct Translation {
    /// The ICU pattern.
    var pattern: String
    /// Capture group numbers by name.
    var names: [String: Int]
  }

  /// Rewrites Python-only syntax into ICU syntax, keeping group numbering. Anchors follow
  /// Python: `$` matches only before `\n` (or at the end), and with `multiline` `^` matches
  /// after every `\n`, even at the very end.
  static func translate(_ pattern: String, multiline: Bool = false) -> Translation {
    let multiline = multiline || pattern.hasPrefix("(?m") || pattern.hasPrefix("(?im")
    let chars = Array(pattern)
    var out = ""
    var names: [String: Int] = [:]
    var groupCount = 0
    var inClass = false
    var index = 0
    while index < chars.count {
      let char = chars[index]
      if char == "\\", index + 1 < chars.count {
        let next = chars[index + 1]
        out += next == "Z" && !inClass ? "\\z" : "\\\(next)"
        index += 2
        continue
      }
      if inClass {
        inClass = char != "]"
        out += classCharacter(chars, at: index)
        index += 1
        continue
      }
      switch char {
      case "[":
        inClass = true
        out.append(char)
        index += 1
        if index < chars.count, chars[index] == "^" {
          out.append("^")
          index += 1
        }
        if index < chars.count, chars[index] == "]" {
          out += "\\]"
          index += 1
        }
      case "(":
        index = translateGroup(chars, at: index, into: &out, names: &names, count: &groupCount)
      case "{":
        index = translateBrace(chars, at: index, into: &out)
      case "}":
        out += "\\}"
        index += 1
      case "^" where multiline:
        out += "(?:\\A|(?<=\\n))"
        index += 1
      case "$":
        out += multiline ? "(?=\\n|\\z)" : "(?=\\n?\\z)"
        index += 1
      default:
        out.append(char)
        index += 1
      }
    }
    return Translation(pattern: out, names: names)
  }

  /// A character inside `[...]`: ICU's set operators `[`, `&&` and `--` escaped.
  private static func classCharacter(_ chars: [Character], at index: Int) -> String {
    let char = chars[index]
    let isOperator =
      char == "[" || char == "&"
      || (char == "-" && index + 1 < chars.count && chars[index + 1] == "-")
    return isOperator ? "\\\(char)" : String(char)
  }

  /// Copies an opening parenthesis, turning `(?P<n>` into `(?<n>` and `(?P=n)` into `\k<n>`.
  private static func translateGroup(
    _ chars: [Character], at start: Int, into out: inout String, names: inout [String: Int],
    count: inout Int
  ) -> Int {
    let rest = String(chars[start...].prefix(4))
    if rest.hasPrefix("(?P<")
      || (rest.hasPrefix("(?<") && !rest.hasPrefix("(?<=") && !rest.hasPrefix("(?<!"))
    {
      let nameStart = start + (rest.hasPrefix("(?P<") ? 4 : 3)
      var end = nameStart
      while end < chars.count, chars[end] != ">" { end += 1 }
      count += 1
      let name = String(chars[nameStart..<min(end, chars.count)])
      names[name] = count
      out += "(?<\(name)>"
      return min(end + 1, chars.count)
    }
    if rest.hasPrefix("(?P=") {
      var end = start + 4
      while end < chars.count, chars[end] != ")" { end += 1 }
      out += "\\k<\(String(chars[(start + 4)..<min(end, chars.count)]))>"
      return min(end + 1, chars.count)
    }
    if !rest.hasPrefix("(?") { count += 1 }
    out.append("(")
    return start + 1
  }

  /// Copies a brace: a quantifier `{m}`, `{m,}`, `{m,n}`, `{,n}` as ICU spells it, else a literal.
  private static func translateBrace(_ chars: [Character], at start: Int, into out: inout String)
    -> Int
  {
    var end = start + 1
    while end < chars.count, chars[end].isNumber || chars[end] == "," { end += 1 }
    let body = String(chars[(start + 1)..<end])
    let parts = body.split(separator: ",", omittingEmptySubsequences: false)
    let isQuantifier =
      end < chars.count && chars[end] == "}" && !body.isEmpty && parts.count <= 2
      && !(parts.count == 2 && parts[0].isEmpty && parts[1].isEmpty)
      && !(parts.count == 1 && parts[0].isEmpty)
    guard isQuantifier else {
      out += "\\{"
      return start + 1
    }
    out += parts.count == 2 && parts[0].isEmpty ? "{0\(body)}" : "{\(body)}"
    return end + 1
  }
}
