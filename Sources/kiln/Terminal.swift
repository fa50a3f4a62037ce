import Foundation

/// Writes to standard output and standard error.
enum Terminal {
  static func output(_ text: String, newline: Bool = true) {
    FileHandle.standardOutput.write(Data((newline ? text + "\n" : text).utf8))
  }

  static func error(_ text: String, newline: Bool = true) {
    FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
  }
}
