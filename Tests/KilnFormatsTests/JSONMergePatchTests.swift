import KilnFormats
import Testing

/// Parses JSON text in a test.
func json(_ text: String, file: String = "test.json") throws -> JSONValue {
  try JSONParser.parse(Array(text.utf8), file: file).value
}

/// RFC 7386 JSON Merge Patch, with every example of its Appendix A.
@Suite struct JSONMergePatchTests {
  /// Appendix A: original, patch, result.
  static let appendix: [(String, String, String)] = [
    (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
    (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
    (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
    (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
    (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
    (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
    (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
    (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
    (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
    (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
    (#"{"a":"foo"}"#, #"null"#, #"null"#),
    (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
    (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
    (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
    (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
  ]

  @Test(arguments: appendix.indices)
  func appendixExample(_ index: Int) throws {
    let (original, patch, expected) = Self.appendix[index]
    #expect(JSONMergePatch.apply(try json(patch), to: try json(original)) == (try json(expected)))
  }

  @Test func sectionThreeExampleKeepsMemberOrder() throws {
    let target = #"""
      {"title": "Goodbye!", "author": {"givenName": "John", "familyName": "Doe"},
       "tags": ["example", "sample"], "content": "This will be unchanged"}
      """#
    let patch = #"""
      {"title": "Hello!", "phoneNumber": "+01-123-456-7890", "author": {"familyName": null},
       "tags": ["example"]}
      """#
    let expected = #"""
      {"title": "Hello!", "author": {"givenName": "John"}, "tags": ["example"],
       "content": "This will be unchanged", "phoneNumber": "+01-123-456-7890"}
      """#
    #expect(JSONMergePatch.apply(try json(patch), to: try json(target)) == (try json(expected)))
  }

  @Test func overlayMergeWritesTwoSpaceJSON() throws {
    let merged = try OverlayMerge.merge(
      kind: "json-merge", base: MergeSource(file: "d.json", bytes: Array(#"{"a": [1], "b": {}}"#.utf8)),
      patches: [MergeSource(file: "p.json", bytes: Array(#"{"b": {"c": true}}"#.utf8))])
    #expect(String(decoding: merged, as: UTF8.self) == "{\n  \"a\": [\n    1\n  ],\n  \"b\": {\n    \"c\": true\n  }\n}\n")
  }
}
