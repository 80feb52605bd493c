extension StatusMessage {
    /// Shown while the reader's own writes (read marks, visits) wait for a write lock that
    /// another process (an import, `lectern sync`) holds; keys keep working meanwhile.
    public static let waitingForWriter = StatusMessage("waiting for another Lectern to finish writing")
}
