import KilnModel
import Testing

/// `batch:` sizes read as Ansible `serial` values and count hosts of a plan.
struct RolloutBatchSizeTests {
  @Test func batchSizesReadAndCount() {
    #expect(RolloutPlan.BatchSize(text: "25%") == .percent(25))
    #expect(RolloutPlan.BatchSize(text: "5") == .count(5))
    #expect(RolloutPlan.BatchSize(text: "0") == nil)
    #expect(RolloutPlan.BatchSize(text: "150%") == nil)
    #expect(RolloutPlan.BatchSize.percent(25).hosts(of: 9) == 2)
    #expect(RolloutPlan.BatchSize.percent(1).hosts(of: 9) == 1)
  }
}
