import Testing

@testable import Jinja

@Suite struct ValueTests {
  @Test(arguments: [
    (1.0, "1.0"), (1e16, "1e+16"), (0.1, "0.1"), (Double.infinity, "inf"), (1e-5, "1e-05"),
    (123456789012345.0, "123456789012345.0"), (0.0001, "0.0001"), (-2.5, "-2.5"),
    (1.5e300, "1.5e+300"), (1e15, "1000000000000000.0"), (0.5, "0.5"),
  ])
  func floatRepr(value: Double, expected: String) {
    #expect(Value.float(value).pythonString() == expected)
  }

  @Test func containerRepr() {
    let map = ValueMap([(.string("a"), .int(1)), (.string("b"), .list([.none, .bool(true)]))])
    #expect(Value.map(map).pythonString() == "{'a': 1, 'b': [None, True]}")
    #expect(Value.list([.string("it's"), .string("a\nb")]).pythonString() == "[\"it's\", 'a\\nb']")
  }

  @Test func mapKeysFollowPythonEquality() {
    var map = ValueMap()
    map[.int(1)] = .string("int")
    map[.float(1.0)] = .string("float")
    map[.bool(true)] = .string("bool")
    #expect(map.count == 1)
    #expect(map[.int(1)]?.stringValue == "bool")
  }

  @Test func truthiness() {
    #expect(!Value.string("").isTruthy)
    #expect(Value.list([.none]).isTruthy)
    #expect(!Value.float(0).isTruthy)
    #expect(!Value.undefined("x").isTruthy)
  }
}
