import KilnModel

/// `manifest.json`: one entry per rendered file, sorted by host then path.
public enum Manifest {
  /// The manifest's bytes: a JSON object `{"kiln": 1, "env": …, "files": [ … ]}` with one file
  /// per line, so that a textual diff of two manifests reads well.
  public static func encode(environment: String, source: String, files: [RenderedFile]) -> [UInt8] {
    var text = "{\n"
    text += "  \"kiln\": 1,\n"
    text += "  \"env\": \(JSONText.string(environment)),\n"
    text += "  \"source\": \(JSONText.string(source)),\n"
    text += "  \"files\": ["
    let sorted = files.sortedForOutput()
    // One line per file, with its digest: the costly part, done on every processor.
    let lines = sorted.concurrentMap { file in
      "    "
        + JSONText.object([
          ("host", JSONText.string(file.host)),
          ("path", JSONText.string(file.path)),
          ("sha256", JSONText.string(file.sha256)),
          ("size", String(file.contents.count)),
          ("mode", JSONText.string(file.octalMode)),
          ("service", JSONText.string(file.service)),
          ("format", JSONText.string(file.format)),
          ("secret", file.isSecret ? "true" : "false"),
        ])
    }
    if !lines.isEmpty { text += "\n" + lines.joined(separator: ",\n") }
    text += sorted.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
    return Array(text.utf8)
  }
}
