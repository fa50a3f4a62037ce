import KilnDiagnostics
import Testing

@Test func diagnosticTextNamesLocationIDAndHint() {
  let diagnostic = Diagnostic(
    id: "KLN101", message: "duplicate key 'a'",
    location: SourceLocation(file: "environments/base/env.yaml", line: 3, column: 1),
    related: [
      .init(
        SourceLocation(file: "environments/base/env.yaml", line: 1, column: 1),
        note: "first defined here")
    ],
    hint: "remove one of the two keys")
  #expect(
    DiagnosticRenderer.text([diagnostic])
      == """
      environments/base/env.yaml:3:1: error[KLN101]: duplicate key 'a'
        note: environments/base/env.yaml:1:1: first defined here
        hint: remove one of the two keys

      """)
}

@Test func diagnosticsSortByLocationThenID() {
  let b = Diagnostic(
    id: "KLN102", message: "b", location: .init(file: "b.yaml", line: 1, column: 1))
  let a2 = Diagnostic(
    id: "KLN102", message: "a", location: .init(file: "a.yaml", line: 2, column: 1))
  let a1 = Diagnostic(
    id: "KLN101", message: "a", location: .init(file: "a.yaml", line: 2, column: 1))
  #expect(
    DiagnosticsError([b, a2, a1]).diagnostics.map(\.id.rawValue) == ["KLN101", "KLN102", "KLN102"])
}
