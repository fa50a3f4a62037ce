import KilnDiagnostics
import Testing

/// JSON string literals match Python's `json.dumps` byte for byte, with and without
/// `ensure_ascii` (expected texts printed by Python 3).
@Suite struct JSONStringLiteralTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var utf8: String
    var ascii: String
    var testDescription: String { ascii }
  }

  static let cases: [Case] = [
    Case(text: "plain", utf8: #""plain""#, ascii: #""plain""#),
    Case(text: #"a"b\c"#, utf8: #""a\"b\\c""#, ascii: #""a\"b\\c""#),
    Case(text: "\n\r\t\u{08}\u{0C}", utf8: #""\n\r\t\b\f""#, ascii: #""\n\r\t\b\f""#),
    Case(
      text: "\u{00}\u{01}\u{1F}\u{7F}", utf8: "\"\\u0000\\u0001\\u001f\u{7F}\"",
      ascii: #""\u0000\u0001\u001f\u007f""#),
    Case(text: "café \u{2028}", utf8: "\"café \u{2028}\"", ascii: #""caf\u00e9 \u2028""#),
    Case(text: "😀", utf8: "\"😀\"", ascii: #""\ud83d\ude00""#),
  ]

  @Test(arguments: cases) func quotedAsPythonJSONDumps(_ sample: Case) {
    #expect(JSONStringLiteral.quoted(sample.text) == sample.utf8)
    #expect(JSONStringLiteral.quoted(sample.text, asciiOnly: true) == sample.ascii)
  }

  @Test func appendAddsToWhatIsThere() {
    var output = "key: "
    JSONStringLiteral.append("a\tb", to: &output)
    #expect(output == #"key: "a\tb""#)
  }
}
