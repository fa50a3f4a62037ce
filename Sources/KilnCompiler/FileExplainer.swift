import Jinja
import KilnDiagnostics
import KilnModel

extension EnvironmentCompiler {
  /// `kiln explain --host H FILE[:LINE]`: for each output line (or just LINE), the template
  /// lines that produced it and where each variable it read was set.
  public func explain(fileReference: String, host: String) async throws(DiagnosticsError)
    -> String
  {
    let (path, line) = Self.splitReference(fileReference)
    let variables = try environment.variables(forHost: host)
    let candidates = environment.services(onHost: host).flatMap { service in
      service.files.map { (service, $0) }
    }
    guard let (service, file) = candidates.first(where: { $0.1.destination == path }) else {
      let known = candidates.map(\.1.destination)
      var hint = "files of \(host): " + known.sorted().joined(separator: ", ")
      if let close = Suggestion.closest(to: path, among: known) {
        hint = "did you mean '\(close)'? " + hint
      }
      throw DiagnosticsError(
        Diagnostic(id: "KLN002", message: "\(host) has no rendered file '\(path)'", hint: hint))
    }
    let templates = try ServiceTemplates.compile(
      services: [service.name], source: source, repository: repository)
    guard let template = templates.template(service: service.name, source: file.source) else {
      throw DiagnosticsError(Diagnostic(id: "KLN209", message: "template \(file.source) missing"))
    }
    let trace = RenderTrace()
    let output: String
    do {
      output = try template.render(variables, trace: trace)
    } catch {
      throw DiagnosticsError(FailureGrouping.diagnostic(for: error, file: file.location))
    }
    let lines = OutputLines(Array(output.utf8))
    if let line, !(1...max(1, lines.count)).contains(line) {
      throw DiagnosticsError(
        Diagnostic(
          id: "KLN002", message: "\(path) on \(host) has \(lines.count) lines, not \(line)",
          hint: "give a line between 1 and \(lines.count)"))
    }
    var text = "\(path) on \(host) (env \(environment.name), \(sourceDescription))\n"
    text += "  from \(service.directory)/\(file.source) (service \(service.name))\n"
    if let final = try? await finalContents(of: path, host: host, service: service.name),
      final != Array(output.utf8)
    {
      let overlays = environment.overlays(forHost: host).map(\.name).joined(separator: ", ")
      text +=
        "  note: overlay patches (\(overlays)) change this file after the template; the lines "
        + "below are the template's output before them\n"
    }
    let wanted = line.map { [$0] } ?? Array(1...max(1, lines.count))
    for number in wanted where number <= lines.count {
      text += describe(
        line: number, lines: lines, emissions: trace.emissions, variables: variables)
    }
    return text
  }

  /// The file as `render` writes it (after overlay patches).
  private func finalContents(of path: String, host: String, service: String) async throws
    -> [UInt8]?
  {
    let result = try await compile(selection: RenderSelection(hosts: [host], services: [service]))
    return result.files.first { $0.path == path }?.contents
  }

  private func describe(
    line number: Int, lines: OutputLines, emissions: [RenderTrace.Emission],
    variables: HostVariables
  ) -> String {
    let range = lines.contentRange(of: number)
    var text = String(format: "%5d | ", number) + lines.text(of: number) + "\n"
    var seenLocations = Set<String>()
    var seenVariables: [String] = []
    for emission in emissions where Self.contributes(emission.outputRange, to: range) {
      let location = templateLocation(
        of: emission, at: max(range.lowerBound, emission.outputRange.lowerBound)
      ).description
      guard seenLocations.insert(location).inserted else { continue }
      let reads =
        emission.variables.isEmpty ? "text" : "reads " + emission.variables.joined(separator: ", ")
      text += "        \(location)  \(reads)\n"
      for name in emission.variables where !seenVariables.contains(name) {
        seenVariables.append(name)
      }
    }
    for name in seenVariables {
      text += "          \(name) ← \(origin(of: name, variables: variables))\n"
    }
    return text
  }

  /// Whether an emission wrote any byte of a line (an empty line counts its newline).
  static func contributes(_ emitted: Range<Int>, to line: Range<Int>) -> Bool {
    line.isEmpty ? emitted.contains(line.lowerBound) : emitted.overlaps(line)
  }

  /// `file:line:col` of the template text that produced output byte `offset` of `emission`:
  /// for literal text the exact line inside the chunk, for expressions the expression itself.
  func templateLocation(of emission: RenderTrace.Emission, at offset: Int) -> SourceLocation {
    let span = emission.span
    let delta = offset - emission.outputRange.lowerBound
    guard emission.variables.isEmpty, delta > 0,
      let bytes = try? source.readFile(span.file), span.offset + delta <= bytes.count
    else {
      return SourceLocation(file: span.file, line: span.line, column: span.column)
    }
    var line = span.line
    var column = span.column
    for byte in bytes[span.offset..<(span.offset + delta)] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return SourceLocation(file: span.file, line: line, column: column)
  }

  private func origin(of name: String, variables: HostVariables) -> String {
    if HostVariables.magicNames.contains(name) { return "derived from the inventory" }
    guard let layered = variables.layered[name], let last = layered.history.last else {
      return "a template-local name (set, loop or macro)"
    }
    return "\(last.location) (\(LayerText.short(last)))"
  }

  static func splitReference(_ reference: String) -> (path: String, line: Int?) {
    if let colon = reference.lastIndex(of: ":"),
      let line = Int(reference[reference.index(after: colon)...])
    {
      return (String(reference[..<colon]), line)
    }
    return (reference, nil)
  }
}

/// Byte ranges of the lines of a rendered file.
struct OutputLines {
  private let bytes: [UInt8]
  private var starts: [Int] = [0]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(index + 1)
    }
    if starts.last == bytes.count && bytes.count > 0 { starts.removeLast() }
  }

  var count: Int { bytes.isEmpty ? 0 : starts.count }

  /// The byte range of 1-based line `number`, including its newline.
  func range(of number: Int) -> Range<Int> {
    let start = starts[number - 1]
    let end = number < starts.count ? starts[number] : bytes.count
    return start..<end
  }

  /// The byte range of 1-based line `number` without its newline.
  func contentRange(of number: Int) -> Range<Int> {
    let full = range(of: number)
    let hasNewline =
      full.upperBound > full.lowerBound && bytes[full.upperBound - 1] == UInt8(ascii: "\n")
    return full.lowerBound..<(hasNewline ? full.upperBound - 1 : full.upperBound)
  }

  func text(of number: Int) -> String {
    var slice = bytes[range(of: number)]
    if slice.last == UInt8(ascii: "\n") { slice.removeLast() }
    return String(decoding: slice, as: UTF8.self)
  }
}
