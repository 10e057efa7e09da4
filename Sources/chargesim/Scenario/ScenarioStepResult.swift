/// How one step went.
struct ScenarioStepResult: Sendable, Equatable {
    /// The outcomes.
    enum Outcome: Sendable, Equatable {
        case passed
        /// The step failed; the message says what was expected and what was seen.
        case failed(String)
        /// Not run because an earlier step failed.
        case skipped
    }

    var title: String
    var outcome: Outcome
    /// Seconds the step took.
    var duration: Double
}
