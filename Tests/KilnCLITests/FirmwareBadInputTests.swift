import Foundation
import Testing

/// Broken firmware input in the example repository: a located error, exit code 2, nothing
/// written (checked by `BadInputTests`' own procedure).
@Suite(.serialized) struct FirmwareBadInputTests {
  typealias Breakage = BadInputTests.Breakage

  static let breakages: [Breakage] = [
    Breakage(
      description: "unknown profile", file: "environments/prod/host_vars/cmp01.yaml",
      old: "hardware_class: r650-compute", new: "hardware_class: r650-compte",
      expected: ["environments/base/group_vars/all.yaml:", "KLN501", "r650-compute"]),
    Breakage(
      description: "extends cycle", file: "templates/firmware/profiles/dell-poweredge-15g.yaml",
      old: "vendor: Dell", new: "extends: r650-compute\nvendor: Dell",
      expected: ["templates/firmware/profiles/r650-compute.yaml:4:", "KLN502", "→"]),
    Breakage(
      description: "attribute of the wrong type", file: "environments/prod/host_vars/cmp03.yaml",
      old: "LogicalProc: Disabled", new: "AcPwrRcvryUserDelay: \"120\"",
      expected: ["environments/prod/host_vars/cmp03.yaml:7:", "KLN511"]),
    Breakage(
      description: "RAID layout that cannot be built",
      file: "templates/firmware/profiles/r750-gpu.yaml",
      old: "      size_gb: 240", new: "      size_gb: 24000",
      expected: ["templates/firmware/profiles/r750-gpu.yaml:18:", "KLN526"]),
  ]

  @Test(arguments: breakages)
  func breakageIsLocatedAndWritesNothing(_ breakage: Breakage) throws {
    try BadInputTests().breakageIsLocatedAndWritesNothing(breakage)
  }
}
