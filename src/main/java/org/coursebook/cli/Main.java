package org.coursebook.cli;

import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.build.StarterCourse;
import org.coursebook.build.Watcher;
import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.Diagnostics;
import org.coursebook.model.PageSize;
import org.coursebook.read.BookLocator;
import org.coursebook.read.BookReader;
import org.coursebook.render.Renderers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The command line: the only place that prints or exits. */
@Command(name = "coursebook", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds a course book (EPUB 3, print PDF, lecture handouts) from Markdown chapters.",
        subcommands = {Main.Build.class, Main.Check.class, Main.Watch.class, Main.Init.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the book was built or checked (warnings may have been printed)",
                "1:the sources have errors; each was printed as file:line:column",
                "2:the command line is wrong",
                "3:an unexpected internal error (run with --verbose for the stack trace)",
                "130:watch was stopped with Ctrl-C"},
        footer = {"", "Run 'coursebook COMMAND --help' for a command's options."})
public final class Main implements Callable<Integer> {
    public static final int OK = 0, SOURCE_ERRORS = 1, USAGE = 2, INTERNAL = 3;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        // The tool draws nothing on screen (covers, highlighting, fonts go through AWT and Swing classes): never
        // open a display, even where one is set.
        System.setProperty("java.awt.headless", "true");
        // The same sources give the same bytes on any machine: the process runs in the root locale from its start,
        // before any other thread, so that no library formats or case-maps text in the machine's language
        // (openhtmltopdf lower-cases roman page numbers with the default locale: "ıı" under a Turkish one).
        Locale.setDefault(Locale.ROOT);
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs the command line with the process's environment; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs the command line; {@code env} decides whether this is CI (quiet unless --verbose). Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine cl = new CommandLine(new Main(out, err, env));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExitCodeExceptionMapper(e -> e instanceof BuildException ? SOURCE_ERRORS : INTERNAL);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("coursebook: " + Suggestions.message(ex));
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
            if (ex instanceof BuildException be) {
                report(be.diagnostics(), err);
                long errors = be.diagnostics().stream().filter(Diagnostic::isError).count();
                boolean init = parseResult.subcommand() != null && parseResult.subcommand().commandSpec().name().equals("init");
                err.println("coursebook: " + (init ? "init" : "build") + " failed with " + plural(errors, "error") + "; nothing was written");
                if (verbose) ex.printStackTrace(err);
                return SOURCE_ERRORS;
            }
            err.println("coursebook: internal error: " + ex);
            if (verbose) ex.printStackTrace(err);
            else err.println("Run again with --verbose for the stack trace.");
            return INTERNAL;
        });
        return cl.execute(args);
    }

    /** Without a command: the usage, and the exit code for a wrong command line. */
    @Override
    public Integer call() {
        err.println("coursebook: say what to do: build, check, watch or init");
        spec.commandLine().usage(err);
        return USAGE;
    }

    static void report(List<Diagnostic> diagnostics, PrintStream err) {
        for (Diagnostic d : diagnostics) err.println(d.format());
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** How much a command prints. */
    enum Level { QUIET, NORMAL, VERBOSE }

    /** CI services set CI (to true, or 1); builds there print only warnings and errors unless asked. */
    static boolean isCi(Map<String, String> env) {
        String ci = env.get("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    /** Options shared by every command. */
    static class Common {
        @Option(names = "--book", paramLabel = "PATH",
                description = "the book's manifest, or the folder that holds it (default: the book in the current folder: "
                        + "book.yaml or chapters/book.yaml)")
        Path book;

        @Option(names = "--strict", description = "also report style advice (a table without a caption, a chapter without sections…)")
        boolean strict;

        /** The manifest found from --book, or in the current folder (once per command). */
        private Path manifest;

        @Option(names = {"-v", "--verbose"}, description = "print progress even in CI, and stack traces with internal errors")
        boolean verbose;

        @Option(names = {"-q", "--quiet"}, description = "print only warnings and errors (the default when the CI environment variable is set)")
        boolean quiet;

        @Option(names = "--max-chapter-kib", paramLabel = "KIB", defaultValue = "4096",
                description = "refuse chapter files larger than this (default: ${DEFAULT-VALUE} KiB)")
        long maxChapterKib;

        @Option(names = "--max-image-kib", paramLabel = "KIB", defaultValue = "10240",
                description = "refuse images larger than this (default: ${DEFAULT-VALUE} KiB)")
        long maxImageKib;

        BookReader.Limits limits() {
            return new BookReader.Limits(maxChapterKib * 1024, maxImageKib * 1024);
        }

        Level level(Map<String, String> env) {
            if (quiet) return Level.QUIET;
            if (verbose) return Level.VERBOSE;
            return isCi(env) ? Level.QUIET : Level.NORMAL;
        }

        /** The book's manifest (see {@link BookLocator}); throws a BuildException naming what was looked for. */
        Path manifest() {
            if (manifest == null) manifest = BookLocator.locate(book, Path.of(""));
            return manifest;
        }
    }

    /** What to build and where: shared by build and watch. */
    static class Target {
        @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "output", description = "output folder (default: ${DEFAULT-VALUE})")
        Path out;

        @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FORMAT",
                description = "formats to build, comma-separated: epub, pdf, handouts, site, web (default: all)")
        List<String> formats;

        @Option(names = "--page-size", paramLabel = "SIZE", description = "print page size: letter, a4 or trade (default: the manifest's)")
        String pageSize;

        @Option(names = "--handout-paper", paramLabel = "SIZE", description = "handout paper: letter or a4 (default: the manifest's)")
        String handoutPaper;

        @Option(names = "--print-layout", split = ",", paramLabel = "LAYOUT",
                description = "also write print-shop files: 2up, booklet (comma-separated)")
        List<String> printLayouts;

        BuildOptions options(Common common, CommandLine.Model.CommandSpec spec) {
            CommandLine cl = spec.commandLine();
            Set<String> fmts = new LinkedHashSet<>();
            for (String f : formats == null ? BuildOptions.ALL_FORMATS : formats) {
                fmts.add(Suggestions.oneOf(cl, "format", "--format", f, BuildOptions.ALL_FORMATS));
            }
            PageSize ps = pageSize == null ? null : size(cl, "page size", "--page-size", pageSize, List.of(PageSize.LETTER, PageSize.A4, PageSize.TRADE));
            PageSize hp = handoutPaper == null ? null : size(cl, "paper size", "--handout-paper", handoutPaper, List.of(PageSize.LETTER, PageSize.A4));
            List<String> layouts = new ArrayList<>();
            for (String l : printLayouts == null ? List.<String>of() : printLayouts) {
                layouts.add(Suggestions.oneOf(cl, "print layout", "--print-layout", l, List.of("2up", "booklet")));
            }
            return new BuildOptions(common.manifest(), out, fmts, BuildOptions.sourceDateEpoch(), ps, hp, common.limits(), layouts, common.strict);
        }

        private static PageSize size(CommandLine cl, String what, String option, String s, List<PageSize> allowed) {
            String key = Suggestions.oneOf(cl, what, option, s, allowed.stream().map(PageSize::key).toList());
            return PageSize.fromKey(key).orElseThrow();
        }
    }

    /** The options and context that build and watch share (picocli reads annotated fields of superclasses too). */
    abstract static class Building implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Mixin
        Target target = new Target();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
    }

    @Command(name = "build", mixinStandardHelpOptions = true, description = {
            "Build the book into the output folder.",
            "Prints one line a stage with its time, then what was written. Outputs are replaced only when the whole build succeeds."})
    static final class Build extends Building {

        @Override
        public Integer call() throws Exception {
            BuildOptions opts = target.options(common, spec);
            Level level = common.level(main.env);
            long t = System.nanoTime();
            BuildPipeline.Result r = new BuildPipeline(Renderers.all(), progress(main.out, level)).build(opts);
            report(r.diagnostics(), main.err);
            if (level != Level.QUIET) Summary.print(main.out, opts.outDir(), r, (System.nanoTime() - t) / 1_000_000);
            return OK;
        }
    }

    static java.util.function.Consumer<String> progress(PrintStream out, Level level) {
        return line -> {
            if (level != Level.QUIET) out.println(line);
        };
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Read and check the book, report every problem; write nothing.")
    static final class Check implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            Diagnostics diag = new Diagnostics(common.strict);
            BuildOptions opts = new BuildOptions(common.manifest(), Path.of("output"), Set.of(), null, null, null, common.limits(), List.of(), common.strict);
            var book = new BuildPipeline(List.of(), s -> {}).check(opts, diag, Map.of());
            report(diag.all(), main.err);
            if (common.level(main.env) != Level.QUIET) {
                long warnings = diag.all().stream().filter(Diagnostic::isWarning).count();
                main.out.println("coursebook: no errors in " + plural(book.allParts().size(), "file")
                        + (warnings == 0 ? "" : " (" + plural(warnings, "warning") + ")"));
            }
            return OK;
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true, description = {
            "Build the book, then rebuild it whenever a file in the book's folder or its styles folder changes.",
            "Only the chapters that changed are read again. A build that fails is reported and the watch goes on. "
                    + "Stop it with Ctrl-C."})
    static final class Watch extends Building {
        private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

        @Override
        public Integer call() throws Exception {
            BuildOptions opts = target.options(common, spec);
            Level level = common.level(main.env);
            PrintStream out = main.out, err = main.err;
            BuildPipeline pipeline = new BuildPipeline(Renderers.all(), progress(out, level));
            Path cwd = Path.of("").toAbsolutePath();
            Watcher.Listener listener = new Watcher.Listener() {
                @Override
                public void building(List<Path> changed) {
                    if (level == Level.QUIET || changed.isEmpty()) return;
                    out.println();
                    out.println("[" + LocalTime.now().format(CLOCK) + "] changed: "
                            + String.join(", ", changed.stream().map(p -> display(cwd, p)).toList()));
                }

                @Override
                public void built(BuildPipeline.Result r, long millis) {
                    report(r.diagnostics(), err);
                    if (level != Level.QUIET) Summary.print(out, opts.outDir(), r, millis);
                }

                @Override
                public void failed(Exception e, long millis) {
                    if (e instanceof BuildException be) {
                        report(be.diagnostics(), err);
                        long errors = be.diagnostics().stream().filter(Diagnostic::isError).count();
                        err.println("coursebook: build failed with " + plural(errors, "error")
                                + "; the outputs were left as they were. Watching for the fix…");
                    } else {
                        err.println("coursebook: internal error: " + e);
                        if (level == Level.VERBOSE) e.printStackTrace(err);
                    }
                }
            };
            try (Watcher watcher = new Watcher(pipeline, opts, listener)) {
                if (level != Level.QUIET) {
                    out.println("coursebook: watching " + String.join(" and ",
                            watcher.watched().stream().map(p -> display(cwd, p) + "/").toList()) + " (Ctrl-C to stop)");
                }
                Thread worker = Thread.currentThread();
                CountDownLatch stopped = new CountDownLatch(1);
                Thread hook = new Thread(() -> {
                    watcher.close();
                    worker.interrupt();
                    try {
                        stopped.await(3, TimeUnit.SECONDS);
                    } catch (InterruptedException ignored) {
                        // exiting anyway
                    }
                }, "coursebook-watch-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    watcher.run();
                } catch (InterruptedException e) {
                    // Ctrl-C or the caller stopped us
                } finally {
                    if (level != Level.QUIET) out.println("coursebook: watch stopped");
                    stopped.countDown(); // after this, a Ctrl-C lets the JVM end
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException ignored) {
                        // shutting down: the hook is running
                    }
                }
            }
            return OK;
        }

        private static String display(Path cwd, Path p) {
            Path abs = p.toAbsolutePath().normalize();
            return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = {
            "Start a new course in DIR: a copy of the sample book (two chapters, a glossary) with a new identifier and "
                    + "today's date, in DIR/chapters/, ready to build.",
            "DIR must be new or empty."})
    static final class Init implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @CommandLine.Parameters(paramLabel = "DIR", description = "the new course's folder")
        Path dir;

        @Override
        public Integer call() throws Exception {
            Instant epoch = BuildOptions.sourceDateEpoch(main.env);
            LocalDate date = epoch != null ? epoch.atZone(ZoneOffset.UTC).toLocalDate() : LocalDate.now();
            List<Path> written = StarterCourse.write(dir, date, UUID.randomUUID());
            PrintStream out = main.out;
            String name = dir.toString();
            out.println("coursebook: started a course in " + name + "/ (" + written.size() + " files, the book in "
                    + StarterCourse.BOOK_FOLDER + "/)");
            out.println();
            out.println("Next:");
            out.println("  cd " + (name.contains(" ") ? "'" + name + "'" : name));
            out.println("  coursebook build     # writes output/: the EPUB, the PDF, the handouts and index.html");
            out.println();
            out.println("Then make it yours: the title, authors and chapter list are in " + StarterCourse.BOOK_FOLDER
                    + "/book.yaml, the chapters beside it;");
            out.println("'coursebook watch --format epub' rebuilds on every save. The README explains every convention.");
            return OK;
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"coursebook " + (v == null ? "(development build)" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
