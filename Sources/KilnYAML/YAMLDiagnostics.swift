import KilnDiagnostics

/// The catalogue of KilnYAML's diagnostics: every `KLN1xx` this module emits, with its text
/// and hint, defined once.
public enum YAMLDiagnostics {
  /// KLN101: the text is not valid YAML.
  public static let syntaxError: DiagnosticID = "KLN101"
  /// KLN102: a mapping holds the same key twice.
  public static let duplicateKey: DiagnosticID = "KLN102"
  /// KLN103: a tag Kiln does not know, or a standard tag that does not fit its node.
  public static let unknownTag: DiagnosticID = "KLN103"
  /// KLN104: a stream holds more than one document where one is expected.
  public static let multipleDocuments: DiagnosticID = "KLN104"
  /// KLN105: a tab character used for indentation.
  public static let tabIndentation: DiagnosticID = "KLN105"
  /// KLN106: an alias names an anchor that is not defined before it.
  public static let undefinedAlias: DiagnosticID = "KLN106"
  /// KLN107: a `<<` merge key whose value is not a mapping or a list of mappings.
  public static let invalidMergeKey: DiagnosticID = "KLN107"
  /// KLN108: a plain scalar that YAML 1.1 (Ansible) would read as a boolean.
  public static let yaml11Boolean: DiagnosticID = "KLN108"
  /// KLN109: a decimal integer with a leading zero that YAML 1.1 (Ansible) would read as octal.
  public static let yaml11Octal: DiagnosticID = "KLN109"

  /// A syntax error with a message and a hint.
  static func syntax(
    _ message: String, at location: SourceLocation, related: [RelatedLocation] = [],
    hint: String
  ) -> YAMLError {
    YAMLError(
      Diagnostic(
        id: syntaxError, message: message, location: location, related: related, hint: hint))
  }

  /// A key defined twice in one mapping.
  static func duplicate(key: String, at location: SourceLocation, first: SourceLocation)
    -> YAMLError
  {
    YAMLError(
      Diagnostic(
        id: duplicateKey, message: "duplicate key '\(key)' in this mapping",
        location: location, related: [RelatedLocation(first, note: "'\(key)' first defined here")],
        hint: "remove one of the two definitions, or merge their values under one key"))
  }

  /// The known tags, listed in messages.
  static var knownTagList: String {
    KilnTag.allCases.map(\.rawValue).joined(separator: " ")
      + " (and the standard !!str !!int !!float !!bool !!null !!map !!seq)"
  }

  /// A tag Kiln does not know.
  static func unknown(tag: String, at location: SourceLocation) -> YAMLError {
    let suggestion = KilnTag.allCases.map(\.rawValue).first {
      editDistance($0.lowercased(), tag.lowercased()) <= 2
    }
    let message = "unknown tag '\(tag)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    return YAMLError(
      Diagnostic(
        id: unknownTag, message: message, location: location,
        hint: "use one of Kiln's tags: \(knownTagList); or quote the value if the '!' is text"))
  }

  /// A standard tag whose node does not fit it (`!!int abc`, `!!map` on a list).
  static func misfit(tag: String, reason: String, at location: SourceLocation) -> YAMLError {
    YAMLError(
      Diagnostic(
        id: unknownTag, message: "tag '\(tag)' cannot apply here: \(reason)", location: location,
        hint: "change the value to match the tag, or remove the tag"))
  }

  /// A second document where one is expected.
  static func secondDocument(at location: SourceLocation, first: SourceLocation) -> YAMLError {
    YAMLError(
      Diagnostic(
        id: multipleDocuments,
        message: "expected a single YAML document, found a second one here",
        location: location,
        related: [RelatedLocation(first, note: "the first document starts here")],
        hint: "remove the '---' separator and merge the documents, or split them into two files"))
  }

  /// A tab used for indentation.
  static func tab(at location: SourceLocation) -> YAMLError {
    YAMLError(
      Diagnostic(
        id: tabIndentation, message: "tab character used for indentation",
        location: location,
        hint: "YAML indentation must use spaces; replace the tab with spaces"))
  }

  /// An alias naming an anchor that is not defined (yet).
  static func undefined(alias: String, at location: SourceLocation) -> YAMLError {
    YAMLError(
      Diagnostic(
        id: undefinedAlias, message: "alias '*\(alias)' refers to an undefined anchor '&\(alias)'",
        location: location,
        hint: "define '&\(alias)' on a node earlier in the same document, or fix the name"))
  }

  /// An alias naming the node it is inside of.
  static func recursive(alias: String, at location: SourceLocation, anchor: SourceLocation)
    -> YAMLError
  {
    YAMLError(
      Diagnostic(
        id: undefinedAlias, message: "alias '*\(alias)' refers to a node that contains it",
        location: location, related: [RelatedLocation(anchor, note: "'&\(alias)' defined here")],
        hint: "a node cannot include itself; alias a different node"))
  }

  /// A merge key whose value is not a mapping or a list of mappings.
  static func badMerge(found: String, at location: SourceLocation, value: SourceLocation)
    -> YAMLError
  {
    YAMLError(
      Diagnostic(
        id: invalidMergeKey,
        message: "merge key '<<' expects a mapping or a list of mappings, found \(found)",
        location: location, related: [RelatedLocation(value, note: "the merged value is here")],
        hint: "write '<<: *anchor' or '<<: [*a, *b]' where the anchors name mappings"))
  }

  /// A leading-zero integer YAML 1.1 reads as octal.
  static func octal(text: String, decimal: Int, octal: Int, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      id: yaml11Octal, severity: .warning,
      message:
        "'\(text)' is read as the decimal integer \(decimal); YAML 1.1 tools such as Ansible read "
        + "it as the octal number \(octal)",
      location: location,
      hint: "write 0o\(text.drop { $0 == "0" || $0 == "+" || $0 == "-" }) for octal, "
        + "\(decimal) for decimal, or quote it (\"\(text)\") to keep the text (file modes)")
  }

  /// A plain scalar YAML 1.1 reads as a boolean.
  static func yaml11(text: String, meaning: Bool, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      id: yaml11Boolean, severity: .warning,
      message:
        "'\(text)' is read as the string \"\(text)\"; YAML 1.1 tools such as Ansible read it "
        + "as the boolean \(meaning)",
      location: location,
      hint: "write \(meaning) for a boolean, or quote it (\"\(text)\") to keep the string")
  }

  /// The Levenshtein distance between two short words.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}
