import Foundation
import KilnTestSupport

/// What Ansible produced for one case.
enum ReferenceResult: Sendable, Equatable {
  /// The rendered file content.
  case output(String)
  /// Ansible raised; `type` is the exception class, `message` its first line.
  case error(type: String, message: String)
}

/// Runs `reference/render_reference.py` (Ansible's own templating) over a corpus file.
struct ReferenceRenderer: Sendable {
  /// The command that installs the reference, shown when it cannot be imported.
  static let installHint = "pip install 'ansible-core>=2.19,<2.20' jinja2==3.1.6 netaddr"

  /// The reference could not run; the message says why and how to fix it.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The Python interpreter: `KILN_REFERENCE_PYTHON`, else `python3` on the PATH.
  var python: String = ProcessInfo.processInfo.environment["KILN_REFERENCE_PYTHON"] ?? "python3"

  /// The reference script beside this test target.
  var script: String = CorpusFile.sourceDirectory + "/reference/render_reference.py"

  /// Renders every case of `file` with Ansible; the results by case name.
  func render(_ file: CorpusFile) throws -> [String: ReferenceResult] {
    let (status, stdout, stderr) = try run([script, file.path])
    guard status == 0 else {
      throw Failure(
        description: """
          The Ansible reference renderer failed (exit \(status)) for \(file.fileName). \
          Install it with: \(Self.installHint)
          \(stderr)
          """)
    }
    let document = try OrderedJSON.parse(stdout)
    guard case .object(let files)? = document["files"], let cases = files.first?.1.array else {
      throw Failure(description: "The reference printed no results for \(file.fileName)")
    }
    var results: [String: ReferenceResult] = [:]
    for item in cases {
      guard let name = item["name"]?.string else { continue }
      if item["error"] == .bool(true) {
        results[name] = .error(
          type: item["type"]?.string ?? "?", message: item["message"]?.string ?? "")
      } else {
        results[name] = .output(item["output"]?.string ?? "")
      }
    }
    return results
  }

  private func run(_ arguments: [String]) throws -> (Int32, Data, String) {
    let outcome: TestProcess.Outcome
    do {
      outcome = try TestProcess.run("/usr/bin/env", [python] + arguments)
    } catch {
      throw Failure(
        description:
          "Cannot start '\(python)' (\(error)). Install the reference with: \(Self.installHint)")
    }
    return (outcome.status, outcome.stdout, outcome.errorOutput)
  }
}
