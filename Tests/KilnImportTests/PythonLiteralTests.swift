import Testing

@testable import KilnImport

/// `ast.literal_eval` as Ansible's `ini` plugin applies it (expected values checked with Python).
struct PythonLiteralTests {
  static let cases: [(String, InventoryValue)] = [
    ("42", .int(42)),
    ("-7", .int(-7)),
    ("+3", .int(3)),
    ("0x1F", .int(31)),
    ("0o17", .int(15)),
    ("0b101", .int(5)),
    ("1_000", .int(1000)),
    ("010", .string("010")),
    ("00", .int(0)),
    ("1.5", .float(1.5)),
    ("1e3", .float(1000)),
    (".5", .float(0.5)),
    ("True", .bool(true)),
    ("False", .bool(false)),
    ("None", .null),
    ("true", .string("true")),
    ("yes", .string("yes")),
    ("'quoted'", .string("quoted")),
    ("\"a\\tb\"", .string("a\tb")),
    ("r'a\\tb'", .string("a\\tb")),
    ("'a' 'b'", .string("ab")),
    ("b'bytes'", .string("bytes")),
    ("'\\x41\\u00e9'", .string("Aé")),
    ("[1, 'two', None]", .list([.int(1), .string("two"), .null])),
    ("(1,)", .list([.int(1)])),
    ("1, 2", .list([.int(1), .int(2)])),
    ("()", .list([])),
    ("{}", .map([])),
    ("{'a': 1, 'b': [True]}", .map([("a", .int(1)), ("b", .list([.bool(true)]))])),
    ("{'a': 1, 'a': 2}", .map([("a", .int(2))])),
    ("{1, 2, 1}", .list([.int(1), .int(2)])),
    ("set()", .list([])),
    ("...", .string("...")),
    ("5 # comment", .int(5)),
    ("  7", .int(7)),
    ("30s", .string("30s")),
    ("10.0.0.1", .string("10.0.0.1")),
    ("-True", .string("-True")),
    ("--5", .string("--5")),
    ("1+2", .string("1+2")),
    ("f'x'", .string("f'x'")),
    ("'unterminated", .string("'unterminated")),
    ("{{ jinja }}", .string("{{ jinja }}")),
    ("", .string("")),
    ("a b", .string("a b")),
    ("[1, 2", .string("[1, 2")),
  ]

  @Test(arguments: cases)
  func literal(_ text: String, _ expected: InventoryValue) throws {
    let (value, note) = try PythonLiteral.value(of: text)
    #expect(value == expected, "\(text)")
    #expect(note == nil)
  }

  @Test(arguments: ["1j", "1+2j", "99999999999999999999999"])
  func literalsWithoutKilnTypeStayText(_ text: String) throws {
    let (value, note) = try PythonLiteral.value(of: text)
    #expect(value == .string(text))
    #expect(note != nil)
  }

  @Test(arguments: ["{[1]: 2}", "{{'a': 1}: 2}", "{[1], 2}"])
  func unhashableKeysFailAsInPython(_ text: String) {
    #expect(throws: PythonLiteral.Unhashable.self) { try PythonLiteral.value(of: text) }
  }
}
