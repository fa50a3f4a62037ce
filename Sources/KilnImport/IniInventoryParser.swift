import KilnDiagnostics

/// Reads an Ansible INI inventory exactly as Ansible's `ini` inventory plugin does: `[group]`,
/// `[group:children]`, `[group:vars]`, inline `key=value` host variables (shell-split, values read
/// with Python's `literal_eval`), `host:port`, host ranges, `#`/`;` comment lines and hosts
/// before any section in `ungrouped`. A group named under `:children` or `:vars` must be
/// declared somewhere in the same file.
public struct IniInventoryParser {
  private var inventory: ImportedInventory
  private let file: String
  private var notes: [Diagnostic] = []
  private var pending: [String: Pending] = [:]
  private var pendingOrder: [String] = []

  private struct Pending {
    var line: Int
    var isVars: Bool
    var parents: [String]
  }

  /// Reads `text` (the contents of `file`) into `inventory`, which may hold earlier sources
  /// (Ansible reads every source of a directory into one inventory). Returns the notes about
  /// values kept as text; throws a located error for what Ansible rejects.
  public static func parse(_ text: String, file: String, into inventory: inout ImportedInventory)
    throws(ImportError) -> [Diagnostic]
  {
    var parser = IniInventoryParser(inventory: inventory, file: file)
    var group = "ungrouped"
    var state = "hosts"
    for (offset, raw) in lines(of: text).enumerated() {
      let line = raw.trimmingWhitespace()
      guard let first = line.first, first != "#", first != ";" else { continue }
      let location = SourceLocation(
        file: file, line: offset + 1, column: raw.prefix(while: \.isWhitespace).count + 1)
      if let section = try parser.section(line, at: location) {
        (group, state) = section
        continue
      }
      switch state {
      case "hosts": try parser.hostLine(line, group: group, at: location)
      case "vars": try parser.variableLine(line, group: group, at: location)
      default: try parser.childLine(line, group: group, at: location)
      }
    }
    try parser.checkPending()
    inventory = parser.inventory
    return parser.notes
  }

  /// Python's `str.splitlines()` for the line breaks inventories contain.
  static func lines(of text: String) -> [Substring] {
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    if text.last?.isNewline == true { lines.removeLast() }
    return lines
  }

  private func fail(_ message: String, at location: SourceLocation, hint: String? = nil)
    -> ImportError
  {
    ImportError(ImportDiagnostics.iniInventory, message, at: location, hint: hint)
  }

  /// `[name]`, `[name:children]`, `[name:vars]` with an optional `# comment`; nil for other lines.
  private mutating func section(_ line: String, at location: SourceLocation) throws(ImportError)
    -> (String, String)?
  {
    guard line.hasPrefix("[") else { return nil }
    guard let close = line.firstIndex(of: "]") else {
      return nil
    }
    let inside = line[line.index(after: line.startIndex)..<close]
    let rest = line[line.index(after: close)...].trimmingWhitespace()
    let parts = inside.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    let kind = parts.count == 2 ? String(parts[1]) : nil
    let validName =
      !name.isEmpty && !name.contains(where: { $0.isWhitespace || $0 == "]" || $0 == ":" })
    let validKind =
      kind.map { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } } ?? true
    guard validName, validKind, rest.isEmpty || rest.hasPrefix("#") else {
      if line.hasSuffix("]") {
        throw fail(
          "Invalid section entry: '\(line)'. Please make sure that there are no spaces in the "
            + "section entry, and that there are no other invalid characters",
          at: location, hint: "write [group], [group:children] or [group:vars]")
      }
      return nil
    }
    let state = kind ?? "hosts"
    guard ["hosts", "children", "vars"].contains(state) else {
      throw fail(
        "Section [\(inside)] has unknown type: \(state)", at: location,
        hint: "a section is [group], [group:children] or [group:vars]")
    }
    declare(name, state: state, at: location)
    return (name, state)
  }

  private mutating func declare(_ name: String, state: String, at location: SourceLocation) {
    if inventory.group(named: name) == nil {
      if state == "vars" && pending[name] == nil {
        remember(name, Pending(line: location.line, isVars: true, parents: []))
      }
      inventory.addGroup(name, at: location)
    }
    guard let declared = pending[name], state != "vars" else { return }
    if declared.isVars {
      pending[name] = nil
    } else {
      addPendingChildren(name, at: location)
    }
  }

  private mutating func remember(_ name: String, _ declaration: Pending) {
    if !pendingOrder.contains(name) { pendingOrder.append(name) }
    pending[name] = declaration
  }

  private mutating func addPendingChildren(_ group: String, at location: SourceLocation) {
    guard let declared = pending[group] else { return }
    for parent in declared.parents {
      inventory.addChild(group, to: parent, at: location)
      if let parentDeclaration = pending[parent], !parentDeclaration.isVars {
        addPendingChildren(parent, at: location)
      }
    }
    pending[group] = nil
  }

  private mutating func hostLine(_ line: String, group: String, at location: SourceLocation)
    throws(ImportError)
  {
    let words: [String]
    do {
      words = try ShellWords.split(line)
    } catch {
      throw fail("Error parsing host definition '\(line)': \(error.message)", at: location)
    }
    guard let pattern = words.first else { return }
    let expanded: (hosts: [String], port: Int?)
    do {
      expanded = try HostPattern.expand(pattern)
    } catch {
      throw ImportError(ImportDiagnostics.hostPattern, error.message, at: location)
    }
    var variables: [InventoryVariable] = []
    for word in words.dropFirst() {
      guard let equals = word.firstIndex(of: "=") else {
        throw fail(
          "Expected key=value host variable assignment, got: \(word)", at: location,
          hint: "quote values that contain spaces: key=\"a value\"")
      }
      let value = try parseValue(String(word[word.index(after: equals)...]), at: location)
      variables.append(
        InventoryVariable(name: String(word[..<equals]), value: value, location: location))
    }
    if let port = expanded.port {
      variables.insert(
        InventoryVariable(name: "ansible_port", value: .int(port), location: location), at: 0)
    }
    for host in expanded.hosts {
      inventory.addHost(host, to: group, at: location)
      for variable in variables { inventory.setVariable(variable, ofHost: host) }
    }
  }

  private mutating func variableLine(_ line: String, group: String, at location: SourceLocation)
    throws(ImportError)
  {
    guard let equals = line.firstIndex(of: "=") else {
      throw fail("Expected key=value, got: \(line)", at: location, hint: "write name = value")
    }
    let name = line[..<equals].trimmingWhitespace()
    let value = try parseValue(
      line[line.index(after: equals)...].trimmingWhitespace(), at: location)
    inventory.setVariable(
      InventoryVariable(name: name, value: value, location: location), ofGroup: group)
  }

  private mutating func childLine(_ line: String, group: String, at location: SourceLocation)
    throws(ImportError)
  {
    let name = String(line.prefix { !$0.isWhitespace && $0 != ":" && $0 != "]" })
    let rest = line.dropFirst(name.count).trimmingWhitespace()
    guard !name.isEmpty, rest.isEmpty || rest.hasPrefix("#") else {
      throw fail("Expected group name, got: \(line)", at: location)
    }
    if inventory.group(named: name) != nil {
      inventory.addChild(name, to: group, at: location)
    } else if var declared = pending[name] {
      declared.parents.append(group)
      pending[name] = declared
    } else {
      remember(name, Pending(line: location.line, isVars: false, parents: [group]))
    }
  }

  private mutating func parseValue(_ text: String, at location: SourceLocation) throws(ImportError)
    -> InventoryValue
  {
    do {
      let (value, note) = try PythonLiteral.value(of: text)
      if let note {
        notes.append(
          Diagnostic(
            id: ImportDiagnostics.unknownConstruct, severity: .warning,
            message: "\(note) has no Kiln type; imported as the text '\(text)'", location: location)
        )
      }
      return value
    } catch {
      throw fail(
        "'\(text)' uses \(error.what) as a dict key or set element (Python raises TypeError)",
        at: location)
    }
  }

  private func checkPending() throws(ImportError) {
    for name in pendingOrder {
      guard let declared = pending[name] else { continue }
      let location = SourceLocation(file: file, line: declared.line, column: 1)
      if declared.isVars {
        throw fail(
          "Section [\(name):vars] not valid for undefined group '\(name)'.", at: location,
          hint: "declare the group with [\(name)] or [\(name):children]")
      }
      throw fail(
        "Section [\(declared.parents.last ?? ""):children] includes undefined group '\(name)'.",
        at: location, hint: "declare the group with [\(name)] or [\(name):children]")
    }
  }
}
