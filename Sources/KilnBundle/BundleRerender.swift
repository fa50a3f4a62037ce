import KilnCompiler
import KilnDiagnostics
import KilnGit

extension BundleSealer {
  /// Re-renders the commit and environment a verified bundle names from the repository at
  /// `repositoryPath` and rejects it unless the archive comes out byte-identical.
  public static func rerender(
    _ bundle: VerifiedBundle, archive sealed: [UInt8], repositoryPath: String
  )
    async throws -> [UInt8]
  {
    let commit: GitCommit
    do {
      commit = try GitRepository.open(at: repositoryPath).resolve(bundle.facts.commit)
    } catch {
      throw BundleRejection(
        .rerenderMismatch,
        "commit \(bundle.facts.commit) is not in the repository at '\(repositoryPath)'",
        hint: "fetch the commit, or pass the repository with -C")
    }
    let compiler = try EnvironmentCompiler(
      repositoryPath: repositoryPath, revision: commit.id, environment: bundle.facts.env,
      assignments: [])
    let result = try await compiler.compile()
    let rendered = try archive(
      of: result, commit: commit, secrets: BundleSecrets.files(for: result, compiler: compiler),
      supplements: try supplementaryEntries(for: compiler))
    guard rendered != sealed else { return rendered }
    let differing = try differences(TarReader.entries(of: rendered), bundle.entries)
    throw BundleRejection(
      .rerenderMismatch,
      "re-rendering commit \(commit.shortID) for env '\(bundle.facts.env)' gives different files: "
        + differing.prefix(5).joined(separator: ", ") + (differing.count > 5 ? ", …" : ""),
      hint: "the bundle was not sealed from this commit with this Kiln version")
  }

  private static func differences(_ rendered: [TarEntry], _ sealed: [TarEntry]) -> [String] {
    var byPath: [String: TarEntry] = [:]
    for entry in sealed { byPath[entry.path] = entry }
    var paths: Set<String> = []
    for entry in rendered where byPath.removeValue(forKey: entry.path) != entry {
      paths.insert(entry.path)
    }
    paths.formUnion(byPath.keys)
    let sorted = paths.sorted()
    return sorted.isEmpty ? ["(archive layout)"] : sorted
  }
}
