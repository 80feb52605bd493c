// The ReaderCore module; see README.md, Architecture.
