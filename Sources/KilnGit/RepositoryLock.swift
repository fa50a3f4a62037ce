import Foundation

/// The lock that serialises every libgit2 call on one repository (libgit2 objects are not
/// safe to share between threads).
final class RepositoryLock: @unchecked Sendable {
  private let lock = NSLock()

  /// Runs `body` while holding the lock.
  func run<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure)
    -> Result
  {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}
