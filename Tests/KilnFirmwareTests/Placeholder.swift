import Testing

@testable import KilnFirmware

@Test func moduleLinks() {
  #expect(String(describing: KilnFirmwareModule.self) == "KilnFirmwareModule")
}
