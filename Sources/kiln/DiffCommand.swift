import ArgumentParser
import Foundation
import KilnCompiler
import KilnDiagnostics
import KilnReview

#if canImport(Glibc)
  import Glibc
#endif

/// `kiln diff`: what a change does to every host, grouped, semantic, with blast radius.
struct DiffCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Review a change: which files on which hosts change, how, and what restarts.",
    discussion: """
      Renders each environment at --base and at --head (default: the working tree) straight \
      from git objects, without touching any checkout, and compares the files per host by \
      format (INI section/key, JSON/YAML path, …). Identical changes across hosts are grouped. \
      Hosts whose inputs (git blob ids) are the same on both sides are skipped; the others \
      come from the render cache when it holds them (.kiln/cache, safe to delete). Exit codes: 0, \
      or 1 with --exit-code when anything differs; 2 when a side fails to render (the rest is \
      still compared and reported).
      """)

  /// Report formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html
  }

  @Option(name: [.customShort("C"), .customLong("repository")], help: "The repository directory.")
  var repository: String = "."

  @Option(name: .customLong("env"), help: "An environment to compare (repeatable).")
  var environments: [String] = []

  @Flag(name: .customLong("all"), help: "Compare every environment.")
  var all = false

  @Option(name: .customLong("base"), help: "The base revision (branch, tag, commit, HEAD~1).")
  var base: String

  @Option(name: .customLong("head"), help: "The head revision (default: the working tree).")
  var head: String?

  @Option(name: .customLong("host"), help: "Compare only this host (repeatable).")
  var hosts: [String] = []

  @Option(name: .customLong("group"), help: "Compare only the hosts of this group (repeatable).")
  var groups: [String] = []

  @Option(name: .customLong("service"), help: "Compare only this service's files (repeatable).")
  var services: [String] = []

  @Option(name: .customLong("set"), help: "Override a variable on both sides: name=value.")
  var assignments: [String] = []

  @Option(name: .customLong("format"), help: "text (default), markdown, json or html.")
  var format: Format = .text

  @Option(name: .customLong("out"), help: "Write the report to this file instead of stdout.")
  var output: String?

  @Option(name: .customLong("cache"), help: "Render cache directory (default: .kiln/cache).")
  var cache: String?

  @Flag(name: .customLong("no-cache"), help: "Render everything; neither read nor write a cache.")
  var noCache = false

  @Flag(name: .customLong("exit-code"), help: "Exit 1 when anything differs.")
  var exitCode = false

  func run() async throws {
    let request = ReviewRequest(
      repository: repository, environments: environments, allEnvironments: all, base: base,
      head: head, selection: RenderSelection(hosts: hosts, groups: groups, services: services),
      assignments: assignments,
      cache: noCache
        ? nil
        : RenderCache(
          directory: cache ?? "\(repository)/.kiln/cache", toolVersion: KilnVersion.current))
    let report = try await Reviewer.review(request)
    for review in report.environments {
      if let work = review.work {
        Terminal.error("kiln diff: env \(review.name): \(work.summary)")
        continue
      }
      let sides = [("base", review.baseCache), ("head", review.headCache)].compactMap {
        side, statistics in
        statistics.map { "\(side) \($0.misses) of \($0.hits + $0.misses)" }
      }
      let hosts = [review.baseCache, review.headCache].reduce(0) {
        $0 + ($1.map { $0.hits + $0.misses } ?? 0)
      }
      if hosts > 0 {
        Terminal.error(
          "kiln diff: env \(review.name): rendered \(sides.joined(separator: ", ")) hosts, "
            + "the rest from the render cache")
      }
    }
    let text: String
    switch format {
    case .text: text = TextReport.render(report, colour: output == nil && isatty(1) == 1)
    case .markdown: text = MarkdownReport.render(report)
    case .json: text = JSONReport.render(report)
    case .html: text = HTMLReport.render(report)
    }
    if let output {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        throw DiagnosticsError(
          Diagnostic(
            id: "KLN020", message: "cannot write the report to '\(output)': \(error)",
            location: .file(output), hint: "check that the directory exists and is writable"))
      }
    } else {
      Terminal.output(text, newline: !text.hasSuffix("\n"))
    }
    if report.hasFindings { throw KilnExit(code: 2) }
    if exitCode && report.hasChanges { throw KilnExit(code: 1) }
  }
}
