// The ScreenKit module; see README.md, Architecture.
