/// Python's `shlex.split(line, comments=True)` (POSIX mode), which Ansible's `ini` inventory
/// plugin uses to split a host line into the host pattern and its `key=value` variables.
enum ShellWords {
  /// A quote or escape left open at the end of the line, with shlex's message.
  struct Failure: Error, Equatable {
    var message: String
  }

  private enum State: Equatable {
    case whitespace
    case word
    case quoted(Character)
    case escaped(after: EscapeContext)
  }

  private enum EscapeContext: Equatable {
    case word
    case doubleQuoted
  }

  /// The words of `line`; `#` starts a comment wherever a word may continue.
  static func split(_ line: String) throws(Failure) -> [String] {
    var words: [String] = []
    var token = ""
    var quoted = false
    var state = State.whitespace
    func emit() {
      if !token.isEmpty || quoted { words.append(token) }
      token = ""
      quoted = false
    }
    scan: for character in line {
      switch state {
      case .whitespace, .word:
        if " \t\r\n".contains(character) {
          emit()
          state = .whitespace
        } else if character == "#" {
          break scan
        } else if character == "'" || character == "\"" {
          state = .quoted(character)
        } else if character == "\\" {
          state = .escaped(after: .word)
        } else {
          token.append(character)
          state = .word
        }
      case .quoted(let quote):
        if character == quote {
          quoted = true
          state = .word
        } else if quote == "\"" && character == "\\" {
          state = .escaped(after: .doubleQuoted)
        } else {
          token.append(character)
        }
      case .escaped(let context):
        if context == .doubleQuoted && character != "\"" && character != "\\" {
          token.append("\\")
        }
        token.append(character)
        state = context == .word ? .word : .quoted("\"")
      }
    }
    switch state {
    case .quoted: throw Failure(message: "No closing quotation")
    case .escaped: throw Failure(message: "No escaped character")
    default: emit()
    }
    return words
  }
}
