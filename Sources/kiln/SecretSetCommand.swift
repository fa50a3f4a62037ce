import ArgumentParser
import Foundation
import KilnCompiler

#if canImport(Glibc)
  import Glibc
#endif

/// `kiln secret set --env E NAME`: encrypt a value read from standard input or a no-echo prompt.
struct SecretSetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Encrypt a secret's value (from standard input or a prompt) into the repository.",
    discussion: """
      Reads the value from standard input when it is not a terminal (one trailing newline is \
      dropped), else prompts twice without echo. Overwrites environments/<env>/secrets/NAME.age.
      """)

  @OptionGroup var options: SecretOptions

  @Argument(help: "The secret's name (letters, digits, '_', '-', '.').")
  var name: String

  func run() throws {
    let writer = try SecretWriter(root: options.repository)
    _ = try writer.recipients(for: options.environment)
    let value = try SecretInput.read(name: name)
    let path = try writer.set(name, value: value, environment: options.environment)
    let file = try writer.file(name, environment: options.environment)
    Terminal.output("wrote \(path) (sha256:\(file.fingerprint))")
  }
}

/// Reads a secret value without echoing it.
enum SecretInput {
  /// The value from standard input, or typed twice at the terminal.
  static func read(name: String) throws -> [UInt8] {
    guard isatty(STDIN_FILENO) == 1 else {
      var bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
      if bytes.last == 0x0a { bytes.removeLast() }
      if bytes.last == 0x0d { bytes.removeLast() }
      return bytes
    }
    let first = try prompt("Value for secret \(name): ")
    let second = try prompt("Again: ")
    guard first == second else {
      Terminal.error("the two values differ; nothing written")
      throw KilnExit(code: 2)
    }
    return first
  }

  private static func prompt(_ text: String) throws -> [UInt8] {
    Terminal.error(text, newline: false)
    var original = termios()
    tcgetattr(STDIN_FILENO, &original)
    var silent = original
    silent.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
    defer {
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
      Terminal.error("")
    }
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while Glibc.read(STDIN_FILENO, &byte, 1) == 1, byte != 0x0a { bytes.append(byte) }
    if bytes.last == 0x0d { bytes.removeLast() }
    return bytes
  }
}
