package org.coursebook.cli;

import org.coursebook.read.ManifestReader;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What the command line says when it is wrong: a mistyped command or option names the nearest one ({@code biuld}:
 * did you mean 'build'?), by the edit distance the manifest's key hints use ({@link ManifestReader#distance}), and
 * an option with a fixed set of values lists them.
 */
final class Suggestions {
    private Suggestions() {}

    /** The one of {@code candidates} nearest to {@code typed}, if it is near enough to be a slip of the keys; else null. */
    static String nearest(String typed, Collection<String> candidates) {
        String lower = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String c : candidates) {
            int d = ManifestReader.distance(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        // near: at most two slips, and fewer than half the letters of the word (so '-x' is near nothing)
        String core = lower.replaceFirst("^-+", "");
        if (best == null || tie || bestDistance == 0 || bestDistance > 2 || 2 * bestDistance >= Math.max(core.length(), 2)) return null;
        return best;
    }

    /**
     * The message for a command line picocli could not parse: for an unknown command or option, which it is and the
     * nearest known one; otherwise picocli's own message.
     */
    static String message(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return ex.getMessage();
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String typed = u.getUnmatched().get(0);
        String where = spec.qualifiedName();
        if (typed.startsWith("-")) {
            String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            List<String> options = new ArrayList<>();
            for (CommandLine.Model.OptionSpec o : spec.options()) options.addAll(List.of(o.names()));
            String near = nearest(name, options);
            return "unknown option '" + name + "' for " + where + (near == null ? "" : "; did you mean '" + near + "'?");
        }
        if (!spec.subcommands().isEmpty()) {
            List<String> commands = spec.subcommands().keySet().stream().filter(c -> !c.equals("help")).toList();
            String near = nearest(typed, spec.subcommands().keySet());
            return "'" + typed + "' is not a command" + (near == null ? "" : "; did you mean '" + near + "'?")
                    + " (the commands: " + String.join(", ", commands) + ")";
        }
        if (spec.findOption("--book") != null && Files.exists(Path.of(typed))) {
            return "unexpected argument '" + typed + "'; to give the book, write --book " + typed;
        }
        return "unexpected argument '" + typed + "' for " + where;
    }

    /**
     * The value of an option with a fixed set, lower-cased, or a ParameterException that lists the set (and the
     * nearest value, if one is near): {@code unknown page size 'A5' for --page-size: expected one of letter, a4,
     * trade}.
     */
    static String oneOf(CommandLine cl, String what, String option, String value, List<String> allowed) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains(v)) return v;
        String near = nearest(v, allowed);
        throw new CommandLine.ParameterException(cl, "unknown " + what + " '" + value + "' for " + option
                + ": expected one of " + String.join(", ", allowed) + (near == null ? "" : " (did you mean '" + near + "'?)"));
    }
}
