package org.coursebook.cli;

import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.Diagnostics;
import org.coursebook.model.PageSize;
import org.coursebook.read.BookReader;
import org.coursebook.render.Renderers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** The command line: the only place that prints or exits. */
@Command(name = "coursebook", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds a course book (EPUB 3, print PDF, lecture handouts) from Markdown chapters.",
        subcommands = {Main.Build.class, Main.Check.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the book was built (warnings may have been printed)",
                "1:the sources have errors; each was printed as file:line:column",
                "2:the command line is wrong",
                "3:an unexpected internal error (run with --verbose for the stack trace)"})
public final class Main implements Runnable {
    public static final int OK = 0, SOURCE_ERRORS = 1, USAGE = 2, INTERNAL = 3;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExitCodeExceptionMapper(e -> e instanceof BuildException ? SOURCE_ERRORS : INTERNAL);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("coursebook: " + ex.getMessage());
            err.println("Try 'coursebook --help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
            if (ex instanceof BuildException be) {
                report(be.diagnostics(), err);
                long errors = be.diagnostics().stream().filter(Diagnostic::isError).count();
                err.println("coursebook: build failed with " + errors + " error" + (errors == 1 ? "" : "s") + "; nothing was written");
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

    static void report(List<Diagnostic> diagnostics, PrintStream err) {
        for (Diagnostic d : diagnostics) err.println(d.format());
    }

    static void report(List<Diagnostic> diagnostics, java.io.PrintWriter err) {
        for (Diagnostic d : diagnostics) err.println(d.format());
        err.flush();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Options shared by build and check. */
    static class Common {
        @Option(names = "--book", paramLabel = "FILE", description = "the manifest (default: ${DEFAULT-VALUE})",
                defaultValue = "chapters/book.yaml")
        Path book;

        @Option(names = "--verbose", description = "print stack traces with errors")
        boolean verbose;

        @Option(names = {"-q", "--quiet"}, description = "print only warnings and errors")
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
    }

    @Command(name = "build", mixinStandardHelpOptions = true, description = "Build the book into the output folder.")
    static final class Build implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "output", description = "output folder (default: ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--format", split = ",", paramLabel = "FORMAT",
                description = "formats to build, comma-separated: epub, pdf, handouts, site (default: all)")
        List<String> formats;

        @Option(names = "--page-size", paramLabel = "SIZE", description = "print page size: letter, a4 or trade (default: the manifest's)")
        String pageSize;

        @Option(names = "--handout-paper", paramLabel = "SIZE", description = "handout paper: letter or a4 (default: the manifest's)")
        String handoutPaper;

        @Option(names = "--print-layout", split = ",", paramLabel = "LAYOUT",
                description = "also write print-shop files: 2up, booklet (comma-separated)")
        List<String> printLayouts;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Set<String> fmts = new LinkedHashSet<>(formats == null ? BuildOptions.ALL_FORMATS : formats.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList());
            for (String f : fmts) {
                if (!BuildOptions.ALL_FORMATS.contains(f)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + f + "': use epub, pdf, handouts or site");
                }
            }
            PageSize ps = pageSize == null ? null : size(pageSize, Set.of(PageSize.LETTER, PageSize.A4, PageSize.TRADE));
            PageSize hp = handoutPaper == null ? null : size(handoutPaper, Set.of(PageSize.LETTER, PageSize.A4));
            List<String> layouts = printLayouts == null ? List.of() : printLayouts.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
            for (String l : layouts) {
                if (!Set.of("2up", "booklet").contains(l)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "unknown print layout '" + l + "': use 2up or booklet");
                }
            }
            if (!Files.isRegularFile(common.book)) {
                throw new BuildException(Diagnostic.error(org.coursebook.diag.SourcePos.of(common.book),
                        "the manifest does not exist", "run from the book's repository, or give its path with --book"));
            }
            BuildOptions opts = new BuildOptions(common.book, this.out, fmts, BuildOptions.sourceDateEpoch(), ps, hp,
                    common.limits(), layouts);
            boolean quiet = common.quiet;
            java.io.PrintWriter progressOut = spec.commandLine().getOut();
            BuildPipeline pipeline = new BuildPipeline(Renderers.all(), line -> {
                if (!quiet) progressOut.println(line);
            });
            BuildPipeline.Result r = pipeline.build(opts);
            report(r.diagnostics(), spec.commandLine().getErr());
            if (!quiet) {
                for (Path p : r.written()) {
                    progressOut.printf("wrote %s (%,d bytes)%n", this.out.resolve(this.out.toAbsolutePath().relativize(p)), Files.size(p));
                }
                progressOut.flush();
            }
            return OK;
        }

        private PageSize size(String s, Set<PageSize> allowed) {
            return PageSize.fromKey(s).filter(allowed::contains).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "unknown paper size '" + s + "'"));
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Read and check the book; write nothing.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Diagnostics diag = new Diagnostics();
            BuildOptions opts = new BuildOptions(common.book, Path.of("output"), Set.of(), null, null, null, common.limits(), List.of());
            new BuildPipeline(List.of(), s -> {}).check(opts, diag, java.util.Map.of());
            report(diag.all(), spec.commandLine().getErr());
            if (!common.quiet) spec.commandLine().getOut().println("coursebook: no errors found");
            return OK;
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"coursebook " + (v == null ? "(development)" : v)};
        }
    }
}
