import BlogModel

/// Applies `action` to `state` and returns the work to do outside; the only writer of `AppState`.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    []
}
