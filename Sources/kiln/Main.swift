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
      let code = Kiln.exitCode(for: error)
      let message = Kiln.fullMessage(for: error)
      if code == .success {
        print(message)
        exit(0)
      }
      Terminal.error(message)
      exit(2)
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
      let code = Kiln.exitCode(for: error)
      Terminal.error(Kiln.fullMessage(for: error))
      exit(code == .success ? 0 : 2)
    }
  }
}

/// Ends a command with a specific exit code after it has printed what it had to say.
struct KilnExit: Error {
  var code: Int32
}
