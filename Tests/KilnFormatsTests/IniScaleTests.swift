import KilnFormats
import Testing

/// The INI merge stays linear on large files.
@Suite struct IniScaleTests {
  @Test func twentyThousandKeysMergeQuickly() throws {
    var base = ""
    var patch = ""
    for section in 0..<100 {
      base += "[section\(section)]\n"
      patch += "[section\(section)]\n"
      for key in 0..<200 {
        base += "option_\(key) = value \(section).\(key)\n"
        if key % 10 == 0 { patch += "option_\(key) = patched\n" }
      }
    }
    let clock = ContinuousClock()
    let start = clock.now
    let merged = try IniMerge.merge([
      (file: "base.conf", bytes: Array(base.utf8)), (file: "patch.conf", bytes: Array(patch.utf8)),
    ])
    let elapsed = clock.now - start
    print("ini merge of 20000 keys (\(base.utf8.count) bytes): \(elapsed)")
    let text = String(decoding: merged, as: UTF8.self)
    #expect(text.contains("[section99]\noption_0 = patched\noption_1 = value 99.1\n"))
    #expect(elapsed < .seconds(10))
  }
}
