import KilnDiagnostics
import Testing

/// JSON string literals match Python's `json.dumps` byte for byte, with and without
/// `ensure_ascii` (expected texts printed by Python 3).
@Suite struct JSONStringLiteralTests {
  @Test(arguments: [
    ("plain", #""plain""#),
    (#"a"b\c"#, #""a\"b\\c""#),
    ("\n\r\t\u{08}\u{0C}", #""\n\r\t\b\f""#),
    ("\u{00}\u{01}\u{1F}\u{7F}", "\"\\u0000\\u0001\\u001f\u{7F}\""),
    ("café \u{2028}", "\"café \u{2028}\""),
    ("😀", "\"😀\""),
  ])
  func quotedAsEnsureASCIIFalse(_ text: String, _ expected: String) {
    #expect(JSONStringLiteral.quoted(text) == expected)
  }

  @Test(arguments: [
    ("plain", #""plain""#),
    ("\n\r\t\u{08}\u{0C}", #""\n\r\t\b\f""#),
    ("\u{00}\u{01}\u{1F}\u{7F}", #""\u0000\u0001\u001f\u007f""#),
    ("café \u{2028}", #""caf\u00e9 \u2028""#),
    ("😀", #""\ud83d\ude00""#),
  ])
  func quotedAsEnsureASCIITrue(_ text: String, _ expected: String) {
    #expect(JSONStringLiteral.quoted(text, asciiOnly: true) == expected)
  }

  @Test func appendAddsToWhatIsThere() {
    var output = "key: "
    JSONStringLiteral.append("a\tb", to: &output)
    #expect(output == #"key: "a\tb""#)
  }
}
