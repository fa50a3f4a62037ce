import Synchronization

/// Values kept alive until the process exits. A render's model and files (hundreds of
/// megabytes in large estates) would otherwise be freed object by object just before exit,
/// which the kernel does at once; compilers skip that teardown for the same reason.
enum KeptUntilExit {
  private static let kept = Mutex<[any Sendable]>([])

  /// Keeps `values` alive until the process exits.
  static func keep(_ values: any Sendable...) {
    kept.withLock { $0 += values }
  }
}
