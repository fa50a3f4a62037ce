import ArgumentParser
import KilnDiagnostics

#if canImport(Glibc)
  import Glibc
#endif

/// Parses the command line, runs the command and turns every error into a message and an exit
/// code in one place (design §1: 0 success, 1 findings, 2 usage or input error, 3 verification).
@main
enum Main {
  static func main() async {
    let command: any ParsableCommand
    do {
      command = try Kiln.parseAsRoot()
    } catch {
      report(error)
    }
    do {
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        var syncCommand = command
        try syncCommand.run()
      }
      exit(0)
    } catch let error as DiagnosticsError {
      Terminal.error(DiagnosticRenderer.text(error.diagnostics), newline: false)
      exit(2)
    } catch let error as KilnExit {
      exit(error.code)
    } catch {
      report(error)
    }
  }
}

extension Main {
  /// Help and version requests go to standard output with exit 0; every other argument error
  /// to standard error with exit 2 (design §1: usage errors are 2).
  static func report(_ error: any Error) -> Never {
    let message = Kiln.fullMessage(for: error)
    if Kiln.exitCode(for: error) == .success {
      Terminal.output(message)
      exit(0)
    }
    Terminal.error(message)
    exit(2)
  }
}

/// Ends a command with a specific exit code after it has printed what it had to say.
struct KilnExit: Error {
  var code: Int32
}
