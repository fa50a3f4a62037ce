import Dispatch
import Synchronization

extension Array where Element: Sendable {
  /// `map(transform)` computed in chunks on every processor, results in the original order.
  /// For per-file work over whole estates (parsing vars files, digests, manifest lines) inside
  /// synchronous code.
  package func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result)
    -> [Result]
  {
    let chunkCount = Swift.min(count, 64)
    guard chunkCount > 1 else { return map(transform) }
    let chunkSize = (count + chunkCount - 1) / chunkCount
    let parts = Mutex<[Int: [Result]]>([:])
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
      let start = chunk * chunkSize
      let end = Swift.min(count, start + chunkSize)
      guard start < end else { return }
      let part = self[start..<end].map(transform)
      parts.withLock { $0[chunk] = part }
    }
    let collected = parts.withLock { $0 }
    return (0..<chunkCount).flatMap { collected[$0] ?? [] }
  }
}
