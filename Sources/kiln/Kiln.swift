import ArgumentParser

@main
struct Kiln: ParsableCommand {
  func run() throws {}
}
