import KilnDiagnostics
import KilnYAML

/// Encrypts one secret's value for the repository (age, to the import's recipients).
public protocol SecretSealing: Sendable {
  /// The encrypted file for `plaintext`.
  func seal(_ plaintext: [UInt8]) throws -> [UInt8]
}

/// Turns kolla-ansible's `passwords.yml` into age secrets: every string value becomes
/// `secrets/<name>.age` and `group_vars/all/passwords.yaml` refers to it as `!secret <name>`.
/// A mapping value (kolla's SSH key pairs) gives one secret per entry, `<name>.<key>`. No value
/// is ever written in clear; a `null` password is written as `null` and reported.
public struct PasswordsConversion {
  /// The references file (`name: !secret name` lines).
  public var referencesText: String
  /// Secret name → encrypted bytes, in the order of the source.
  public var secrets: [(name: String, bytes: [UInt8])]
  /// The variables (top-level names) converted, with where each is set.
  public var variables: [(name: String, location: SourceLocation)]
  /// Null passwords and values that could not be converted.
  public var diagnostics: [Diagnostic]

  /// Converts `text` (the contents of `file`), encrypting each value with `sealer`.
  public init(text: String, file: String, sealer: any SecretSealing) throws(ImportError) {
    let root = try GlobalsConversion.mapping(text, file: file)
    var lines = ["# Passwords imported from \(file) by `kiln import`: each value is an age secret."]
    var secrets: [(name: String, bytes: [UInt8])] = []
    var variables: [(name: String, location: SourceLocation)] = []
    var diagnostics: [Diagnostic] = []
    for pair in root.mappingPairs ?? [] {
      let name = pair.key.string ?? ""
      guard Self.isSecretName(name) else {
        diagnostics.append(
          Self.skipped("password name '\(name)' is not a plain variable name", pair))
        continue
      }
      switch pair.value.content {
      case .scalar(let scalar) where scalar.value == .null:
        lines.append("\(name): null")
        variables.append((name, pair.key.location))
        diagnostics.append(
          Diagnostic(
            id: ImportDiagnostics.emptyPassword, severity: .note,
            message: "'\(name)' has no value; written as null, no secret",
            location: pair.key.location))
      case .scalar(let scalar):
        secrets.append((name, try Self.seal(scalar.text, name: name, at: pair, with: sealer)))
        lines.append("\(name): !secret \(name)")
        variables.append((name, pair.key.location))
      case .mapping(let entries):
        var entryLines: [String] = []
        for entry in entries {
          let key = entry.key.string ?? ""
          guard Self.isSecretName(key), case .scalar(let scalar) = entry.value.content,
            scalar.value != .null
          else {
            diagnostics.append(Self.skipped("'\(name).\(key)' is not a plain string value", entry))
            continue
          }
          let secret = "\(name).\(key)"
          secrets.append(
            (secret, try Self.seal(scalar.text, name: secret, at: entry, with: sealer)))
          entryLines.append("  \(key): !secret \(secret)")
        }
        lines.append("\(name):" + (entryLines.isEmpty ? " {}" : ""))
        lines += entryLines
        variables.append((name, pair.key.location))
      case .sequence:
        diagnostics.append(Self.skipped("password '\(name)' is a list", pair))
      }
    }
    referencesText = lines.joined(separator: "\n") + "\n"
    self.secrets = secrets
    self.variables = variables
    self.diagnostics = diagnostics
  }

  /// Names made of letters, digits, `_` and `-`, not starting with a digit or `-`.
  static func isSecretName(_ name: String) -> Bool {
    guard let first = name.first, first.isASCII, first.isLetter || first == "_" else {
      return false
    }
    return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
  }

  private static func skipped(_ message: String, _ pair: YAMLPair) -> Diagnostic {
    Diagnostic(
      id: ImportDiagnostics.unknownConstruct, severity: .warning,
      message: message + "; not imported", location: pair.key.location,
      hint: "add it afterwards with `kiln secret set`")
  }

  private static func seal(
    _ value: String, name: String, at pair: YAMLPair, with sealer: any SecretSealing
  ) throws(ImportError) -> [UInt8] {
    do {
      return try sealer.seal(Array(value.utf8))
    } catch {
      throw ImportError(
        ImportDiagnostics.usage, "cannot encrypt '\(name)': \(error)", at: pair.key.location)
    }
  }
}
