import KilnDiagnostics
import Testing

/// The escapes JSON, YAML and Fluentd strings share, and zero-padded hexadecimal escapes.
@Suite struct BackslashEscapeTests {
  @Test(
    arguments: [
      ("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\r", #"\r"#), ("\t", #"\t"#),
    ] as [(Unicode.Scalar, String)])
  func commonEscapes(_ scalar: Unicode.Scalar, _ escape: String) {
    #expect(BackslashEscape.common(scalar) == escape)
  }

  @Test(arguments: ["a", "#", "\u{08}", "\0", "é"] as [Unicode.Scalar])
  func otherCharactersHaveNoCommonEscape(_ scalar: Unicode.Scalar) {
    #expect(BackslashEscape.common(scalar) == nil)
  }

  @Test func hexadecimalIsZeroPadded() {
    #expect(BackslashEscape.hexadecimal(0x0B, prefix: "\\u", digits: 4) == #"\u000b"#)
    #expect(
      BackslashEscape.hexadecimal(0xFF, prefix: "\\x", digits: 2, uppercase: true) == #"\xFF"#)
    #expect(BackslashEscape.hexadecimal(0x1F600, prefix: "\\U", digits: 8) == #"\U0001f600"#)
    #expect(BackslashEscape.hexadecimal(0x12345, prefix: "", digits: 2) == "12345")
  }
}
