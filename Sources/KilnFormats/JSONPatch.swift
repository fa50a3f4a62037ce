import KilnDiagnostics

/// RFC 6902 JSON Patch: `add`, `remove`, `replace`, `move`, `copy` and `test`.
public enum JSONPatch {
  /// Applies the patch document `patch` (an array of operations) to `target`, in order.
  /// A malformed operation, a missing path or a failed `test` is a located error at the
  /// operation in the patch file.
  public static func apply(_ patch: JSONDocument, to target: JSONValue) throws(DiagnosticsError)
    -> JSONValue
  {
    guard case .array(let operations) = patch.value else {
      throw invalid("expected a JSON array of operations", at: patch.location(of: ""))
    }
    var document = target
    for (index, operation) in operations.enumerated() {
      let pointer = "/\(index)"
      do throws(PatchFailure) {
        try apply(operation, to: &document)
      } catch {
        throw error.diagnostic(at: patch.location(of: pointer), operation: index)
      }
    }
    return document
  }

  /// Applies one operation object.
  static func apply(_ operation: JSONValue, to document: inout JSONValue) throws(PatchFailure) {
    guard case .object = operation else { throw .invalid("expected an operation object") }
    guard case .string(let op)? = operation["op"] else {
      throw .invalid("expected a string member 'op'")
    }
    let path = try pointer(operation, "path")
    switch op {
    case "add": try add(try member(operation, "value"), at: path, in: &document)
    case "remove": try remove(at: path, in: &document)
    case "replace":
      try replace(at: path, with: try member(operation, "value"), in: &document)
    case "move":
      let from = try pointer(operation, "from")
      if from != path {
        guard !path.starts(with: from) else {
          throw .invalid("cannot move a value into one of its own children")
        }
        let moved = try value(at: from, in: document)
        try remove(at: from, in: &document)
        try add(moved, at: path, in: &document)
      }
    case "copy":
      let from = try pointer(operation, "from")
      try add(try value(at: from, in: document), at: path, in: &document)
    case "test":
      let expected = try member(operation, "value")
      let actual = try value(at: path, in: document)
      guard actual.isEqual(to: expected) else { throw .testFailed(path, actual, expected) }
    default:
      throw .invalid("unknown op '\(op)' (expected add, remove, replace, move, copy or test)")
    }
  }

  static func member(_ operation: JSONValue, _ name: String) throws(PatchFailure) -> JSONValue {
    guard let value = operation[name] else { throw .invalid("expected a member '\(name)'") }
    return value
  }

  static func pointer(_ operation: JSONValue, _ name: String) throws(PatchFailure) -> [String] {
    guard case .string(let text) = try member(operation, name) else {
      throw .invalid("expected '\(name)' to be a string JSON Pointer")
    }
    guard let tokens = JSONPointer.tokens(text) else {
      throw .invalid("'\(text)' is not a JSON Pointer (it must start with '/'; '~' only as ~0 or ~1)")
    }
    return tokens
  }

  static func value(at path: [String], in document: JSONValue) throws(PatchFailure) -> JSONValue {
    guard let found = JSONPointer.resolve(path, in: document) else { throw .missing(path) }
    return found
  }

  static func add(_ value: JSONValue, at path: [String], in document: inout JSONValue)
    throws(PatchFailure)
  {
    guard !path.isEmpty else {
      document = value
      return
    }
    try JSONPatch.withParent(of: path[...], in: &document) { (parent, token) throws(PatchFailure) in
      switch parent {
      case .object(var members):
        if let index = members.firstIndex(where: { $0.key.scalarsEqual(token) }) {
          members[index].value = value
        } else {
          members.append(JSONMember(token, value))
        }
        parent = .object(members)
      case .array(var items):
        let index = token == "-" ? items.count : JSONPointer.arrayIndex(token)
        guard let index, index <= items.count else { throw .missing(path) }
        items.insert(value, at: index)
        parent = .array(items)
      default: throw .missing(path)
      }
    }
  }

  static func remove(at path: [String], in document: inout JSONValue) throws(PatchFailure) {
    guard !path.isEmpty else { throw .invalid("cannot remove the whole document") }
    try JSONPatch.withParent(of: path[...], in: &document) { (parent, token) throws(PatchFailure) in
      switch parent {
      case .object(var members):
        guard let index = members.firstIndex(where: { $0.key.scalarsEqual(token) }) else {
          throw .missing(path)
        }
        members.remove(at: index)
        parent = .object(members)
      case .array(var items):
        guard let index = JSONPointer.arrayIndex(token), index < items.count else {
          throw .missing(path)
        }
        items.remove(at: index)
        parent = .array(items)
      default: throw .missing(path)
      }
    }
  }

  static func replace(at path: [String], with value: JSONValue, in document: inout JSONValue)
    throws(PatchFailure)
  {
    _ = try JSONPatch.value(at: path, in: document)
    guard !path.isEmpty else {
      document = value
      return
    }
    if case .array = JSONPointer.resolve(Array(path.dropLast()), in: document) {
      try remove(at: path, in: &document)
    }
    try add(value, at: path, in: &document)
  }

  /// Runs `body` on the container that holds the last token of `path`.
  static func withParent(
    of path: ArraySlice<String>, in value: inout JSONValue,
    _ body: (inout JSONValue, String) throws(PatchFailure) -> Void
  ) throws(PatchFailure) {
    guard let token = path.first else { return }
    if path.count == 1 {
      try body(&value, token)
      return
    }
    let rest = path.dropFirst()
    switch value {
    case .object(var members):
      guard let index = members.firstIndex(where: { $0.key.scalarsEqual(token) }) else {
        throw .missing(Array(path))
      }
      try withParent(of: rest, in: &members[index].value, body)
      value = .object(members)
    case .array(var items):
      guard let index = JSONPointer.arrayIndex(token), index < items.count else {
        throw .missing(Array(path))
      }
      try withParent(of: rest, in: &items[index], body)
      value = .array(items)
    default: throw .missing(Array(path))
    }
  }

  static func invalid(_ message: String, at location: SourceLocation) -> DiagnosticsError {
    FormatDiagnostics.error(
      FormatDiagnostics.jsonPatchInvalid, message, at: location,
      hint: "write a JSON array of RFC 6902 operations, e.g. [{\"op\": \"add\", \"path\": \"/a\", \"value\": 1}]")
  }
}

/// Why one patch operation failed.
enum PatchFailure: Error {
  case invalid(String)
  case missing([String])
  case testFailed([String], JSONValue, JSONValue)

  /// The located diagnostic for operation number `operation`.
  func diagnostic(at location: SourceLocation, operation: Int) -> DiagnosticsError {
    switch self {
    case .invalid(let message):
      JSONPatch.invalid("operation \(operation): \(message)", at: location)
    case .missing(let path):
      FormatDiagnostics.error(
        FormatDiagnostics.jsonPatchPathMissing,
        "operation \(operation): path '\(JSONPointer.pointer(path))' does not exist in the document",
        at: location, hint: "check the path against the rendered file; array indexes start at 0")
    case .testFailed(let path, let actual, let expected):
      FormatDiagnostics.error(
        FormatDiagnostics.jsonPatchTestFailed,
        "operation \(operation): test failed at '\(JSONPointer.pointer(path))': expected "
          + "\(JSONWriter.write(expected, indent: nil)), found \(JSONWriter.write(actual, indent: nil))",
        at: location, hint: "the rendered file differs from what the patch expects; update the test value")
    }
  }
}
