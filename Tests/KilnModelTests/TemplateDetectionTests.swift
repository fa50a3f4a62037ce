import Testing

@testable import KilnModel

/// Which layered strings are rendered as templates (`{{`, `{%`, `{#` anywhere) and which are
/// kept verbatim.
@Suite struct TemplateDetectionTests {
  @Test(arguments: [
    ("{{ x }}", true), ("port {{ p }}", true), ("{% if a %}b{% endif %}", true),
    ("{# note #}", true), ("a{{", true), ("{{{", true), ("é{%", true),
    ("", false), ("{", false), ("{ x }", false), ("}}", false), ("{ {", false),
    ("%{", false), ("#{x}", false), ("plain text", false), ("{é{", false),
  ])
  func templateSyntaxIsFoundAnywhere(text: String, isTemplate: Bool) {
    #expect(ValueEvaluation.isTemplate(text) == isTemplate)
  }
}
