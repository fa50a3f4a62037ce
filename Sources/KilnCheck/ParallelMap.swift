import Foundation

/// Maps a collection concurrently, a bounded number of chunks at a time, keeping order.
enum ParallelMap {
  static func map<Element: Sendable, Result: Sendable>(
    _ items: [Element], _ transform: @escaping @Sendable (Element) -> Result
  ) async -> [Result] {
    let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunk = max(1, (items.count + width * 4 - 1) / (width * 4))
    let starts = Array(stride(from: 0, to: items.count, by: chunk))
    return await withTaskGroup(of: (Int, [Result]).self) { group in
      for start in starts {
        let slice = Array(items[start..<min(items.count, start + chunk)])
        group.addTask { (start, slice.map(transform)) }
      }
      var parts: [(Int, [Result])] = []
      for await part in group { parts.append(part) }
      return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
    }
  }
}
