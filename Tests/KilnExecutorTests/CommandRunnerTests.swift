import Foundation
import KilnTestSupport
import Testing

@testable import KilnExecutor

/// Commands stream their lines, are logged, and die at their timeout with their children.
struct CommandRunnerTests {
  @Test func streamsLinesLogsThemAndReportsTheStatus() throws {
    let directory = try TemporaryDirectory.make("runner").path
    let runner = CommandRunner(environment: ["GREETING": "hello"], directory: directory)
    var lines: [String] = []
    let outcome = try runner.run(
      "echo \"$GREETING\"; pwd; echo oops >&2; printf partial; exit 3", timeout: 10,
      log: directory + "/out.log"
    ) { lines.append($0) }
    #expect(outcome.status == 3)
    #expect(!outcome.succeeded && !outcome.timedOut)
    #expect(lines == ["hello", directory, "oops", "partial"])
    let log = String(decoding: DurableFiles.read(directory + "/out.log") ?? [], as: UTF8.self)
    #expect(log == "hello\n\(directory)\noops\npartial")
  }

  @Test func hangingCommandAndItsChildrenAreKilledAtTheTimeout() throws {
    let directory = try TemporaryDirectory.make("runner").path
    let runner = CommandRunner(directory: directory)
    let started = Date()
    let outcome = try runner.run(
      "echo started; (sleep 60; echo survived > late) & sleep 60", timeout: 1, log: nil
    ) { _ in }
    #expect(outcome.timedOut)
    #expect(!outcome.succeeded)
    #expect(outcome.tail == ["started"])
    #expect(Date().timeIntervalSince(started) < 10)
    Thread.sleep(forTimeInterval: 0.2)
    #expect(!DurableFiles.exists(directory + "/late"))
  }

  @Test(arguments: [
    ("plain", "plain"), ("two words", "'two words'"), ("it's", "'it'\\''s'"), ("", "''"),
    ("a;rm -rf /", "'a;rm -rf /'"),
  ])
  func quotesForTheShell(_ text: String, _ quoted: String) {
    #expect(CommandRunner.quote(text) == quoted)
  }

  @Test func expandsEveryPlaceholderQuoted() {
    let command = CommandRunner.expand(
      "deploy --limit {hosts} --tags {services} {release}",
      [("hosts", "ctl01,ctl02"), ("services", "mariadb"), ("release", "/state dir/r")])
    #expect(command == "deploy --limit ctl01,ctl02 --tags mariadb '/state dir/r'")
  }
}
