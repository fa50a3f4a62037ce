/// Python's `re.sub` replacement syntax: `\1`, `\g<1>`, `\g<name>`, and `\n`-style escapes.
enum ReplacementTemplate {
  /// A literal run or a group reference.
  enum Piece {
    case literal(String)
    case group(Int)
  }

  /// Parses `template`, checking group references against the pattern.
  static func parse(_ template: String, names: [String: Int], groupCount: Int) throws(PythonRegex
    .PatternError) -> [Piece]
  {
    let chars = Array(template)
    var pieces: [Piece] = []
    var literal = ""
    var index = 0
    func flush() {
      if !literal.isEmpty { pieces.append(.literal(literal)) }
      literal = ""
    }
    while index < chars.count {
      let char = chars[index]
      guard char == "\\", index + 1 < chars.count else {
        literal.append(char)
        index += 1
        continue
      }
      let next = chars[index + 1]
      if next.isASCII, next.isNumber {
        var end = index + 1
        while end < chars.count, end < index + 3, chars[end].isASCII, chars[end].isNumber {
          end += 1
        }
        let number = Int(String(chars[(index + 1)..<end])) ?? 0
        guard number <= groupCount else {
          throw PythonRegex.PatternError(message: "invalid group reference \(number)")
        }
        flush()
        pieces.append(.group(number))
        index = end
      } else if next == "g", index + 2 < chars.count, chars[index + 2] == "<" {
        var end = index + 3
        while end < chars.count, chars[end] != ">" { end += 1 }
        let name = String(chars[(index + 3)..<min(end, chars.count)])
        guard end < chars.count, let number = Int(name) ?? names[name], number <= groupCount else {
          throw PythonRegex.PatternError(message: "unknown group name '\(name)'")
        }
        flush()
        pieces.append(.group(number))
        index = end + 1
      } else {
        literal += escape(next)
        index += 2
      }
    }
    flush()
    return pieces
  }

  private static func escape(_ char: Character) -> String {
    switch char {
    case "n": return "\n"
    case "t": return "\t"
    case "r": return "\r"
    case "f": return "\u{0C}"
    case "v": return "\u{0B}"
    case "a": return "\u{07}"
    case "\\": return "\\"
    default: return "\\\(char)"
    }
  }

  /// The replacement text for one match (an unmatched group gives the empty string).
  static func expand(_ pieces: [Piece], match: RegexMatch) -> String {
    var text = ""
    for piece in pieces {
      switch piece {
      case .literal(let literal): text += literal
      case .group(let number): text += match.group(number) ?? ""
      }
    }
    return text
  }
}
