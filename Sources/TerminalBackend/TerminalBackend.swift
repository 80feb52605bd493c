// The TerminalBackend module; see README.md, Architecture.
