import KilnCompiler

/// The `vrrp_instance` blocks of a rendered keepalived.conf: enough of keepalived's syntax
/// (brace-nested blocks, one keyword per line) to read router ids, priorities and VIPs.
struct KeepalivedInstance {
  var file: RenderedFile
  var name: String
  var interface: String?
  var routerID: String?
  var routerIDLine = 1
  var priority: String?
  var priorityLine = 1
  var addresses: [String] = []

  /// Every instance of `file`.
  static func instances(in file: RenderedFile) -> [KeepalivedInstance] {
    var result: [KeepalivedInstance] = []
    var current: KeepalivedInstance?
    var depth = 0
    var inAddresses = false
    let lines = String(decoding: file.contents, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    for (index, raw) in lines.enumerated() {
      let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard let keyword = words.first, !keyword.hasPrefix("#"), !keyword.hasPrefix("!") else {
        continue
      }
      if depth == 0, keyword == "vrrp_instance", words.count >= 2 {
        current = KeepalivedInstance(file: file, name: words[1])
      } else if depth == 1, current != nil {
        current?.read(keyword, words, line: index + 1)
        inAddresses = keyword == "virtual_ipaddress"
      } else if depth == 2, inAddresses, keyword != "}" {
        current?.addresses.append(keyword.split(separator: "/").first.map(String.init) ?? keyword)
      }
      depth += words.filter { $0 == "{" || $0.hasSuffix("{") }.count
      depth -= words.filter { $0 == "}" }.count
      if depth == 0, let instance = current {
        result.append(instance)
        current = nil
      }
    }
    return result
  }

  private mutating func read(_ keyword: String, _ words: [String], line: Int) {
    guard words.count >= 2 else { return }
    switch keyword {
    case "interface": interface = words[1]
    case "virtual_router_id": (routerID, routerIDLine) = (words[1], line)
    case "priority": (priority, priorityLine) = (words[1], line)
    default: break
    }
  }
}
