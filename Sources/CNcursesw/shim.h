// Wide-character curses must be requested before the header is read, else cchar_t,
// setcchar and wget_wch do not exist.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>

// Glibc's Swift overlay hides these; the backend and the layout must measure with the
// very same table curses draws with.
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

// Swift 6 rejects mutable C globals and cannot import function-like macros, so every
// one the backend needs gets an accessor here.
static inline WINDOW *lectern_stdscr(void) { return stdscr; }
static inline FILE *lectern_stdin(void) { return stdin; }
static inline FILE *lectern_stdout(void) { return stdout; }
static inline int lectern_columns(void) { return COLS; }
static inline int lectern_lines(void) { return LINES; }
static inline int lectern_colors(void) { return COLORS; }
static inline int lectern_color_pairs(void) { return COLOR_PAIRS; }
static inline int lectern_set_escape_delay(int milliseconds) { return set_escdelay(milliseconds); }

static inline attr_t lectern_attr_normal(void) { return WA_NORMAL; }
static inline attr_t lectern_attr_bold(void) { return WA_BOLD; }
static inline attr_t lectern_attr_dim(void) { return WA_DIM; }
static inline attr_t lectern_attr_italic(void) { return WA_ITALIC; }
static inline attr_t lectern_attr_underline(void) { return WA_UNDERLINE; }
static inline attr_t lectern_attr_reverse(void) { return WA_REVERSE; }

static inline int lectern_key_function(int n) { return KEY_F(n); }

static inline mmask_t lectern_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t lectern_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t lectern_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t lectern_button5_pressed(void) { return BUTTON5_PRESSED; }

// Terminal restoration on exit, termination and crash lives in C: a signal handler must
// not run Swift code that may allocate or take locks.
//
// isendwin() is false both before initscr (endwin then fails harmlessly) and while
// curses is active, true once endwin ran; so no extra state is needed to stay idempotent.
static inline void lectern_restore_terminal(void) {
    if (!isendwin()) {
        endwin();
    }
}

static void lectern_restore_at_exit(void) { lectern_restore_terminal(); }

// A function-local static because Swift emits C functions from a header, not C globals.
// Only Terminal.swift installs the handlers, so the one copy lives in its object file.
static inline struct sigaction *lectern_previous_actions(void) {
    static struct sigaction actions[NSIG];
    return actions;
}

// Restores the terminal, puts back whatever handled the signal before (the default
// action, or the Swift runtime's crash reporter) and raises the signal again so the
// process ends the way it would have without us.
static void lectern_restore_and_reraise(int signal_number) {
    lectern_restore_terminal();
    sigaction(signal_number, &lectern_previous_actions()[signal_number], NULL);
    raise(signal_number);
}

static inline void lectern_install_restore_handlers(void) {
    static int installed = 0;
    if (installed) {
        return;
    }
    installed = 1;
    atexit(lectern_restore_at_exit);
    const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        action.sa_handler = lectern_restore_and_reraise;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;
        sigaction(signals[i], &action, &lectern_previous_actions()[signals[i]]);
    }
}

// Waking a sleeping run loop on a resize. Curses learns of a resize from SIGWINCH and
// reports it at the next read; a loop asleep in poll() would not make that read until the
// next key. This handler runs curses' own, then writes a byte to a pipe the loop polls.
static inline int *lectern_resize_wake_descriptor(void) {
    static int descriptor = -1;
    return &descriptor;
}

static inline struct sigaction *lectern_curses_resize_action(void) {
    static struct sigaction action;
    return &action;
}

static void lectern_resize_then_wake(int signal_number, siginfo_t *info, void *context) {
    int saved = errno;
    struct sigaction *curses = lectern_curses_resize_action();
    if (curses->sa_flags & SA_SIGINFO) {
        if (curses->sa_sigaction) curses->sa_sigaction(signal_number, info, context);
    } else if (curses->sa_handler != SIG_DFL && curses->sa_handler != SIG_IGN) {
        curses->sa_handler(signal_number);
    }
    int descriptor = *lectern_resize_wake_descriptor();
    if (descriptor >= 0) {
        char byte = 'r';
        (void)!write(descriptor, &byte, 1);
    }
    errno = saved;
}

// A pipe for the handler to write to: both ends non-blocking and closed on exec (an
// editor or browser the reader starts must not inherit them). 0 on success.
static inline int lectern_make_wake_pipe(int descriptors[2]) {
    if (pipe(descriptors) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(descriptors[i], F_SETFL, fcntl(descriptors[i], F_GETFL) | O_NONBLOCK);
        fcntl(descriptors[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}

// Call after newterm (which installs curses' handler): resizes also write to `descriptor`.
static inline void lectern_wake_on_resize(int descriptor) {
    *lectern_resize_wake_descriptor() = descriptor;
    struct sigaction action;
    action.sa_sigaction = lectern_resize_then_wake;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigaction(SIGWINCH, &action, lectern_curses_resize_action());
}

// Sleeps until standard input or one of `descriptors` is readable, or `timeout_ms` passes
// (-1: no limit); poll's result.
static inline int lectern_wait_readable(const int *descriptors, int count, int timeout_ms) {
    struct pollfd fds[8];
    int used = 0;
    fds[used].fd = fileno(stdin);
    fds[used].events = POLLIN;
    used++;
    for (int i = 0; i < count && used < 8; i++) {
        if (descriptors[i] < 0) continue;
        fds[used].fd = descriptors[i];
        fds[used].events = POLLIN;
        used++;
    }
    return poll(fds, (nfds_t)used, timeout_ms);
}
