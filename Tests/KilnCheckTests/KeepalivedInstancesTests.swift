import KilnCompiler
import Testing

@testable import KilnCheck

@Test func readsRouterIDPriorityAndAddressesOfEachInstance() {
  let text = """
    global_defs {
        router_id ctl01
    }
    vrrp_instance internal {
        interface bond0
        virtual_router_id 51
        priority 150
        virtual_ipaddress {
            10.0.0.10/24 dev bond0
        }
        authentication {
            auth_pass secret
        }
    }
    vrrp_instance external {
        virtual_router_id 52
        priority 100
    }

    """
  let file = RenderedFile(
    host: "ctl01", path: "keepalived/keepalived.conf", contents: Array(text.utf8), mode: 0o640,
    service: "keepalived", format: "text", isSecret: false)
  let instances = KeepalivedInstance.instances(in: file)
  #expect(instances.map(\.name) == ["internal", "external"])
  #expect(instances.first?.routerID == "51")
  #expect(instances.first?.routerIDLine == 6)
  #expect(instances.first?.priority == "150")
  #expect(instances.first?.interface == "bond0")
  #expect(instances.first?.addresses == ["10.0.0.10"])
  #expect(instances.last?.addresses == [])
}

@Test func addressesLoseTheirPort() {
  #expect(AddressText.withoutPort("10.0.0.1:4567") == "10.0.0.1")
  #expect(AddressText.withoutPort("[fe80::1]:80") == "fe80::1")
  #expect(AddressText.withoutPort("fe80::1") == "fe80::1")
}
