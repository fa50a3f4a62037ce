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
    let written = RenderedSource(lines: OutputLines(Array(output.utf8)), emissions: trace.emissions)
    var text = "\(path) on \(host) (env \(environment.name), \(sourceDescription))\n"
    text += "  from \(service.directory)/\(file.source) (service \(service.name))\n"
    guard let final = try? await finalContents(of: path, host: host, service: service.name),
      final != Array(output.utf8)
    else {
      let numbers = try Self.lineNumbers(line, count: written.lines.count, path: path, host: host)
      for number in numbers {
        text += describe(
          number: number, text: written.lines.text(of: number), writer: (written, number),
          variables: variables)
      }
      return text
    }
    let overlays = environment.overlays(forHost: host).map(\.name).joined(separator: ", ")
    text +=
      "  note: overlay patches (\(overlays)) change this file after the template; each line "
      + "below names the template or patch line that wrote it\n"
    let sources = try [written] + patchSources(of: path, format: file.format, host: host)
    let sourceLines = sources.flatMap { source in
      (0..<source.lines.count).map { index in
        SourceLine(
          source: source, number: index + 1,
          squeezed: Self.squeezed(source.lines.text(of: index + 1)))
      }
    }
    let finalLines = OutputLines(final)
    for number in try Self.lineNumbers(line, count: finalLines.count, path: path, host: host) {
      let lineText = finalLines.text(of: number)
      text += describe(
        number: number, text: lineText, writer: Self.writer(of: lineText, among: sourceLines),
        variables: variables)
    }
    return text
  }

  /// One text that went into a rendered file: its lines and the trace of what wrote them.
  struct RenderedSource {
    var lines: OutputLines
    var emissions: [RenderTrace.Emission]
  }

  /// One line of a source, with its text squeezed for comparison.
  struct SourceLine {
    var source: RenderedSource
    var number: Int
    var squeezed: String
  }

  /// The overlay fragments that patch `path` on `host`, each rendered with a trace.
  private func patchSources(of path: String, format: String, host: String)
    throws(DiagnosticsError) -> [RenderedSource]
  {
    let variables = try environment.variables(forHost: host)
    let stage = try OverlayPatchStage.compile(environment: environment, source: source)
    var sources: [RenderedSource] = []
    for fragment in stage.fragments(
      of: path, format: format, host: host, environment: environment)
    {
      let trace = RenderTrace()
      guard let rendered = try? fragment.render(variables, trace: trace) else { continue }
      sources.append(
        RenderedSource(lines: OutputLines(Array(rendered.utf8)), emissions: trace.emissions))
    }
    return sources
  }

  /// The source line that wrote final line `text`, among every line of the sources in order
  /// (template output first, then the patches): a section header comes from the first line
  /// that has it; another line from the last (patches apply after the template) with the same
  /// text, spacing aside, else with the same key (merges rewrite values, dropping quotes). nil
  /// for a blank line or one no source explains.
  static func writer(of text: String, among lines: [SourceLine]) -> (RenderedSource, Int)? {
    let wanted = squeezed(text)
    guard !wanted.isEmpty else { return nil }
    let found: SourceLine?
    if wanted.hasPrefix("[") {
      found = lines.first { $0.squeezed == wanted }
    } else if let exact = lines.last(where: { $0.squeezed == wanted }) {
      found = exact
    } else if let key = key(of: wanted) {
      found = lines.last { Self.key(of: $0.squeezed) == key }
    } else {
      found = nil
    }
    return found.map { ($0.source, $0.number) }
  }

  /// `text` without spaces and tabs.
  private static func squeezed(_ text: String) -> String {
    text.filter { $0 != " " && $0 != "\t" }
  }

  /// The key of a squeezed `key=value` or `key:value` line.
  private static func key(of squeezed: String) -> Substring? {
    guard let separator = squeezed.firstIndex(where: { $0 == "=" || $0 == ":" }),
      separator > squeezed.startIndex
    else { return nil }
    return squeezed[..<separator]
  }

  /// `[line]`, or every line of a file of `count` lines; throws for a line outside the file.
  static func lineNumbers(_ line: Int?, count: Int, path: String, host: String)
    throws(DiagnosticsError) -> [Int]
  {
    guard let line else { return count == 0 ? [] : Array(1...count) }
    guard count > 0, (1...count).contains(line) else {
      throw DiagnosticsError(
        Diagnostic(
          id: "KLN002", message: "\(path) on \(host) has \(count) lines, not \(line)",
          hint: "give a line between 1 and \(count)"))
    }
    return [line]
  }

  /// The file as `render` writes it (after overlay patches).
  private func finalContents(of path: String, host: String, service: String) async throws
    -> [UInt8]?
  {
    let result = try await compile(selection: RenderSelection(hosts: [host], services: [service]))
    return result.files.first { $0.path == path }?.contents
  }

  /// Output line `number` with `text`, then the template lines that wrote its `writer` (a line
  /// of the template's output or of a patch fragment's) and where each variable they read was set.
  private func describe(
    number: Int, text lineText: String, writer: (source: RenderedSource, line: Int)?,
    variables: HostVariables
  ) -> String {
    var text = String(format: "%5d | ", number) + lineText + "\n"
    guard let writer else {
      if !lineText.allSatisfy({ $0 == " " || $0 == "\t" }) {
        text += "        written by the overlay merge (no template or patch line has it)\n"
      }
      return text
    }
    let range = writer.source.lines.contentRange(of: writer.line)
    var seenLocations = Set<String>()
    var seenVariables: [String] = []
    for emission in writer.source.emissions where Self.contributes(emission.outputRange, to: range)
    {
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
