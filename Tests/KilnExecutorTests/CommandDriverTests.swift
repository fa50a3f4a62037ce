import Foundation
import KilnBundle
import KilnTestSupport
import Testing

@testable import KilnExecutor

/// The kolla and command-template drivers: the tree they hand over, placeholders, prefixes.
struct CommandDriverTests {
  static func staged() throws -> (Release, DriverContext, String, BundleFactory.Events) {
    let root = try TemporaryDirectory.make("driver").path
    let state = StateDirectory(path: root + "/state")
    try state.prepare()
    let input = try BundleFactory.input(generation: 2, version: 2)
    let verified = try BundleVerifier(policy: BundleFactory.policy).verify(input)
    let release = try Release.stage(verified, in: state)
    let events = BundleFactory.Events()
    let context = DriverContext(
      runDirectory: root, label: "wave1", timeout: 10, secrets: nil, report: events.report)
    return (release, context, root, events)
  }

  @Test func kollaDriverHandsOverANodeCustomConfigTree() throws {
    let (release, context, root, events) = try Self.staged()
    let driver = CommandDriver(
      template: "cp -r {config} {inventory}/copy && echo {hosts} {services} > {inventory}/args",
      layout: .kolla, inventory: root)
    let failed = try driver.install(release, hosts: ["ctl01", "cmp01"], context: context)
    #expect(failed.isEmpty)
    #expect(
      BundleFactory.tree(root + "/copy").keys.sorted() == [
        "mariadb/cmp01/galera.cnf", "mariadb/ctl01/galera.cnf", "rabbitmq/ctl01/rabbitmq.conf",
      ])
    let arguments = String(decoding: DurableFiles.read(root + "/args") ?? [], as: UTF8.self)
    #expect(arguments == "ctl01,cmp01 mariadb,rabbitmq\n")
    #expect(!DurableFiles.exists(root + "/config-wave1-wave1"))
    #expect(events.all.isEmpty)
    #expect(CommandDriver.kollaCommand.hasPrefix("kolla-ansible -i {inventory} reconfigure"))
  }

  @Test func hostTemplateRunsOncePerHostWithItsPrefix() throws {
    let (release, context, _, events) = try Self.staged()
    let driver = CommandDriver(
      template: "echo configuring {host}; test {host} != cmp01", layout: .hosts)
    let failed = try driver.install(release, hosts: ["ctl01", "cmp01"], context: context)
    #expect(failed == ["cmp01": "driver exited 1"])
    #expect(
      events.all == [
        .output(prefix: "ctl01", line: "configuring ctl01"),
        .output(prefix: "cmp01", line: "configuring cmp01"),
      ])
    let log = String(
      decoding: DurableFiles.read(context.runDirectory + "/driver-wave1.log") ?? [], as: UTF8.self)
    #expect(log == "configuring ctl01\nconfiguring cmp01\n")
  }

  @Test func healthChecksRunOnTheHostsOfTheirServices() throws {
    let (release, context, root, _) = try Self.staged()
    var plan = release.plan
    plan.health.checks = [
      .init(
        name: "rabbit", services: ["rabbitmq"],
        command: "echo {host} {service} >> \(root)/ran; test {host} != ctl02", script: nil,
        perWave: false)
    ]
    let replanned = Release(
      digest: release.digest, directory: release.directory, facts: release.facts,
      manifest: release.manifest, plan: plan)
    let failed = try HealthRunner(release: replanned, environment: [:]).run(
      wave: "1", hosts: ["ctl01", "ctl02", "cmp01"], context: context)
    #expect(failed == ["ctl02": "rabbit"])
    let ran = String(decoding: DurableFiles.read(root + "/ran") ?? [], as: UTF8.self)
    #expect(ran == "ctl01 rabbitmq\nctl02 rabbitmq\n")
  }
}
