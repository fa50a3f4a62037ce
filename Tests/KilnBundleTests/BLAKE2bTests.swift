import KilnCompiler
import Testing

@testable import KilnBundle

/// BLAKE2b against RFC 7693 Appendix A, the reference implementation's keyed answer test and
/// Python's hashlib for inputs around the 128-byte block boundary.
struct BLAKE2bTests {
  @Test func rfc7693AppendixA() {
    #expect(
      Digest.hex(BLAKE2b.hash(Array("abc".utf8)))
        == "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")
  }

  static let vectors: [(Int, String, String)] = [
    (
      0,
      "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce",
      "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"
    ),
    (
      1,
      "2fa3f686df876995167e7c2e5d74c4c7b6e48f8068fe0e44208344d480f7904c36963e44115fe3eb2a3ac8694c28bcb4f5a0f3276f2e79487d8219057a506e4b",
      "03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314"
    ),
    (
      127,
      "b6292669ccd38d5f01caae96ba272c76a879a45743afa0725d83b9ebb26665b731f1848c52f11972b6644f554c064fa90780dbbbf3a89d4fc31f67df3e5857ef",
      "f2fe67ff342e21b8f45e8f2e0bcd1d9243245d50ee6c78042e9c491388791c72"
    ),
    (
      128,
      "2319e3789c47e2daa5fe807f61bec2a1a6537fa03f19ff32e87eecbfd64b7e0e8ccff439ac333b040f19b0c4ddd11a61e24ac1fe0f10a039806c5dcc0da3d115",
      "c3582f71ebb2be66fa5dd750f80baae97554f3b015663c8be377cfcb2488c1d1"
    ),
    (
      129,
      "f59711d44a031d5f97a9413c065d1e614c417ede998590325f49bad2fd444d3e4418be19aec4e11449ac1a57207898bc57d76a1bcf3566292c20c683a5c4648f",
      "f7f3c46ba2564ff4c4c162da1f5b605f9f1c4aa6a20652a9f9a337c1a2f5b9c9"
    ),
    (
      256,
      "93463ac058b6163eb43be3f5bb32b28541498f4e3366f1effe253ad44e1e076e41c3616046027c82a7124f8f4746668ad10b12e8e25a95ac8f3151df01cd5a93",
      "582f782226018ec33076bd8d1c42413530ac7e1126260ffc0f306ba3befc3f24"
    ),
    (
      1000,
      "c11e1c0340bd7e5a1b275f1230c962fad215ecb1391486e74e31b960a2f2996381a5fad092da06841d5f26e38f6ecfeaf441acbcd1c2de61aef121e7927175f5",
      "b372d0608f720c8c3dd41e9c8eecb10143b41abe520b616607e754bf79c08331"
    ),
  ]

  @Test(arguments: vectors)
  func blockBoundaries(length: Int, digest512: String, digest256: String) {
    let input = (0..<length).map { UInt8($0 % 251) }
    #expect(Digest.hex(BLAKE2b.hash(input)) == digest512)
    #expect(Digest.hex(BLAKE2b.hash(input, outputLength: 32)) == digest256)
  }

  @Test func incrementalUpdatesMatchOneShot() {
    let input = (0..<1000).map { UInt8($0 % 251) }
    var hasher = BLAKE2b()
    for chunk in stride(from: 0, to: input.count, by: 77) {
      hasher.update(input[chunk..<min(chunk + 77, input.count)])
    }
    #expect(hasher.finalize() == BLAKE2b.hash(input))
  }

  @Test func keyedReferenceVectors() {
    let key = (0..<64).map { UInt8($0) }
    var empty = BLAKE2b(key: key)
    empty.update([UInt8]())
    #expect(
      Digest.hex(empty.finalize())
        == "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786"
        + "b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568")
    var long = BLAKE2b(key: key)
    long.update((0..<255).map { UInt8($0) })
    #expect(
      Digest.hex(long.finalize())
        == "142709d62e28fcccd0af97fad0f8465b971e82201dc51070faa0372aa43e9248"
        + "4be1c1e73ba10906d5d1853db6a4106e0a7bf9800d373d6dee2d46d62ef2a461")
  }
}
