// The BlogFormats module; see README.md, Architecture.
