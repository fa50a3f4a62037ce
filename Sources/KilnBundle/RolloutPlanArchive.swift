import Foundation
import KilnModel

extension RolloutPlan {
  /// The archive path of the plan.
  public static let archivePath = "rollout.json"

  /// The plan inside a verified bundle's entries, or nil when the bundle carries none.
  public static func read(from entries: [TarEntry]) throws(BundleRejection) -> RolloutPlan? {
    guard let entry = entries.first(where: { $0.path == archivePath }) else { return nil }
    do {
      return try JSONDecoder().decode(RolloutPlan.self, from: Data(entry.contents))
    } catch {
      throw BundleRejection(.manifestMismatch, "rollout.json is not a Kiln rollout plan")
    }
  }
}
