/// A step that did not do what the scenario says, or a scenario that cannot run.
struct ScenarioFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
