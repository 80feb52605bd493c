// The BlogStore module; see README.md, Architecture.
