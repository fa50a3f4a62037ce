import KilnDiagnostics
import KilnFormats
import Testing

/// Every codec reads its golden input, writes it back, and reads the result to the same model.
@Suite struct FormatCodecTests {
  @Test(arguments: GoldenFiles.inputs.map(\.name))
  func goldenInputRoundTrips(name: String) throws {
    let format = try #require(GoldenFiles.inputs.first { $0.name == name }?.format)
    let parsed = try FormatCodec.parse(try GoldenFiles.bytes(name), format: format, file: name)
    let written = parsed.written()
    let reparsed = try FormatCodec.parse(written, format: format, file: name)
    #expect(!parsed.semanticEntries().isEmpty)
    #expect(reparsed.semanticEntries().map(\.path) == parsed.semanticEntries().map(\.path))
    #expect(reparsed.semanticEntries().map(\.value) == parsed.semanticEntries().map(\.value))
    #expect(reparsed.written() == written)
  }

  @Test(arguments: ["definitions.json", "rabbitmq-env.conf", "enabled_plugins"])
  func canonicalInputIsWrittenByteForByte(name: String) throws {
    let format = try #require(GoldenFiles.inputs.first { $0.name == name }?.format)
    let bytes = try GoldenFiles.bytes(name)
    #expect(try FormatCodec.parse(bytes, format: format, file: name).written() == bytes)
  }

  @Test func galeraIsWrittenAsKollaWritesIt() throws {
    let parsed = try FormatCodec.parse(
      try GoldenFiles.bytes("galera.cnf"), format: "ini", file: "galera.cnf")
    #expect(parsed.written() == (try GoldenFiles.bytes("galera.cnf.kolla")))
  }

  @Test func unknownFormatIsALocatedError() {
    #expect {
      _ = try FormatCodec.parse([], format: "toml", file: "x.toml")
    } throws: { error in
      let diagnostic = (error as? DiagnosticsError)?.diagnostics.first
      return diagnostic?.id == FormatDiagnostics.unknownFormat
        && diagnostic?.location?.file == "x.toml" && diagnostic?.hint?.contains("erlang-term") == true
    }
  }

  @Test func invalidUTF8IsLocatedAtTheBadByte() {
    let bytes = Array("a = 1\nb = x".utf8) + [0xC3, 0x28]
    for format in ["ini", "json", "rabbitmq", "erlang-term", "fluentd", "hosts", "text"] {
      #expect(
        errorLocation(bytes, format) == "f:2:6" && errorID(bytes, format) == "KLN301",
        "format \(format)")
    }
  }
}

/// `file:line:column` of the first diagnostic when parsing fails, or `nil`.
func errorLocation(_ bytes: [UInt8], _ format: String) -> String? {
  do {
    _ = try FormatCodec.parse(bytes, format: format, file: "f")
    return nil
  } catch {
    return error.diagnostics.first?.location.map(\.description)
  }
}

/// The ID of the first diagnostic when parsing fails, or `nil`.
func errorID(_ bytes: [UInt8], _ format: String) -> String? {
  do {
    _ = try FormatCodec.parse(bytes, format: format, file: "f")
    return nil
  } catch {
    return error.diagnostics.first?.id.rawValue
  }
}
