// slurmrestd-swift: serves one HTTP/1.1 connection on stdin/stdout, then exits.
// Started by inetd, xinetd or a systemd socket unit with Accept=yes.
#if canImport(Glibc)
import Glibc
#endif

signal(SIGPIPE, SIG_IGN)

let startup: Startup
do {
    startup = try Startup.prepare(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    error.report()
    exit(error.exitCode)
}

exit(Server(startup).run())
