import Foundation
import Jinja

// Renders a kolla-style control-plane template for many variable sets and prints timing lines
// (`key=value`) that scripts/bench-jinja compares with Python Jinja2.
//
// Usage: JinjaBenchmark [--renders N] [--export DIR] [--templates DIR] [--example FILE NAME]
//   --renders N       variable sets to render (default 10000)
//   --export DIR      write the template, variables and Kiln's first output for the Python side
//   --templates DIR   also time parse+compile of every *.j2 under DIR (an example repository)
//   --example FILE NAME  also render the example template NAME with the variable sets of the
//                        differential corpus file FILE (Corpus/example.json), N renders

/// Command-line options.
struct BenchmarkOptions {
  var renders = 10_000
  var exportDirectory: String?
  var templatesDirectory: String?
  var exampleCorpus: String?
  var exampleTemplate = "galera.cnf.j2"

  init(_ arguments: [String]) {
    var iterator = arguments.dropFirst().makeIterator()
    while let argument = iterator.next() {
      switch argument {
      case "--renders": renders = iterator.next().flatMap { Int($0) } ?? renders
      case "--export": exportDirectory = iterator.next()
      case "--templates": templatesDirectory = iterator.next()
      case "--example":
        exampleCorpus = iterator.next()
        exampleTemplate = iterator.next() ?? exampleTemplate
      default: FileHandle.standardError.write(Data("ignoring \(argument)\n".utf8))
      }
    }
  }
}

/// Microseconds elapsed while running `body`.
func microseconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
}

/// Times parse+compile of every `.j2` file under `directory`; returns (files, total µs).
func compileAll(under directory: String) throws -> (Int, Double) {
  let root = URL(fileURLWithPath: directory)
  let paths = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
    .filter { $0.hasSuffix(".j2") }.sorted()
  let texts = try paths.map {
    try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)
  }
  let environment = Environment()
  let elapsed = try microseconds {
    for (path, text) in zip(paths, texts) { _ = try environment.compile(text, name: path) }
  }
  return (paths.count, elapsed)
}

func runBenchmark(_ options: BenchmarkOptions) throws {
  let environment = Environment()
  var template: Template?
  let compileMicros = try microseconds {
    template = try environment.compile(
      BenchmarkFixture.template, name: BenchmarkFixture.templateName)
  }
  guard let template else { return }
  let base = BenchmarkFixture.baseVariables()
  let sets = (0..<options.renders).map {
    LayeredVariables(top: BenchmarkFixture.overrides($0), base: base)
  }
  let first = try template.render(sets[0])
  var bytes = 0
  let renderMicros = try microseconds {
    for variables in sets { bytes += try template.render(variables).utf8.count }
  }
  print("kiln.template_bytes=\(BenchmarkFixture.template.utf8.count)")
  print("kiln.compile_us=\(String(format: "%.1f", compileMicros))")
  print("kiln.renders=\(options.renders)")
  print("kiln.render_total_ms=\(String(format: "%.1f", renderMicros / 1000))")
  print("kiln.render_us=\(String(format: "%.2f", renderMicros / Double(options.renders)))")
  print("kiln.output_bytes_avg=\(bytes / max(1, options.renders))")
  if let directory = options.templatesDirectory {
    let (count, micros) = try compileAll(under: directory)
    print("kiln.example_templates=\(count)")
    print("kiln.example_compile_ms=\(String(format: "%.3f", micros / 1000))")
  }
  if let corpus = options.exampleCorpus {
    try runExample(
      corpus: corpus, name: options.exampleTemplate, renders: options.renders,
      exportDirectory: options.exportDirectory)
  }
  if let directory = options.exportDirectory {
    try BenchmarkExport.write(to: directory, renders: options.renders, firstOutput: first)
  }
}

/// Renders an example template for `renders` variable sets (cycling over the corpus hosts).
func runExample(corpus: String, name: String, renders: Int, exportDirectory: String?) throws {
  let cases = try ExampleCases(corpusFile: corpus, templateName: name)
  let environment = Environment(loader: DictionaryLoader(cases.templates))
  let template = try environment.compile(cases.template, name: name)
  let resolvers = cases.variableSets.map(DictionaryResolver.init)
  var bytes = 0
  let micros = try microseconds {
    for index in 0..<renders {
      bytes += try template.render(resolvers[index % resolvers.count]).utf8.count
    }
  }
  print("kiln.example_name=\(name)")
  print("kiln.example_template_bytes=\(cases.template.utf8.count)")
  print("kiln.example_render_us=\(String(format: "%.2f", micros / Double(renders)))")
  print("kiln.example_output_bytes_avg=\(bytes / max(1, renders))")
  if let directory = exportDirectory, let first = resolvers.first {
    try FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true)
    try template.render(first).write(
      toFile: directory + "/kiln-example-first.txt", atomically: true, encoding: .utf8)
  }
}

do {
  try runBenchmark(BenchmarkOptions(CommandLine.arguments))
} catch {
  FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
  exit(1)
}
