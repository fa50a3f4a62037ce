import Testing

@testable import KilnReview

@Test func moduleLinks() {
  #expect(String(describing: KilnReviewModule.self) == "KilnReviewModule")
}
