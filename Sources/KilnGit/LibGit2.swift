import CLibGit2

/// The process-wide libgit2 set-up: initialised once, on first use, from any thread.
enum LibGit2 {
  /// Runs `git_libgit2_init` and the global options exactly once; nil on success, else the
  /// failure message. Swift initialises a static `let` lazily and thread-safely.
  private static let initializationFailure: String? = {
    guard git_libgit2_init() >= 0 else {
      return lastErrorMessage() ?? "git_libgit2_init failed"
    }
    // CI clones may belong to another user: never refuse a repository for its owner.
    guard kiln_git_disable_owner_validation() == 0 else {
      return lastErrorMessage() ?? "cannot disable owner validation"
    }
    // No user or system configuration (nor the XDG ignore file) may change results.
    let levels = [
      GIT_CONFIG_LEVEL_PROGRAMDATA, GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG,
      GIT_CONFIG_LEVEL_GLOBAL,
    ]
    for level in levels where kiln_git_set_search_path_empty(Int32(level.rawValue)) != 0 {
      return lastErrorMessage() ?? "cannot clear the configuration search path"
    }
    return nil
  }()

  /// Initialises libgit2 if no call has yet; throws if that failed.
  static func ensureInitialized() throws(GitError) {
    if let failure = initializationFailure {
      throw GitError(
        code: .libgit2, message: "git could not start: \(failure)",
        hint: "check that libgit2 is installed (`apt-get install libgit2-dev`)")
    }
  }

  /// libgit2's explanation of the last failure on this thread, as one line, if any.
  static func lastErrorMessage() -> String? {
    guard let error = git_error_last(), let text = error.pointee.message else { return nil }
    let line = String(cString: text).split(whereSeparator: \.isNewline).joined(separator: " ")
    return line.isEmpty ? nil : rephrase(line)
  }

  /// libgit2's wording of common failures, said the way Kiln's other messages say things.
  static func rephrase(_ message: String) -> String {
    let missingObject = "object not found - no match for id ("
    if message.hasPrefix(missingObject), message.hasSuffix(")") {
      let id = message.dropFirst(missingObject.count).dropLast()
      return "object \(id) is missing from the repository's object database"
    }
    if message.hasPrefix("corrupted loose reference file") {
      return "a reference file is corrupt (\(message))"
    }
    return message
  }

  /// The class (`GIT_ERROR_OS`, …) of the last failure on this thread, if any.
  static func lastErrorClass() -> Int32? {
    git_error_last().map { $0.pointee.klass }
  }

  /// The configuration search path libgit2 uses for `level`, or nil if it cannot be read.
  static func searchPath(_ level: git_config_level_t) throws(GitError) -> String? {
    try ensureInitialized()
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    guard kiln_git_get_search_path(Int32(level.rawValue), &buffer) == 0 else { return nil }
    guard let text = buffer.ptr else { return "" }
    return String(cString: text)
  }

  /// Whether libgit2 refuses repositories owned by another user, or nil if unknown.
  static func ownerValidationEnabled() throws(GitError) -> Bool? {
    try ensureInitialized()
    var enabled: Int32 = -1
    guard kiln_git_get_owner_validation(&enabled) == 0 else { return nil }
    return enabled != 0
  }
}
