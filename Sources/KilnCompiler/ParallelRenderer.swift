import Foundation
import Jinja
import KilnDiagnostics
import KilnModel

/// Renders hosts concurrently, a bounded number at a time, and returns results in plan order.
enum ParallelRenderer {
  /// What rendering one host produced: its files, or the diagnostics of the files that failed.
  struct Outcome: Sendable {
    var host: String
    var files: [RenderedFile] = []
    var failures: [Diagnostic] = []
  }

  static func render(
    plan: [HostPlan], environment: ResolvedEnvironment, templates: ServiceTemplates,
    patches: OverlayPatchStage
  ) async -> [Outcome] {
    let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let firmware = FirmwareStage(environment: environment, templates: templates)
    return await withTaskGroup(of: (Int, Outcome).self) { group in
      var results = [Outcome?](repeating: nil, count: plan.count)
      var next = 0
      func submit(_ index: Int) {
        group.addTask {
          (
            index,
            renderHost(
              plan[index], environment: environment, templates: templates, patches: patches,
              firmware: firmware)
          )
        }
      }
      while next < min(width, plan.count) {
        submit(next)
        next += 1
      }
      while let (index, outcome) = await group.next() {
        results[index] = outcome
        if next < plan.count {
          submit(next)
          next += 1
        }
      }
      return results.compactMap { $0 }
    }
  }

  static func renderHost(
    _ plan: HostPlan, environment: ResolvedEnvironment, templates: ServiceTemplates,
    patches: OverlayPatchStage, firmware: FirmwareStage
  ) -> Outcome {
    var outcome = Outcome(host: plan.host)
    let variables: HostVariables
    do {
      variables = try environment.variables(forHost: plan.host)
    } catch {
      outcome.failures = error.diagnostics
      return outcome
    }
    for (service, file) in plan.files {
      guard let template = templates.template(service: service.name, source: file.source) else {
        continue
      }
      do {
        let text = try template.render(variables)
        outcome.files.append(
          RenderedFile(
            host: plan.host, path: file.destination, contents: Array(text.utf8),
            mode: FileModeText.parse(file.mode) ?? 0o644, service: service.name,
            format: file.format, isSecret: file.secret))
      } catch let error as JinjaError {
        let enriched = UndefinedHint.enrich(error, variables: variables, environment: environment)
        outcome.failures.append(TemplateDiagnostics.diagnostic(enriched))
      } catch {
        outcome.failures.append(FailureGrouping.diagnostic(for: error, file: file.location))
      }
    }
    let firmwareFiles = firmware.render(host: plan.host, environment: environment)
    outcome.files += firmwareFiles.files
    outcome.failures += firmwareFiles.failures
    if outcome.failures.isEmpty {
      outcome.failures += patches.apply(
        to: &outcome.files, host: plan.host, renderable: plan.renderable, variables: variables,
        environment: environment)
    }
    return outcome
  }
}

/// Parses `mode:` strings such as `"0640"`.
enum FileModeText {
  static func parse(_ text: String) -> UInt16? {
    guard let value = UInt16(text, radix: 8), value <= 0o7777 else { return nil }
    return value
  }
}
