import KilnYAML
import Testing

@Suite("YAML 1.2 core schema scalar resolution")
struct ScalarResolutionTests {
  @Test(
    "plain scalars resolve by the core schema",
    arguments: [
      ("~", ScalarValue.null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
      ("nULL", .string("nULL")),
      ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
      ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
      ("tRUE", .string("tRUE")),
      ("0", .int(0)), ("42", .int(42)), ("-17", .int(-17)), ("+8", .int(8)), ("007", .int(7)),
      ("0o17", .int(15)), ("0x1F", .int(31)), ("0xff", .int(255)), ("0x", .string("0x")),
      ("0o8", .string("0o8")), ("-0x1", .string("-0x1")), ("1_000", .string("1_000")),
      ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
      ("9223372036854775808", .string("9223372036854775808")),
      ("1.5", .float(1.5)), ("-0.25", .float(-0.25)), (".5", .float(0.5)), ("1.", .float(1)),
      ("1e3", .float(1000)), ("2.5E-2", .float(0.025)), ("+1.0e+2", .float(100)),
      (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)), ("+.INF", .float(.infinity)),
      ("1e", .string("1e")), (".", .string(".")), ("-x", .string("-x")),
      ("1.2.3", .string("1.2.3")),
      ("10.0.0.11", .string("10.0.0.11")), ("3306/tcp", .string("3306/tcp")),
      ("hello world", .string("hello world")), ("yes", .string("yes")), ("on", .string("on")),
      ("2026-11-25", .string("2026-11-25")), ("0640", .int(640)),
    ])
  func plainResolution(text: String, expected: ScalarValue) throws {
    let root = try parse("value: \(text)\n")
    #expect(root["value"]?.scalar?.value == expected)
    #expect(root["value"]?.scalar?.style == .plain)
  }

  @Test("NaN resolves to a float NaN", arguments: [".nan", ".NaN", ".NAN"])
  func notANumber(text: String) throws {
    let value = try parse("value: \(text)\n")["value"]?.double
    #expect(value?.isNaN == true)
  }

  @Test(
    "quoted and block scalars are always strings",
    arguments: [
      ("'123'", "123", YAMLScalar.Style.singleQuoted), ("\"true\"", "true", .doubleQuoted),
      ("''", "", .singleQuoted), ("\"~\"", "~", .doubleQuoted),
      ("|\n  42\n", "42\n", .literal), (">-\n  null\n  x\n", "null x", .folded),
    ])
  func quotedAreStrings(source: String, text: String, style: YAMLScalar.Style) throws {
    let scalar = try #require(try parse("value: \(source)").at("value")?.scalar)
    #expect(scalar.value == .string(text))
    #expect(scalar.text == text)
    #expect(scalar.style == style)
  }

  @Test("double-quoted escapes are decoded")
  func escapes() throws {
    let root = try parse(#"value: "tab\there\nnew \u00e9 \x41 \\ \"""#)
    #expect(root["value"]?.string == "tab\there\nnew é A \\ \"")
  }

  @Test(
    "kind names describe the resolved value",
    arguments: [
      ("1", "integer"), ("1.5", "float"), ("true", "boolean"), ("~", "null"), ("x", "string"),
      ("[1]", "sequence"), ("{a: 1}", "mapping"),
    ])
  func kindNames(source: String, kind: String) throws {
    #expect(try parse("v: \(source)\n")["v"]?.kindName == kind)
  }
}
