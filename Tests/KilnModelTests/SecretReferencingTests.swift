import KilnDiagnostics
import KilnModel
import Testing

/// `!secret` values through a `SecretReferencing` resolver.
@Suite struct SecretReferencingTests {
  /// Answers `[[name@env]]` for known names and a located diagnostic for the rest.
  struct Resolver: SecretReferencing {
    func placeholder(
      forSecret name: String, chain: [String], at location: KilnDiagnostics.SourceLocation?
    )
      throws(Diagnostic) -> String
    {
      guard name != "missing" else {
        throw Diagnostic(id: "KLN650", message: "no secret '\(name)'", location: location)
      }
      return "[[\(name)@\(chain.joined(separator: ">"))]]"
    }
  }

  private func host(_ text: String) throws -> HostVariables {
    let repository = try Fixture.load(["environments/prod/host_vars/mon01.yaml": text])
    return try repository.resolve(environment: "prod", engine: Fixture.engine, secrets: Resolver())
      .variables(forHost: "mon01")
  }

  @Test func resolverTextReplacesTheReference() throws {
    let host = try host("pw: !secret db\nurl: 'mysql://root:{{ pw }}@db'\n")
    #expect(describe(try host.resolve("pw")) == "'[[db@base>prod]]'")
    #expect(describe(try host.resolve("url")) == "'mysql://root:[[db@base>prod]]@db'")
  }

  @Test func resolverFailureIsTheLocatedDiagnostic() throws {
    let host = try host("pw: !secret missing\n")
    #expect {
      _ = try host.resolve("pw")
    } throws: { error in
      guard let diagnostic = error as? Diagnostic else { return false }
      return diagnostic.id == "KLN650"
        && diagnostic.location?.description.contains("host_vars/mon01.yaml") == true
    }
  }
}
