import Foundation
import KilnTestSupport

/// Runs `reference/kolla_merge.py` (kolla-ansible's own merge code) on a batch of cases.
enum KollaReference {
  /// The helper script beside this file.
  static let helper = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("reference/kolla_merge.py")

  /// kolla's output for each case, `nil` where kolla failed; throws when the helper cannot run
  /// (its message names the pip command that installs what is missing).
  static func run(_ cases: [[String: Any]]) throws -> [String?] {
    let directory = try TemporaryDirectory.make("kolla-diff")
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("cases.json")
    let output = directory.appendingPathComponent("results.json")
    try JSONSerialization.data(withJSONObject: cases).write(to: input)
    let helperRun = try TestProcess.run("python3", [helper.path, input.path, output.path])
    guard helperRun.status == 0 else {
      throw KollaHelperFailure(status: helperRun.status, message: helperRun.errorOutput)
    }
    let decoded = try JSONSerialization.jsonObject(with: Data(contentsOf: output))
    return (decoded as? [[String: Any]] ?? []).map { entry in
      (entry["ok"] as? Bool) == true ? entry["output"] as? String : nil
    }
  }
}

/// The helper could not run; its message says which command installs what is missing.
struct KollaHelperFailure: Error, CustomStringConvertible {
  var status: Int32
  var message: String
  var description: String { "kolla_merge.py exited \(status): \(message)" }
}
