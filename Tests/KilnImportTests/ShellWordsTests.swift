import Testing

@testable import KilnImport

/// `shlex.split(line, comments=True)` (expected values checked with Python).
struct ShellWordsTests {
  static let cases: [(String, [String])] = [
    ("host a=1 b=2", ["host", "a=1", "b=2"]),
    ("host  a=\"two words\"", ["host", "a=two words"]),
    ("host a='single \"q\"'", ["host", "a=single \"q\""]),
    ("host a=\"x\\\"y\"", ["host", "a=x\"y"]),
    ("host a=\"x\\ny\"", ["host", "a=x\\ny"]),
    ("host a=x\\ y", ["host", "a=x y"]),
    ("host # comment a=1", ["host"]),
    ("host a=b#c", ["host", "a=b"]),
    ("host a=''", ["host", "a="]),
    ("host ''", ["host", ""]),
    ("host\ta=1", ["host", "a=1"]),
  ]

  @Test(arguments: cases)
  func split(_ line: String, _ expected: [String]) throws {
    #expect(try ShellWords.split(line) == expected)
  }

  @Test(arguments: [
    ("host a=\"open", "No closing quotation"), ("host a=\\", "No escaped character"),
  ])
  func unterminated(_ line: String, _ message: String) {
    #expect(throws: ShellWords.Failure(message: message)) { try ShellWords.split(line) }
  }
}
