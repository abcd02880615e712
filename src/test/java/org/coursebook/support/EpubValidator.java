package org.coursebook.support;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs EPUBCheck 5 in-process and collects every message with its severity and location. */
public final class EpubValidator {
    private EpubValidator() {}

    /** The outcome: all messages at warning level or above, formatted. */
    public record Result(List<String> errors, List<String> warnings) {
        public boolean clean() {
            return errors.isEmpty() && warnings.isEmpty();
        }

        @Override
        public String toString() {
            return "errors=" + errors + "\nwarnings=" + warnings;
        }
    }

    public static synchronized Result validate(Path epub) {
        Collector report = new Collector(epub.toString());
        new EpubCheck(epub.toFile(), report).doValidate();
        return new Result(List.copyOf(report.errors), List.copyOf(report.warnings));
    }

    private static final class Collector extends MasterReport {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        Collector(String name) {
            setEpubFileName(name);
        }

        @Override
        public void message(Message message, EPUBLocation location, Object... args) {
            Severity s = message.getSeverity();
            String text = message.getID() + " " + message.getMessage(args) + " @ " + location.path + ":" + location.line + ":" + location.column;
            if (s == Severity.ERROR || s == Severity.FATAL) errors.add(text);
            else if (s == Severity.WARNING) warnings.add(text);
        }

        @Override
        public void info(String resource, FeatureEnum feature, String value) {
        }

        @Override
        public int generate() {
            return 0;
        }

        @Override
        public void initialize() {
        }
    }
}
