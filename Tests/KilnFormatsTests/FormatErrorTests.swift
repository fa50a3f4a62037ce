import KilnFormats
import Testing

/// One malformed input and where its error must point.
struct ErrorCase: Sendable, CustomStringConvertible {
  var format: String
  var text: String
  var id: String
  var location: String
  var description: String { "\(format): \(text.debugDescription)" }
}

/// Each codec's errors, with exact line and column.
@Suite struct FormatErrorTests {
  static let cases: [ErrorCase] = [
    ErrorCase(format: "ini", text: "[mysqld]\nskip-name-resolve\n", id: "KLN302", location: "f:2:1"),
    ErrorCase(format: "ini", text: "[s]\n = v\n", id: "KLN302", location: "f:2:1"),
    ErrorCase(format: "ini", text: "  k = v\n", id: "KLN302", location: "f:1:1"),
    ErrorCase(format: "ini", text: "[s]\nk = v\n\n\tmore\n", id: "KLN302", location: "f:4:1"),
    ErrorCase(format: "ini", text: "a=1\n[sec\n", id: "KLN302", location: "f:2:5"),
    ErrorCase(format: "ini", text: "[]\n", id: "KLN302", location: "f:1:2"),
    ErrorCase(format: "json", text: "{\"a\": 1,}", id: "KLN303", location: "f:1:9"),
    ErrorCase(format: "json", text: "{\n  \"a\": tru\n}", id: "KLN303", location: "f:2:11"),
    ErrorCase(format: "json", text: "[1, 2", id: "KLN303", location: "f:1:6"),
    ErrorCase(format: "json", text: "{\"a\": 1, \"a\": 2}", id: "KLN303", location: "f:1:10"),
    ErrorCase(format: "json", text: "\"abc", id: "KLN303", location: "f:1:5"),
    ErrorCase(format: "json", text: "01", id: "KLN303", location: "f:1:2"),
    ErrorCase(format: "json", text: "[1.]", id: "KLN303", location: "f:1:4"),
    ErrorCase(format: "json", text: "\"\\x\"", id: "KLN303", location: "f:1:3"),
    ErrorCase(format: "json", text: "", id: "KLN303", location: "f:1:1"),
    ErrorCase(format: "yaml", text: "a: [1, 2\n", id: "KLN101", location: "f:2:1"),
    ErrorCase(format: "rabbitmq", text: "a.b = 1\nlisteners.tcp\n", id: "KLN305", location: "f:2:1"),
    ErrorCase(format: "rabbitmq", text: "a..b = 1\n", id: "KLN305", location: "f:1:1"),
    ErrorCase(format: "rabbitmq", text: "  a b = 1\n", id: "KLN305", location: "f:1:4"),
    ErrorCase(format: "rabbitmq", text: "a =   # nothing\n", id: "KLN305", location: "f:1:4"),
    ErrorCase(format: "erlang-term", text: "[{a, 1}]", id: "KLN306", location: "f:1:9"),
    ErrorCase(format: "erlang-term", text: "[{a, 1]}.", id: "KLN306", location: "f:1:7"),
    ErrorCase(format: "erlang-term", text: "[\n  {a, Var}\n].", id: "KLN306", location: "f:2:7"),
    ErrorCase(format: "erlang-term", text: "[<<\"abc>>].", id: "KLN306", location: "f:1:4"),
    ErrorCase(format: "erlang-term", text: "#{a 1}.", id: "KLN306", location: "f:1:5"),
    ErrorCase(format: "fluentd", text: "<source>\n  @type tail\n", id: "KLN307", location: "f:1:1"),
    ErrorCase(format: "fluentd", text: "<match **>\n</source>\n", id: "KLN307", location: "f:2:1"),
    ErrorCase(format: "fluentd", text: "</match>\n", id: "KLN307", location: "f:1:1"),
    ErrorCase(format: "fluentd", text: "<source\n", id: "KLN307", location: "f:1:8"),
    ErrorCase(format: "fluentd", text: "  < >\n", id: "KLN307", location: "f:1:4"),
    ErrorCase(format: "hosts", text: "10.0.0.1 a\n10.0.0.256 b\n", id: "KLN308", location: "f:2:1"),
    ErrorCase(format: "hosts", text: "  10.0.0.1   # no names\n", id: "KLN308", location: "f:1:11"),
    ErrorCase(format: "hosts", text: "fe80::1::2 x\n", id: "KLN308", location: "f:1:1"),
  ]

  @Test(arguments: cases)
  func errorIsLocated(_ item: ErrorCase) {
    let bytes = Array(item.text.utf8)
    #expect(errorID(bytes, item.format) == item.id)
    #expect(errorLocation(bytes, item.format) == item.location)
  }
}
