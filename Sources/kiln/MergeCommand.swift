import ArgumentParser
import Foundation
import KilnDiagnostics
import KilnFormats

/// `kiln merge`: apply one overlay merge to files and print the result.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge patch files into a base file the way an overlay patch would.",
    discussion: """
      ini merges with kolla-ansible's merge_configs semantics, yaml with merge_yaml, json-merge \
      is RFC 7386 and json-patch is RFC 6902. Patches apply in order; the result goes to \
      standard output.
      """)

  @Option(name: .customLong("kind"), help: "ini, yaml, json-merge or json-patch.")
  var kind: String

  @Flag(name: .customLong("no-whitespace"), help: "ini: write key=value instead of key = value.")
  var noWhitespace = false

  @Flag(name: .customLong("extend-lists"), help: "yaml: extend lists instead of replacing them.")
  var extendLists = false

  @Argument(help: "The base file.")
  var base: String

  @Argument(help: "Patch files, applied in order.")
  var patches: [String] = []

  func run() throws {
    let output = try OverlayMerge.merge(
      kind: kind, base: try Self.source(base), patches: patches.map(Self.source),
      options: MergeOptions(whitespace: !noWhitespace, extendLists: extendLists))
    FileHandle.standardOutput.write(Data(output))
  }

  static func source(_ path: String) throws(DiagnosticsError) -> MergeSource {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DiagnosticsError(
        Diagnostic(
          id: "KLN013", message: "cannot read \(path)", location: .file(path),
          hint: "check that the file exists and is readable"))
    }
    return MergeSource(file: path, bytes: Array(data))
  }
}
