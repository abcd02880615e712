package org.coursebook.support;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.util.List;

/** veraPDF in-process: PDF/UA-1 and PDF/A-2u. */
public final class PdfValidator {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfValidator() {}

    /** The failed rules (empty when the file conforms). */
    public static synchronized List<String> failures(byte[] pdf, PDFAFlavour flavour) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) return List.of();
            return result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
                            + " [" + a.getLocation().getContext() + "]")
                    .distinct().limit(40).toList();
        }
    }

    public static List<String> pdfUa(byte[] pdf) throws Exception {
        return failures(pdf, PDFAFlavour.PDFUA_1);
    }

    public static List<String> pdfA2u(byte[] pdf) throws Exception {
        return failures(pdf, PDFAFlavour.PDFA_2_U);
    }
}
