import Foundation

/// TCP ports nothing listens on, below the kernel's ephemeral range so that outgoing
/// connections do not take them between the check and the daemon's bind.
enum DaemonPorts {
  /// `count` distinct ports, each bindable on every IPv4 address right now.
  static func reserve(_ count: Int) throws -> [Int] {
    var held: [Int32] = []
    defer { held.forEach { close($0) } }
    var ports: [Int] = []
    var attempts = 0
    while ports.count < count {
      attempts += 1
      guard attempts < 1000 else {
        throw ShellError(command: "reserve \(count) ports", output: "no free port in 20000..<32000")
      }
      let port = Int.random(in: 20000..<32000)
      if ports.contains(port) { continue }
      if let socket = bindAnyAddress(port: port) {
        held.append(socket)
        ports.append(port)
      }
    }
    return ports
  }

  /// A socket bound to `0.0.0.0:port`, or nil when the port is taken.
  private static func bindAnyAddress(port: Int) -> Int32? {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port)).bigEndian
    address.sin_addr.s_addr = INADDR_ANY
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else {
      close(descriptor)
      return nil
    }
    return descriptor
  }
}
