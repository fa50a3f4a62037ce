import KilnYAML
import Testing

@testable import KilnCheck

@Test func everyMalformedRuleIsAFindingAtItsLine() throws {
  let text = """
    variables:
      a: {type: integer}
      b: {enum: one}
      c: {min: low, pattern: "("}
      d: {requierd: true}
      e: 5
      f: {type: int, min: 1, max: 9, deprecated: g, secret: false}

    """
  let document = try YAMLParser.parse(text, file: "schema.yaml")
  let (entries, problems) = SchemaReader.entries(document.root, file: "schema.yaml")
  #expect(problems.map(\.location?.line) == [2, 3, 4, 4, 5, 6])
  #expect(problems.allSatisfy { $0.id == "KLN160" })
  #expect(problems[4].hint?.hasPrefix("did you mean 'required'?") == true)
  let f = entries.first { $0.name == "f" }
  #expect(f?.type == .int)
  #expect(f?.maximum == 9)
  #expect(f?.replacement == "g")
  #expect(f?.isDeprecated == true)
}

@Test func aSchemaWithoutVariablesIsAFinding() throws {
  let document = try YAMLParser.parse("vars: {}\n", file: "schema.yaml")
  let (entries, problems) = SchemaReader.entries(document.root, file: "schema.yaml")
  #expect(entries.isEmpty)
  #expect(problems.first?.message == "schema schema.yaml has no `variables:` mapping")
}
