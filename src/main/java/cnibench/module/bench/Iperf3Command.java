package cnibench.module.bench;

import cnibench.module.spi.Arguments;
import java.util.ArrayList;
import java.util.List;

/** The iperf3 command line for the module's arguments. */
final class Iperf3Command {
    static final int DEFAULT_PORT = 5201;
    static final int DEFAULT_TIME = 10;

    private Iperf3Command() {
    }

    /** A client run; JSON output is always on, since the module parses it. */
    static List<String> client(Arguments args) {
        List<String> argv = new ArrayList<>(List.of(args.str("executable"), "-c", args.str("server"), "-J"));
        option(argv, "-p", args, "port");
        option(argv, "-t", args, "time");
        option(argv, "-P", args, "parallel");
        option(argv, "-b", args, "bitrate");
        option(argv, "-O", args, "omit");
        option(argv, "-B", args, "bind");
        option(argv, "-l", args, "length");
        option(argv, "-i", args, "interval");
        option(argv, "--connect-timeout", args, "connect_timeout");
        if (args.bool("reverse")) {
            argv.add("-R");
        }
        if (args.bool("udp")) {
            argv.add("-u");
        }
        argv.addAll(args.strings("extra_args"));
        return argv;
    }

    /** A server; in the foreground it prints JSON for the one test it serves. */
    static List<String> server(Arguments args, boolean daemon, String pidfile) {
        List<String> argv = new ArrayList<>(List.of(args.str("executable"), "-s"));
        option(argv, "-p", args, "port");
        option(argv, "-B", args, "bind");
        option(argv, "-i", args, "interval");
        if (args.bool("one_off")) {
            argv.add("-1");
        }
        if (daemon) {
            argv.add("-D");
        } else {
            argv.add("-J");
        }
        if (pidfile != null) {
            argv.addAll(List.of("--pidfile", pidfile));
        }
        argv.addAll(args.strings("extra_args"));
        return argv;
    }

    private static void option(List<String> argv, String flag, Arguments args, String name) {
        if (args.has(name)) {
            Object value = args.raw(name);
            argv.add(flag);
            argv.add(value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value));
        }
    }
}
