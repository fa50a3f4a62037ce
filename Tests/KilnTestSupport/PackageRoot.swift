import Foundation

/// The package's root directory (where the example repository and `Tests/Fixtures` live),
/// found from this file's path.
public let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
