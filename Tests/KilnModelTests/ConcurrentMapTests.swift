import Testing

@testable import KilnModel

@Test(arguments: [0, 1, 2, 63, 64, 65, 1_000])
func concurrentMapKeepsOrderAndCount(count: Int) {
  let items = Array(0..<count)
  #expect(items.concurrentMap { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
}
