import Foundation
import Testing

extension DaemonTests {
  /// A missing daemon fails its test with the command that installs it.
  @Suite struct Tool {
    @Test func missingToolNamesTheInstallCommand() {
      #expect {
        try DaemonTool.locate("kiln-no-such-daemon", package: "kiln-no-such-package")
      } throws: { error in
        let text = String(describing: error)
        return text.contains("kiln-no-such-daemon is not installed")
          && text.contains("scripts/install-test-daemons")
          && text.contains("apt-get install -y --no-install-recommends kiln-no-such-package")
      }
    }

    @Test func runKillsAToolThatOverrunsItsDeadline() throws {
      let run = try DaemonTool.run(["/bin/sleep", "30"], timeout: 0.5)
      #expect(run.timedOut)
      #expect(run.seconds < 10)
    }
  }
}
