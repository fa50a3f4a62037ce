import Testing

@testable import Jinja

/// `BuiltinMethods.callMutating` changes the receiver in place, as Python's list and dict
/// methods do; `call` leaves the caller's value alone.
@Suite("Mutating methods")
struct MethodMutationTests {
  let context = CallContext(environment: Environment(), variables: DictionaryResolver([:]))

  private func list(_ numbers: [Int]) -> Value { .list(numbers.map(Value.int)) }

  @Test("list.sort and list.reverse reorder the receiver and return None")
  func sortAndReverse() throws {
    var receiver = list([3, 1, 2])
    let sorted = try BuiltinMethods.callMutating(&receiver, method: "sort", Arguments(), context)
    #expect(sorted?.isNone == true)
    #expect(receiver.pythonRepr() == "[1, 2, 3]")
    _ = try BuiltinMethods.callMutating(
      &receiver, method: "sort", Arguments(named: [("reverse", .bool(true))]), context)
    #expect(receiver.pythonRepr() == "[3, 2, 1]")
    _ = try BuiltinMethods.callMutating(&receiver, method: "reverse", Arguments(), context)
    #expect(receiver.pythonRepr() == "[1, 2, 3]")
  }

  @Test("list.append through call does not change the caller's copy")
  func callKeepsReceiver() throws {
    let receiver = list([1])
    let result = try BuiltinMethods.call(receiver, method: "append", Arguments([.int(2)]), context)
    #expect(result?.isNone == true)
    #expect(receiver.pythonRepr() == "[1]")
  }

  @Test("dict.update and dict.setdefault change the receiver")
  func dictUpdate() throws {
    var receiver = Value.map(ValueMap(["a": .int(1)]))
    _ = try BuiltinMethods.callMutating(
      &receiver, method: "update", Arguments([.map(ValueMap(["b": .int(2)]))]), context)
    let value = try BuiltinMethods.callMutating(
      &receiver, method: "setdefault", Arguments([.string("c"), .int(3)]), context)
    #expect(value?.pythonRepr() == "3")
    #expect(receiver.pythonRepr() == "{'a': 1, 'b': 2, 'c': 3}")
  }

  @Test(
    "mutates names exactly the methods that change the receiver",
    arguments: [
      ("append", true), ("sort", true), ("pop", true), ("index", false), ("count", false),
    ])
  func listMutation(_ method: String, _ changes: Bool) {
    #expect(BuiltinMethods.mutates(method: method, on: list([1])) == changes)
  }

  @Test("an unknown method is nil, so the engine reports the missing attribute")
  func unknownMethod() throws {
    #expect(try BuiltinMethods.call(.string("x"), method: "nope", Arguments(), context) == nil)
    #expect(try BuiltinMethods.call(.int(1), method: "split", Arguments(), context) == nil)
  }

  @Test("a method error says what was expected")
  func methodError() {
    #expect(throws: JinjaError.self) {
      _ = try BuiltinMethods.call(list([1]), method: "index", Arguments([.int(5)]), context)
    }
    do {
      _ = try BuiltinMethods.call(list([1]), method: "index", Arguments([.int(5)]), context)
    } catch let error as JinjaError {
      #expect(error.message == "5 is not in list")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }
}
