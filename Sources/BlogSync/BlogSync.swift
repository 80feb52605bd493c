// The BlogSync module; see README.md, Architecture.
